package org.accord.calendar;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One date as the calendar sees it, for display and for rules.
 *
 * @param date the date
 * @param kind what kind of day it is
 * @param name the holiday's name (e.g. 春节) for a holiday or a make-up working day; {@code null}
 *     for an ordinary working day or weekend
 */
public record CalendarDay(
        LocalDate date, DayKind kind, @Nullable String name) {

    /** Whether the office works on this day. */
    public boolean isWorkingDay() {
        return kind.isWorking();
    }

    /** Whether the day differs from the plain weekend rule (a holiday or a make-up working day). */
    public boolean isSpecial() {
        return kind == DayKind.HOLIDAY || kind == DayKind.MAKE_UP_WORKING_DAY;
    }
}
