package org.accord.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Working days and deadline arithmetic for every module: is a date a working day, what is the
 * deadline {@code n} working days or hours from now, how many working days lie between two
 * moments. Answers come from an in-memory copy of the calendar, so calls are cheap.
 *
 * <p>Counting conventions (examples in docs/calendar.md):
 *
 * <ul>
 *   <li>{@link #addWorkingDays}: the start day never counts, whatever its kind; {@code +1} is the
 *       first working day after the start. A case received on a holiday counts from the next
 *       working day, which is day 1: received Saturday 2026-02-21 (春节), 3 working days → Thursday
 *       2026-02-26.
 *   <li>{@link #workingDaysBetween(LocalDate, LocalDate)}: working days in {@code (from, to]}, the
 *       inverse of {@code addWorkingDays}.
 *   <li>{@link #addWorkingHours}: only office time ({@code accord.calendar.office-hours}) of
 *       working days counts; a start outside office time counts from the next opening.
 * </ul>
 *
 * <p>The copy is refreshed at once after an import or an edit on this instance, and at most
 * {@code accord.calendar.refresh-after} later on other instances.
 */
public class WorkingCalendar {

    private final Supplier<WorkingDays> loader;
    private final Duration refreshAfter;
    private volatile WorkingDays rules;
    private volatile long loadedAt;

    WorkingCalendar(Supplier<WorkingDays> loader, Duration refreshAfter) {
        this.loader = loader;
        this.refreshAfter = refreshAfter;
        this.rules = loader.get();
        this.loadedAt = System.nanoTime();
    }

    /**
     * A calendar that never changes, for tests and tools outside Spring.
     *
     * @param specialDays holidays and make-up working days; other kinds are ignored
     * @param officeHours e.g. {@code 08:30-12:00,14:30-17:30}
     * @param zone the office's time zone
     */
    public static WorkingCalendar of(Collection<CalendarDay> specialDays, String officeHours, ZoneId zone) {
        List<SpecialDay> days = new ArrayList<>();
        for (CalendarDay day : specialDays) {
            if (day.isSpecial()) {
                String name = day.name();
                days.add(new SpecialDay(day.date(), day.kind(), name == null ? "" : name));
            }
        }
        WorkingDays fixed = new WorkingDays(days, OfficeHours.parse(officeHours), zone);
        return new WorkingCalendar(() -> fixed, Duration.ZERO);
    }

    /** Whether the office works on {@code date}. */
    public boolean isWorkingDay(LocalDate date) {
        return rules().isWorkingDay(date);
    }

    /** The kind of {@code date} and, for holidays and make-up working days, the holiday's name. */
    public CalendarDay day(LocalDate date) {
        return rules().day(date);
    }

    /** Every day of {@code month}, in order. */
    public List<CalendarDay> month(YearMonth month) {
        WorkingDays current = rules();
        List<CalendarDay> days = new ArrayList<>(month.lengthOfMonth());
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            days.add(current.day(month.atDay(d)));
        }
        return days;
    }

    /** The holidays and make-up working days of {@code year}, in date order. */
    public List<CalendarDay> specialDays(int year) {
        return rules().specialDaysBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(SpecialDay::toCalendarDay)
                .toList();
    }

    /**
     * The {@code n}-th working day after {@code start}; before it when {@code n} is negative. The
     * start day itself is never counted. {@code n == 0} gives {@code start} when it is a working
     * day, otherwise the next working day.
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        return rules().addWorkingDays(start, n);
    }

    /**
     * The moment when {@code hours} of office time have passed since {@code start}. Evenings,
     * lunch breaks, weekends and holidays do not count; a start outside office time counts from
     * the next opening; an amount that runs out exactly at a closing time ends at that closing
     * time. A zero amount returns {@code start}.
     *
     * @throws IllegalArgumentException if {@code hours} is negative
     */
    public Instant addWorkingHours(Instant start, Duration hours) {
        return rules().addWorkingHours(start, hours);
    }

    /**
     * Working days in {@code (from, to]}: {@code from} is not counted, {@code to} is. Negative when
     * {@code to} is before {@code from}. {@code workingDaysBetween(s, addWorkingDays(s, n)) == n}
     * for every {@code n >= 1}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return rules().workingDaysBetween(from, to);
    }

    /**
     * {@link #workingDaysBetween(LocalDate, LocalDate)} of the two instants' dates in the
     * calendar's time zone: received Friday 16:00, answered Monday 09:00 → 1.
     */
    public int workingDaysBetween(Instant a, Instant b) {
        return rules().workingDaysBetween(a, b);
    }

    /** Office time between two instants; negative when {@code b} is before {@code a}. */
    public Duration workingHoursBetween(Instant a, Instant b) {
        return rules().workingHoursBetween(a, b);
    }

    /** Closing time on {@code date} (17:30 by default): where a deadline day ends. */
    public Instant endOfOfficeHours(LocalDate date) {
        return rules().endOfOfficeHours(date);
    }

    /** The date of {@code instant} in the calendar's time zone. */
    public LocalDate dateOf(Instant instant) {
        return rules().dateOf(instant);
    }

    /** The calendar's time zone ({@code accord.calendar.zone}, Asia/Shanghai by default). */
    public ZoneId zone() {
        return rules().zone();
    }

    /** Reads the calendar again; called after every change on this instance. */
    void reload() {
        WorkingDays fresh = loader.get();
        rules = fresh;
        loadedAt = System.nanoTime();
    }

    WorkingDays rules() {
        if (!refreshAfter.isZero() && System.nanoTime() - loadedAt > refreshAfter.toNanos()) {
            synchronized (this) {
                if (System.nanoTime() - loadedAt > refreshAfter.toNanos()) {
                    reload();
                }
            }
        }
        return rules;
    }
}
