package org.accord.review;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** A week (Monday to Sunday) or a calendar month, both ends included. */
record SummaryPeriod(Kind kind, LocalDate start, LocalDate end) {

    enum Kind {
        WEEK,
        MONTH
    }

    /** The period of this kind that contains the day. */
    static SummaryPeriod containing(Kind kind, LocalDate day) {
        return switch (kind) {
            case WEEK -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new SummaryPeriod(kind, monday, monday.plusDays(6));
            }
            case MONTH -> new SummaryPeriod(kind, day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
        };
    }

    /** The last whole period of this kind before the day's own. */
    static SummaryPeriod before(Kind kind, LocalDate day) {
        return containing(kind, containing(kind, day).start().minusDays(1));
    }

    /** 2026年第47周 or 2026年11月. */
    public String label() {
        return switch (kind) {
            case WEEK ->
                start.get(IsoFields.WEEK_BASED_YEAR) + "年第" + start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + "周";
            case MONTH -> start.getYear() + "年" + start.getMonthValue() + "月";
        };
    }
}
