package org.accord.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.accord.calendar.CalendarDay;
import org.accord.calendar.DayKind;
import org.accord.calendar.WorkingCalendar;

/** Deadline arithmetic of the case rules, on the working-day calendar. */
class Deadlines {

    private final WorkingCalendar calendar;
    private final CaseClock clock;

    Deadlines(WorkingCalendar calendar, CaseClock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * The deadline of a time-limit class for a case dispatched on a day: {@code n} working days after it, or for
     * the same-day class that day itself if it is a working day, else the next working day.
     */
    LocalDate deadline(LocalDate dispatched, int workingDays) {
        if (workingDays <= 0) {
            return calendar.isWorkingDay(dispatched) ? dispatched : calendar.addWorkingDays(dispatched, 1);
        }
        return calendar.addWorkingDays(dispatched, workingDays);
    }

    /** When a unit must have signed for its share: office hours after dispatch. */
    Instant signDue(Instant dispatched, int signHours) {
        return calendar.addWorkingHours(dispatched, Duration.ofHours(Math.max(1, signHours)));
    }

    /** The close of the return window: the end of the n-th working day after dispatch. */
    Instant returnDue(Instant assigned, int workingDays) {
        return calendar.endOfOfficeHours(calendar.addWorkingDays(calendar.dateOf(assigned), workingDays));
    }

    /** After a suspension from {@code since} to {@code today}: the deadline moves by the working days it stood. */
    LocalDate afterSuspension(LocalDate deadline, LocalDate since, LocalDate today) {
        int stood = calendar.workingDaysBetween(since, today);
        return stood <= 0 ? deadline : calendar.addWorkingDays(deadline, stood);
    }

    /** The return visit is due the next working day after the reply was accepted. */
    LocalDate visitDue(LocalDate accepted) {
        return calendar.addWorkingDays(accepted, 1);
    }

    /**
     * The names of the official holidays after {@code from} up to and including {@code to}: what a deadline in
     * working days was carried over (shown beside it, so nobody recounts by hand).
     */
    List<String> holidaysBetween(LocalDate from, LocalDate to) {
        Set<String> names = new LinkedHashSet<>();
        LocalDate last = to.isAfter(from.plusYears(1)) ? from.plusYears(1) : to;
        for (LocalDate day = from.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            CalendarDay found = calendar.day(day);
            if (found.kind() == DayKind.HOLIDAY && found.name() != null) {
                names.add(found.name());
            }
        }
        return List.copyOf(names);
    }

    LocalDate today() {
        return calendar.dateOf(now());
    }

    Instant now() {
        return clock.now();
    }

    WorkingCalendar calendar() {
        return calendar;
    }
}
