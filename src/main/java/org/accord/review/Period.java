package org.accord.review;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A stretch of calendar days, both ends included, that the figures are taken over: this week (Monday to Sunday),
 * this month, last month, or a custom range of at most two years.
 */
record Period(Kind kind, LocalDate from, LocalDate to) {

    enum Kind {
        THIS_WEEK,
        THIS_MONTH,
        LAST_MONTH,
        CUSTOM
    }

    static final long LONGEST_DAYS = 732;

    Period {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > LONGEST_DAYS) {
            throw new ReviewInputRejected("review.error.period");
        }
    }

    static Period of(@Nullable String kind, @Nullable String from, @Nullable String to, LocalDate today) {
        Kind k;
        try {
            k = kind == null || kind.isBlank()
                    ? Kind.THIS_MONTH
                    : Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ReviewInputRejected("review.error.period");
        }
        return switch (k) {
            case THIS_WEEK -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(k, monday, monday.plusDays(6));
            }
            case THIS_MONTH -> new Period(k, today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth()));
            case LAST_MONTH -> {
                LocalDate first = today.minusMonths(1).withDayOfMonth(1);
                yield new Period(k, first, first.with(TemporalAdjusters.lastDayOfMonth()));
            }
            case CUSTOM -> new Period(k, date(from), date(to));
        };
    }

    Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first moment after the period. */
    Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate date(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new ReviewInputRejected("review.error.period");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ReviewInputRejected("review.error.period");
        }
    }
}
