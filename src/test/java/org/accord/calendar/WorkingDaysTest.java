package org.accord.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules with the shipped 2024–2026 holiday list, no Spring. */
class WorkingDaysTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static WorkingDays rules;

    @BeforeAll
    static void loadShippedList() throws IOException {
        try (InputStream in = WorkingDaysTest.class.getResourceAsStream("/" + CalendarSeed.RESOURCE)) {
            assertThat(in).isNotNull();
            HolidayList list = HolidayList.parse(HolidayList.decode(in.readAllBytes()));
            assertThat(list.problems()).isEmpty();
            rules = new WorkingDays(list.days(), OfficeHours.parse("08:30-12:00,14:30-17:30"), SHANGHAI);
        }
    }

    static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    /** An instant given as Beijing time, e.g. {@code 2026-03-02T10:00}. */
    static Instant beijing(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    @Nested
    class SpringFestival2026 {

        @ParameterizedTest
        @CsvSource({
            "2026-02-13, true", // Friday
            "2026-02-14, true", // Saturday, make-up working day
            "2026-02-15, false", // Sunday, holiday
            "2026-02-16, false", // Monday, holiday
            "2026-02-20, false", // Friday, holiday
            "2026-02-23, false", // Monday, last holiday
            "2026-02-24, true", // Tuesday, back to work
            "2026-02-28, true", // Saturday, make-up working day
            "2026-03-01, false", // Sunday
        })
        void workingDays(LocalDate date, boolean working) {
            assertThat(rules.isWorkingDay(date)).isEqualTo(working);
        }

        @Test
        void daysCarryKindAndName() {
            assertThat(rules.day(date("2026-02-17")))
                    .isEqualTo(new CalendarDay(date("2026-02-17"), DayKind.HOLIDAY, "春节"));
            assertThat(rules.day(date("2026-02-15")).kind()).isEqualTo(DayKind.HOLIDAY); // holiday on a Sunday
            assertThat(rules.day(date("2026-02-14")))
                    .isEqualTo(new CalendarDay(date("2026-02-14"), DayKind.MAKE_UP_WORKING_DAY, "春节"));
            assertThat(rules.day(date("2026-03-07")))
                    .isEqualTo(new CalendarDay(date("2026-03-07"), DayKind.WEEKEND, null));
            assertThat(rules.day(date("2026-03-09")))
                    .isEqualTo(new CalendarDay(date("2026-03-09"), DayKind.WORKING_DAY, null));
        }

        @Test
        void addingWorkingDaysUsesTheMakeUpSaturdays() {
            assertThat(rules.addWorkingDays(date("2026-02-13"), 1)).isEqualTo("2026-02-14");
            assertThat(rules.addWorkingDays(date("2026-02-13"), 2)).isEqualTo("2026-02-24");
            assertThat(rules.addWorkingDays(date("2026-02-24"), 4)).isEqualTo("2026-02-28");
            assertThat(rules.addWorkingDays(date("2026-02-24"), 5)).isEqualTo("2026-03-02");
        }

        @Test
        void aDeadlineStartingOnAHolidayCountsFromTheNextWorkingDay() {
            LocalDate receivedOnHoliday = date("2026-02-21"); // Saturday within 春节
            assertThat(rules.addWorkingDays(receivedOnHoliday, 0)).isEqualTo("2026-02-24");
            assertThat(rules.addWorkingDays(receivedOnHoliday, 1)).isEqualTo("2026-02-24");
            assertThat(rules.addWorkingDays(receivedOnHoliday, 3)).isEqualTo("2026-02-26");
            // Same as a case received on the last working day before the holiday.
            assertThat(rules.addWorkingDays(date("2026-02-14"), 3)).isEqualTo("2026-02-26");
        }

        @Test
        void subtractingWorkingDays() {
            assertThat(rules.addWorkingDays(date("2026-02-24"), -1)).isEqualTo("2026-02-14");
            assertThat(rules.addWorkingDays(date("2026-02-24"), -2)).isEqualTo("2026-02-13");
            assertThat(rules.addWorkingDays(date("2026-02-13"), 0)).isEqualTo("2026-02-13");
        }

        @Test
        void countingWorkingDaysBetweenDates() {
            assertThat(rules.workingDaysBetween(date("2026-02-13"), date("2026-02-13")))
                    .isZero();
            assertThat(rules.workingDaysBetween(date("2026-02-13"), date("2026-02-23")))
                    .isEqualTo(1); // only the make-up Saturday
            assertThat(rules.workingDaysBetween(date("2026-02-13"), date("2026-02-24")))
                    .isEqualTo(2);
            assertThat(rules.workingDaysBetween(date("2026-02-24"), date("2026-02-13")))
                    .isEqualTo(-2);
            assertThat(rules.workingDaysBetween(date("2026-02-01"), date("2026-02-28")))
                    .isEqualTo(16); // 2–13 (10), the 14th, 24–27 (4), the 28th
        }
    }

    @Nested
    class LabourDay2026 {

        @Test
        void holidaysAndTheMakeUpSaturday() {
            assertThat(rules.isWorkingDay(date("2026-04-30"))).isTrue();
            for (int d = 1; d <= 5; d++) {
                assertThat(rules.isWorkingDay(LocalDate.of(2026, 5, d))).isFalse();
            }
            assertThat(rules.isWorkingDay(date("2026-05-09"))).isTrue(); // Saturday, make-up
            assertThat(rules.day(date("2026-05-01")).name()).isEqualTo("劳动节");
        }

        @Test
        void deadlinesAcrossLabourDay() {
            assertThat(rules.addWorkingDays(date("2026-04-30"), 1)).isEqualTo("2026-05-06");
            assertThat(rules.addWorkingDays(date("2026-05-06"), 3)).isEqualTo("2026-05-09");
            assertThat(rules.addWorkingDays(date("2026-05-02"), 1)).isEqualTo("2026-05-06");
            assertThat(rules.workingDaysBetween(date("2026-04-30"), date("2026-05-11")))
                    .isEqualTo(5);
        }
    }

    @Nested
    class NationalDay2026 {

        @Test
        void midAutumnAndNationalDayWithTheirMakeUpDays() {
            assertThat(rules.isWorkingDay(date("2026-09-20"))).isTrue(); // Sunday, make-up
            assertThat(rules.isWorkingDay(date("2026-09-25"))).isFalse(); // 中秋节, Friday
            assertThat(rules.day(date("2026-09-25")).name()).isEqualTo("中秋节");
            assertThat(rules.isWorkingDay(date("2026-10-01"))).isFalse();
            assertThat(rules.isWorkingDay(date("2026-10-07"))).isFalse();
            assertThat(rules.isWorkingDay(date("2026-10-08"))).isTrue();
            assertThat(rules.isWorkingDay(date("2026-10-10"))).isTrue(); // Saturday, make-up
            assertThat(rules.isWorkingDay(date("2026-10-11"))).isFalse();
        }

        @Test
        void deadlinesAcrossNationalDay() {
            assertThat(rules.addWorkingDays(date("2026-09-30"), 1)).isEqualTo("2026-10-08");
            assertThat(rules.addWorkingDays(date("2026-09-30"), 3)).isEqualTo("2026-10-10");
            assertThat(rules.addWorkingDays(date("2026-09-24"), 1)).isEqualTo("2026-09-28");
            assertThat(rules.addWorkingDays(date("2026-09-18"), 10)).isEqualTo("2026-10-09");
            assertThat(rules.addWorkingDays(date("2026-10-03"), 1)).isEqualTo("2026-10-08");
        }
    }

    @Test
    void countingIsTheInverseOfAdding() {
        for (LocalDate start = date("2026-01-01"); start.isBefore(date("2026-12-01")); start = start.plusDays(1)) {
            for (int n = 1; n <= 25; n++) {
                assertThat(rules.workingDaysBetween(start, rules.addWorkingDays(start, n)))
                        .as("%s + %d", start, n)
                        .isEqualTo(n);
            }
        }
    }

    @Test
    void withoutSpecialDaysOnlyWeekendsRest() {
        WorkingDays plain = WorkingDays.weekendsOnly(OfficeHours.STANDARD, SHANGHAI);
        assertThat(plain.isWorkingDay(date("2026-10-01"))).isTrue();
        assertThat(plain.addWorkingDays(date("2026-10-02"), 1)).isEqualTo("2026-10-05");
    }

    @Nested
    class WorkingHours {

        @ParameterizedTest(name = "{0} + {1} = {2}")
        @CsvSource({
            "2026-03-02T10:00, PT1H, 2026-03-02T11:00", // within the morning
            "2026-03-02T11:00, PT2H, 2026-03-02T15:30", // across the lunch break
            "2026-03-02T12:30, PT1H, 2026-03-02T15:30", // starting in the lunch break
            "2026-03-02T07:00, PT1H, 2026-03-02T09:30", // starting before opening
            "2026-03-02T16:30, PT1H, 2026-03-02T17:30", // ends exactly at closing
            "2026-03-02T17:00, PT1H, 2026-03-03T09:00", // across the evening
            "2026-03-02T19:00, PT1H, 2026-03-03T09:30", // starting in the evening
            "2026-03-06T17:00, PT1H, 2026-03-09T09:00", // across a weekend
            "2026-03-02T08:30, PT13H, 2026-03-03T17:30", // two full days
            "2026-03-02T08:30, PT13H30M, 2026-03-04T09:00",
            "2026-02-13T17:00, PT1H, 2026-02-14T09:00", // into the make-up Saturday
            "2026-02-14T17:00, PT1H, 2026-02-24T09:00", // across 春节
            "2026-02-21T10:00, PT8H, 2026-02-25T10:00", // starting on a holiday
            "2026-09-30T17:00, PT2H, 2026-10-08T10:00", // across National Day
            "2026-04-30T16:00, PT8H, 2026-05-06T17:30", // across Labour Day, ends at closing
            "2026-04-30T16:00, PT8H1M, 2026-05-07T08:31",
        })
        void addWorkingHours(String start, Duration amount, String expected) {
            assertThat(rules.addWorkingHours(beijing(start), amount)).isEqualTo(beijing(expected));
        }

        @Test
        void zeroHoursChangeNothingAndNegativeHoursAreRefused() {
            Instant saturday = beijing("2026-03-07T10:00");
            assertThat(rules.addWorkingHours(saturday, Duration.ZERO)).isEqualTo(saturday);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> rules.addWorkingHours(saturday, Duration.ofHours(-1)));
        }

        @Test
        void officeTimeBetweenInstants() {
            assertThat(rules.workingHoursBetween(beijing("2026-03-02T10:00"), beijing("2026-03-03T10:00")))
                    .isEqualTo(Duration.ofMinutes(390));
            assertThat(rules.workingHoursBetween(beijing("2026-02-13T17:00"), beijing("2026-02-24T09:00")))
                    .isEqualTo(Duration.ofMinutes(30 + 390 + 30));
            assertThat(rules.workingHoursBetween(beijing("2026-03-03T10:00"), beijing("2026-03-02T10:00")))
                    .isEqualTo(Duration.ofMinutes(-390));
            Instant start = beijing("2026-09-29T11:15");
            assertThat(rules.workingHoursBetween(start, rules.addWorkingHours(start, Duration.ofMinutes(1000))))
                    .isEqualTo(Duration.ofMinutes(1000));
        }

        @Test
        void endOfOfficeHours() {
            assertThat(rules.endOfOfficeHours(date("2026-02-24"))).isEqualTo(beijing("2026-02-24T17:30"));
        }
    }

    @Nested
    class WorkingDaysBetweenInstants {

        @Test
        void countsTheDatesInTheOfficeTimeZone() {
            // Received Friday afternoon before 春节, answered the Tuesday after: the make-up Saturday and Tuesday.
            assertThat(rules.workingDaysBetween(beijing("2026-02-13T16:00"), beijing("2026-02-24T09:00")))
                    .isEqualTo(2);
            // Same day: nothing.
            assertThat(rules.workingDaysBetween(beijing("2026-03-02T09:00"), beijing("2026-03-02T17:00")))
                    .isZero();
            // 00:30 in Beijing is still the previous day in UTC; the office's date counts.
            assertThat(rules.workingDaysBetween(beijing("2026-03-02T09:00"), beijing("2026-03-03T00:30")))
                    .isEqualTo(1);
            assertThat(rules.workingDaysBetween(beijing("2026-10-09T09:00"), beijing("2026-09-30T09:00")))
                    .isEqualTo(-2);
        }
    }

    @Test
    void officeHoursAreValidated() {
        assertThat(OfficeHours.parse(" 08:30-12:00 , 14:30-17:30 ").perDay()).isEqualTo(Duration.ofMinutes(390));
        assertThat(OfficeHours.parse("14:30-17:30,08:30-12:00").periods().get(0).start())
                .isEqualTo("08:30");
        assertThatIllegalArgumentException().isThrownBy(() -> OfficeHours.parse("8:30-12:00"));
        assertThatIllegalArgumentException().isThrownBy(() -> OfficeHours.parse("12:00-08:30"));
        assertThatIllegalArgumentException().isThrownBy(() -> OfficeHours.parse("08:30-12:00,11:00-17:30"));
        assertThatIllegalArgumentException().isThrownBy(() -> OfficeHours.parse("all day"));
    }

    @Test
    void specialDaysAreConsistent() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SpecialDay.makeUpWorkingDay(date("2026-03-02"), "春节")); // a Monday
        assertThatIllegalArgumentException().isThrownBy(() -> SpecialDay.holiday(date("2026-03-02"), " "));
        assertThatIllegalArgumentException().isThrownBy(() -> new SpecialDay(date("2026-03-02"), DayKind.WEEKEND, "x"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WorkingDays(
                        java.util.List.of(
                                SpecialDay.holiday(date("2026-03-02"), "甲"),
                                SpecialDay.holiday(date("2026-03-02"), "乙")),
                        OfficeHours.STANDARD,
                        SHANGHAI));
    }
}
