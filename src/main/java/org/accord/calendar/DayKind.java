package org.accord.calendar;

/** What kind of day a date is in the working-day calendar. */
public enum DayKind {
    /** A Monday to Friday that is not a holiday. */
    WORKING_DAY(true),
    /** A Saturday or Sunday that is not a make-up working day. */
    WEEKEND(false),
    /** An official holiday (法定节假日), on a weekday or a weekend. */
    HOLIDAY(false),
    /** A Saturday or Sunday worked to make up for a holiday (调休上班). */
    MAKE_UP_WORKING_DAY(true);

    private final boolean working;

    DayKind(boolean working) {
        this.working = working;
    }

    /** Whether the office works on a day of this kind. */
    public boolean isWorking() {
        return working;
    }

    /** Key of the kind's Chinese name in the messages. */
    public String messageKey() {
        return "calendar.kind." + name();
    }
}
