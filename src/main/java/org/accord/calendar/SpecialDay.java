package org.accord.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A day that differs from the weekend rule: a holiday (on any day of the week) or a make-up working
 * day (always a Saturday or Sunday). Ordinary days are never stored.
 */
record SpecialDay(LocalDate date, DayKind kind, String name) {

    static final int MAX_NAME_LENGTH = 50;

    SpecialDay {
        if (kind != DayKind.HOLIDAY && kind != DayKind.MAKE_UP_WORKING_DAY) {
            throw new IllegalArgumentException("A special day is a holiday or a make-up working day: " + kind);
        }
        if (kind == DayKind.MAKE_UP_WORKING_DAY && !isWeekend(date)) {
            throw new IllegalArgumentException("A make-up working day falls on a weekend: " + date);
        }
        if (kind == DayKind.HOLIDAY && name.isBlank()) {
            throw new IllegalArgumentException("A holiday has a name: " + date);
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Name too long: " + name);
        }
    }

    static SpecialDay holiday(LocalDate date, String name) {
        return new SpecialDay(date, DayKind.HOLIDAY, name);
    }

    static SpecialDay makeUpWorkingDay(LocalDate date, String name) {
        return new SpecialDay(date, DayKind.MAKE_UP_WORKING_DAY, name);
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    CalendarDay toCalendarDay() {
        return new CalendarDay(date, kind, name.isEmpty() ? null : name);
    }
}
