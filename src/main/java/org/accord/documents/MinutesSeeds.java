package org.accord.documents;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.accord.audit.Audited;
import org.accord.documents.Revision.Decision;
import org.accord.meetings.MeetingConcluded;
import org.accord.notify.Notice;
import org.accord.notify.Notifications;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a concluded meeting whose minutes are wanted as a seed: the listener runs after the meeting's
 * transaction, on another thread and without a signed-in user, so the organiser starts the draft later from
 * the page 待起草纪要 under their own sign-in.
 */
@Component
class MinutesSeeds {

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private final DocumentStore store;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    MinutesSeeds(
            DocumentStore store,
            Notifications notifications,
            ApplicationEventPublisher events,
            MessageSource messages) {
        this.store = store;
        this.notifications = notifications;
        this.events = events;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(MeetingConcluded meeting) {
        if (!meeting.minutesWanted() || store.seedExists(meeting.meetingId())) {
            return;
        }
        StringBuilder outcomes = new StringBuilder();
        int n = 0;
        for (MeetingConcluded.Item item : meeting.items()) {
            String numeral = n < NUMERALS.length ? NUMERALS[n] : String.valueOf(n + 1);
            n++;
            outcomes.append(numeral).append("、").append(item.title()).append('\n');
            if (!item.outcome().isBlank()) {
                outcomes.append(item.outcome().strip()).append('\n');
            }
        }
        List<Decision> decisions = meeting.items().stream()
                .flatMap(item -> item.decisions().stream())
                .map(decision -> new Decision(
                        decision.text(), decision.leadUnitId(), decision.cooperatingUnitIds(), decision.deadline()))
                .toList();
        long seed = store.insertSeed(
                meeting.meetingId(),
                meeting.matterId(),
                meeting.organiserPersonId(),
                meeting.chairPersonId(),
                meeting.title(),
                meeting.kind(),
                meeting.start(),
                meeting.place(),
                meeting.present(),
                meeting.absent(),
                meeting.attendingAsObservers(),
                outcomes.toString().strip(),
                decisions,
                Instant.now());
        events.publishEvent(Audited.now(
                Documents.MODULE,
                "minutes-seed",
                String.valueOf(seed),
                "seed",
                null,
                null,
                "meeting=" + meeting.meetingId()));
        notifications.send(Notice.of(
                Set.of(meeting.organiserPersonId()),
                "documents.minutes-seed",
                messages.getMessage("documents.notice.seed", new Object[] {meeting.title()}, Locale.SIMPLIFIED_CHINESE),
                meeting.title(),
                "/documents/minutes-seeds"));
    }
}
