package org.accord.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facade without Spring: fixed calendars and reloading. */
class WorkingCalendarTest {

    @Test
    void aFixedCalendarForOtherModulesTests() {
        WorkingCalendar calendar = WorkingCalendar.of(
                List.of(
                        new CalendarDay(LocalDate.of(2026, 10, 1), DayKind.HOLIDAY, "国庆节"),
                        new CalendarDay(LocalDate.of(2026, 10, 10), DayKind.MAKE_UP_WORKING_DAY, "国庆节"),
                        new CalendarDay(LocalDate.of(2026, 10, 12), DayKind.WORKING_DAY, null)),
                "09:00-17:00",
                ZoneId.of("Asia/Shanghai"));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.day(LocalDate.of(2026, 10, 10)).name()).isEqualTo("国庆节");
        assertThat(calendar.specialDays(2026)).hasSize(2);
        assertThat(calendar.month(YearMonth.of(2026, 10))).hasSize(31);
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void reloadPicksUpChanges() {
        List<SpecialDay> stored = new ArrayList<>();
        WorkingCalendar calendar = new WorkingCalendar(
                () -> new WorkingDays(List.copyOf(stored), OfficeHours.STANDARD, ZoneId.of("Asia/Shanghai")),
                Duration.ZERO);
        LocalDate monday = LocalDate.of(2027, 3, 1);
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        stored.add(SpecialDay.holiday(monday, "测试假日"));
        assertThat(calendar.isWorkingDay(monday)).isTrue(); // still the cached copy
        calendar.reload();
        assertThat(calendar.isWorkingDay(monday)).isFalse();
    }

    @Test
    void refreshesOnItsOwnAfterTheConfiguredTime() throws InterruptedException {
        List<SpecialDay> stored = new ArrayList<>();
        WorkingCalendar calendar = new WorkingCalendar(
                () -> new WorkingDays(List.copyOf(stored), OfficeHours.STANDARD, ZoneId.of("Asia/Shanghai")),
                Duration.ofMillis(20));
        LocalDate monday = LocalDate.of(2027, 3, 1);
        stored.add(SpecialDay.holiday(monday, "测试假日"));
        Thread.sleep(40);
        assertThat(calendar.isWorkingDay(monday)).isFalse();
    }

    @Test
    void monthGridStartsOnMonday() {
        WorkingCalendar calendar = WorkingCalendar.of(
                List.of(new CalendarDay(LocalDate.of(2026, 2, 17), DayKind.HOLIDAY, "春节")),
                "08:30-12:00,14:30-17:30",
                ZoneId.of("Asia/Shanghai"));
        MonthGrid grid = MonthGrid.of(YearMonth.of(2026, 2), calendar, LocalDate.of(2026, 2, 17));
        assertThat(grid.weeks()).hasSize(5); // 2026-01-26 .. 2026-03-01
        assertThat(grid.weeks().get(0).get(0).day().date()).isEqualTo("2026-01-26");
        assertThat(grid.weeks().get(0).get(0).inMonth()).isFalse();
        MonthGrid.Cell holiday = grid.weeks().get(3).get(1);
        assertThat(holiday.day().date()).isEqualTo("2026-02-17");
        assertThat(holiday.cssClass()).isEqualTo("cal-day cal-holiday cal-today");
    }
}
