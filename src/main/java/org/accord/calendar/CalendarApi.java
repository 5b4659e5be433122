package org.accord.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only JSON view of the calendar for clients that are not pages. */
@RestController
@RequestMapping("/api/calendar")
@PreAuthorize("hasAnyRole('LEADER', 'STAFF', 'LIAISON', 'SYSADMIN') or hasAuthority('SCOPE_calendar:read')")
class CalendarApi {

    static final int MAX_DAYS = 366;

    private final WorkingCalendar calendar;
    private final MessageSource messages;

    CalendarApi(WorkingCalendar calendar, MessageSource messages) {
        this.calendar = calendar;
        this.messages = messages;
    }

    /** Every day in {@code [from, to]} with its kind and holiday name; at most a year at a time. */
    @GetMapping("/days")
    List<CalendarDay> days(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        if (from == null || to == null) {
            throw new CalendarInputRejected("calendar.error.range");
        }
        LocalDate first = CalendarPages.date(from);
        LocalDate last = CalendarPages.date(to);
        if (last.isBefore(first) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new CalendarInputRejected("calendar.error.range");
        }
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            days.add(calendar.day(date));
        }
        return days;
    }

    /** The {@code workingDays}-th working day after {@code start}, by the rules of {@link WorkingCalendar}. */
    @GetMapping("/deadline")
    Deadline deadline(
            @RequestParam(required = false) @Nullable String start,
            @RequestParam(required = false) @Nullable String workingDays) {
        if (start == null) {
            throw new CalendarInputRejected("calendar.error.date", "");
        }
        LocalDate from = CalendarPages.date(start);
        int n = CalendarPages.number(workingDays, 0, -MAX_DAYS, MAX_DAYS, "working-days");
        return new Deadline(from, n, calendar.addWorkingDays(from, n));
    }

    record Deadline(LocalDate start, int workingDays, LocalDate due) {}

    @ExceptionHandler(CalendarInputRejected.class)
    ProblemDetail rejected(CalendarInputRejected rejected) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, CalendarPages.text(messages, rejected.messageKey(), rejected.arguments()));
    }
}
