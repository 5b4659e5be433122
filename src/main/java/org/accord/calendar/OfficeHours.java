package org.accord.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The office's daily opening periods, e.g. {@code 08:30-12:00,14:30-17:30}: sorted, not
 * overlapping, each within one day. The same on every working day.
 */
record OfficeHours(List<Period> periods) {

    /** One opening period, start inclusive, end exclusive. */
    record Period(LocalTime start, LocalTime end) {

        Period {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("Office period ends before it starts: " + start + "-" + end);
            }
        }

        Duration length() {
            return Duration.between(start, end);
        }
    }

    static final OfficeHours STANDARD = parse("08:30-12:00,14:30-17:30");

    OfficeHours {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("Office hours need at least one period");
        }
        periods = periods.stream().sorted(Comparator.comparing(Period::start)).toList();
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                throw new IllegalArgumentException("Office periods overlap: " + periods);
            }
        }
    }

    /** Parses {@code HH:mm-HH:mm[,HH:mm-HH:mm...]}. */
    static OfficeHours parse(String text) {
        List<Period> periods = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] bounds = part.trim().split("-");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("Office hours look like 08:30-12:00,14:30-17:30: " + text);
            }
            try {
                periods.add(new Period(LocalTime.parse(bounds[0].trim()), LocalTime.parse(bounds[1].trim())));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Office hours look like 08:30-12:00,14:30-17:30: " + text, e);
            }
        }
        return new OfficeHours(periods);
    }

    /** Office time in one working day. */
    Duration perDay() {
        return periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public String toString() {
        return String.join(
                ",", periods.stream().map(p -> p.start() + "-" + p.end()).toList());
    }
}
