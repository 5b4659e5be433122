package org.accord.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.accord.calendar.CalendarDay;
import org.accord.calendar.DayKind;
import org.accord.calendar.WorkingCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Time limits across the 2026 holidays of the shipped calendar data, and across a suspension. */
class DeadlinesTest {

    static Deadlines deadlines;

    @BeforeAll
    static void calendar() throws IOException {
        List<CalendarDay> days = new ArrayList<>();
        try (var in = DeadlinesTest.class.getResourceAsStream("/calendar/cn-holidays-2024-2026.csv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",");
                if (f.length < 3 || !f[0].matches("\\d{4}-\\d{2}-\\d{2}")) {
                    continue;
                }
                DayKind kind = f[1].equals("HOLIDAY") ? DayKind.HOLIDAY : DayKind.MAKE_UP_WORKING_DAY;
                days.add(new CalendarDay(LocalDate.parse(f[0]), kind, f[2]));
            }
        }
        assertThat(days).isNotEmpty();
        deadlines = new Deadlines(
                WorkingCalendar.of(days, "08:30-12:00,14:30-17:30", ZoneId.of("Asia/Shanghai")), CaseClock.system());
    }

    @Test
    void aComplaintDispatchedBeforeNationalDaySkipsTheHolidayAndCountsTheMakeUpSaturday() {
        // Tue 2026-09-29 + 13 working days: 9-30, (10-01..07 holiday), 10-08, 10-09, 10-10 (make-up Saturday),
        // 10-12 .. 10-16, 10-19 .. 10-22.
        assertThat(deadlines.deadline(LocalDate.of(2026, 9, 29), 13)).isEqualTo(LocalDate.of(2026, 10, 22));
    }

    @Test
    void aConsultationReceivedDuringSpringFestivalCountsFromTheFirstWorkingDay() {
        // Received Sat 2026-02-21 (春节, holiday until 02-23): days 1..3 are 02-24, 02-25, 02-26.
        assertThat(deadlines.deadline(LocalDate.of(2026, 2, 21), 3)).isEqualTo(LocalDate.of(2026, 2, 26));
    }

    @Test
    void anUrgentCaseIsDueTheSameWorkingDayOrTheNextOne() {
        assertThat(deadlines.deadline(LocalDate.of(2026, 11, 27), 0)).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(deadlines.deadline(LocalDate.of(2026, 10, 3), 0)).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void aSuspensionOverTheHolidayMovesTheDeadlineByTheWorkingDaysItStood() {
        // Suspended Wed 09-30, resumed Fri 10-09: working days in (09-30, 10-09] are 10-08 and 10-09.
        LocalDate deadline = LocalDate.of(2026, 10, 12);
        assertThat(deadlines.afterSuspension(deadline, LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 9)))
                .isEqualTo(LocalDate.of(2026, 10, 14));
        // Suspended and resumed on the same day: nothing moves.
        assertThat(deadlines.afterSuspension(deadline, LocalDate.of(2026, 10, 9), LocalDate.of(2026, 10, 9)))
                .isEqualTo(deadline);
    }

    @Test
    void theReturnWindowClosesAtTheEndOfTheNextWorkingDay() {
        // Dispatched Wed 2026-09-30 10:00 (Beijing): the next working day is Thu 10-08, closing at 17:30.
        Instant dispatched = Instant.parse("2026-09-30T02:00:00Z");
        assertThat(deadlines.returnDue(dispatched, 1)).isEqualTo(Instant.parse("2026-10-08T09:30:00Z"));
    }

    @Test
    void signForDueCountsOfficeHoursOnly() {
        // Dispatched Wed 2026-09-30 16:30 Beijing with 4 office hours: 1 h that day, 3 h from 10-08 08:30.
        Instant dispatched = Instant.parse("2026-09-30T08:30:00Z");
        assertThat(deadlines.signDue(dispatched, 4)).isEqualTo(Instant.parse("2026-10-08T03:30:00Z"));
    }
}
