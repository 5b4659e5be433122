package org.accord.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The working-day rules, without Spring or a database: Monday to Friday are working days, Saturday
 * and Sunday are not, except where a {@link SpecialDay} says otherwise; office time runs in the
 * {@link OfficeHours} of each working day, in one time zone. Immutable and thread-safe.
 *
 * <p>Counting conventions (see docs/calendar.md):
 *
 * <ul>
 *   <li>{@link #addWorkingDays}: the start day itself never counts, whatever its kind; {@code +1}
 *       is the first working day strictly after the start. A case received on a holiday therefore
 *       counts from the next working day: that day is day 1.
 *   <li>{@link #workingDaysBetween(LocalDate, LocalDate)}: working days in {@code (from, to]},
 *       so that {@code workingDaysBetween(s, addWorkingDays(s, n)) == n} for {@code n >= 1}.
 *   <li>{@link #addWorkingHours}: office time only; a start outside office time starts at the
 *       next opening.
 * </ul>
 */
final class WorkingDays {

    /** How far the rules look for a working day before they give up (a calendar of only holidays). */
    static final int SEARCH_LIMIT_DAYS = 3660;

    private final NavigableMap<LocalDate, SpecialDay> special = new TreeMap<>();
    private final OfficeHours officeHours;
    private final ZoneId zone;

    WorkingDays(Collection<SpecialDay> specialDays, OfficeHours officeHours, ZoneId zone) {
        for (SpecialDay day : specialDays) {
            if (special.put(day.date(), day) != null) {
                throw new IllegalArgumentException("Date listed twice: " + day.date());
            }
        }
        this.officeHours = officeHours;
        this.zone = zone;
    }

    static WorkingDays weekendsOnly(OfficeHours officeHours, ZoneId zone) {
        return new WorkingDays(List.of(), officeHours, zone);
    }

    ZoneId zone() {
        return zone;
    }

    OfficeHours officeHours() {
        return officeHours;
    }

    CalendarDay day(LocalDate date) {
        SpecialDay specialDay = special.get(date);
        if (specialDay != null) {
            return specialDay.toCalendarDay();
        }
        return new CalendarDay(date, SpecialDay.isWeekend(date) ? DayKind.WEEKEND : DayKind.WORKING_DAY, null);
    }

    boolean isWorkingDay(LocalDate date) {
        SpecialDay specialDay = special.get(date);
        return specialDay != null ? specialDay.kind().isWorking() : !SpecialDay.isWeekend(date);
    }

    /** The special days in {@code [from, to]}, in date order. */
    List<SpecialDay> specialDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return List.of();
        }
        return List.copyOf(special.subMap(from, true, to, true).values());
    }

    /** The first working day on or after {@code date}. */
    LocalDate workingDayOnOrAfter(LocalDate date) {
        return isWorkingDay(date) ? date : step(date, 1);
    }

    /**
     * The {@code n}-th working day after {@code start} (before it when {@code n} is negative). The
     * start day is never counted, working day or not. {@code n == 0} gives the start if it is a
     * working day, else the next working day (the day a case received on a holiday counts from).
     */
    LocalDate addWorkingDays(LocalDate start, int n) {
        if (n == 0) {
            return workingDayOnOrAfter(start);
        }
        int direction = n > 0 ? 1 : -1;
        LocalDate date = start;
        for (int left = Math.abs(n); left > 0; left--) {
            date = step(date, direction);
        }
        return date;
    }

    /**
     * Working days in {@code (from, to]}: the first day is not counted, the last is. Negative when
     * {@code to} is before {@code from}.
     */
    int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    /** {@link #workingDaysBetween(LocalDate, LocalDate)} of the instants' dates in the calendar's zone. */
    int workingDaysBetween(Instant a, Instant b) {
        return workingDaysBetween(dateOf(a), dateOf(b));
    }

    LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /**
     * The instant when {@code amount} of office time has passed after {@code start}. Time outside
     * the office hours of working days does not count; a start outside office time counts from
     * the next opening. When the amount runs out exactly at a closing time, that closing time is
     * the answer (not the next opening). A zero amount gives {@code start} unchanged.
     */
    Instant addWorkingHours(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Working hours to add must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        ZonedDateTime at = start.atZone(zone);
        LocalDate date = at.toLocalDate();
        LocalTime time = at.toLocalTime();
        Duration remaining = amount;
        Duration perDay = officeHours.perDay();
        for (int i = 0; i < SEARCH_LIMIT_DAYS * 10; i++, date = date.plusDays(1), time = LocalTime.MIN) {
            if (!isWorkingDay(date)) {
                continue;
            }
            if (time.equals(LocalTime.MIN) && remaining.compareTo(perDay) > 0) {
                remaining = remaining.minus(perDay);
                continue;
            }
            for (OfficeHours.Period period : officeHours.periods()) {
                if (!time.isBefore(period.end())) {
                    continue;
                }
                LocalTime from = time.isAfter(period.start()) ? time : period.start();
                Duration available = Duration.between(from, period.end());
                if (remaining.compareTo(available) <= 0) {
                    return date.atTime(from).plus(remaining).atZone(zone).toInstant();
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("No working day within reach of " + start);
    }

    /** Office time between two instants; negative when {@code b} is before {@code a}. */
    Duration workingHoursBetween(Instant a, Instant b) {
        if (b.isBefore(a)) {
            return workingHoursBetween(b, a).negated();
        }
        Duration total = Duration.ZERO;
        LocalDate last = dateOf(b);
        for (LocalDate date = dateOf(a); !date.isAfter(last); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (OfficeHours.Period period : officeHours.periods()) {
                Instant open = date.atTime(period.start()).atZone(zone).toInstant();
                Instant close = date.atTime(period.end()).atZone(zone).toInstant();
                Instant from = a.isAfter(open) ? a : open;
                Instant to = b.isBefore(close) ? b : close;
                if (from.isBefore(to)) {
                    total = total.plus(Duration.between(from, to));
                }
            }
        }
        return total;
    }

    /** The closing time of the last office period on {@code date}, in the calendar's zone. */
    Instant endOfOfficeHours(LocalDate date) {
        List<OfficeHours.Period> periods = officeHours.periods();
        return date.atTime(periods.get(periods.size() - 1).end()).atZone(zone).toInstant();
    }

    private LocalDate step(LocalDate from, int direction) {
        LocalDate date = from;
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++) {
            date = date.plusDays(direction);
            if (isWorkingDay(date)) {
                return date;
            }
        }
        throw new IllegalStateException("No working day within " + SEARCH_LIMIT_DAYS + " days of " + from);
    }
}
