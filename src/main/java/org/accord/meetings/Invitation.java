package org.accord.meetings;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A meeting as an iCalendar invitation (RFC 5545): METHOD:REQUEST with the organiser and one ATTENDEE per liaison
 * of each attending unit; the UID stays the same for the meeting and SEQUENCE grows with every change, so calendar
 * clients update the event they imported instead of adding a second one. Times are in UTC.
 */
final class Invitation {

    /** Someone with a calendar address. */
    record Person(String name, String email) {}

    private Invitation() {}

    static String of(Meeting meeting, Person organiser, List<Person> attendees, String description, Instant stamp) {
        VEvent event = new VEvent(
                meeting.startsAt().truncatedTo(ChronoUnit.SECONDS),
                meeting.endsAt().truncatedTo(ChronoUnit.SECONDS),
                meeting.title());
        event.replace(new DtStamp(stamp.truncatedTo(ChronoUnit.SECONDS)));
        event.add(new Uid(meeting.uid()));
        event.add(new Sequence(meeting.sequence()));
        event.add(new Location(meeting.place()));
        event.add(new Description(description));
        Organizer organizer = new Organizer(mailto(organiser.email()));
        organizer.add(new Cn(organiser.name()));
        event.add(organizer);
        for (Person person : attendees) {
            Attendee attendee = new Attendee(mailto(person.email()));
            attendee.add(new Cn(person.name()));
            attendee.add(CuType.INDIVIDUAL);
            attendee.add(Role.REQ_PARTICIPANT);
            attendee.add(PartStat.NEEDS_ACTION);
            attendee.add(Rsvp.TRUE);
            event.add(attendee);
        }
        boolean cancelled = meeting.status() == MeetingStatus.CANCELLED;
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Accord//Meetings//ZH"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static URI mailto(String email) {
        return URI.create("mailto:" + email);
    }
}
