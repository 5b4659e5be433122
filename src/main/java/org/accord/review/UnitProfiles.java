package org.accord.review;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.calendar.WorkingCalendar;
import org.accord.coordination.CoordinationRecords;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.accord.supervision.SupervisionRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A unit's profile (人熟好办事): who its liaisons are and how to reach them, how it has kept its deadlines month by
 * month, what is open with it now, and where it disagreed in past rounds and how that ended. The caller checks that
 * the viewer's scope covers the unit.
 */
@Service
class UnitProfiles {

    static final int MONTHS = 6;

    /**
     * Supervised tasks due in one month: how many, how many done by their deadline, how many are decided (done, or
     * past the deadline), so that a month still running is not counted as late.
     */
    record Month(YearMonth month, int due, int onTime, int decided) {

        /** On-time share of the decided tasks, in whole percent, or null when none is decided yet. */
        public @Nullable Integer rate() {
            return decided == 0 ? null : (int) Math.round(100.0 * onTime / decided);
        }
    }

    record UnitProfile(
            UnitSummary unit,
            @Nullable PersonSummary overseer,
            List<PersonSummary> liaisons,
            List<Month> months,
            List<SupervisionRecords.TaskRecord> openTasks,
            List<CoordinationRecords.MatterRecord> openMatters,
            List<CoordinationRecords.DivergenceRecord> divergences) {}

    private final Directory directory;
    private final SupervisionRecords supervision;
    private final CoordinationRecords coordination;
    private final ZoneId zone;

    UnitProfiles(
            Directory directory,
            SupervisionRecords supervision,
            CoordinationRecords coordination,
            WorkingCalendar calendar) {
        this.directory = directory;
        this.supervision = supervision;
        this.coordination = coordination;
        this.zone = calendar.zone();
    }

    @Transactional(readOnly = true)
    UnitProfile profile(UnitSummary unit) {
        LocalDate today = LocalDate.now(zone);
        return new UnitProfile(
                unit,
                directory.overseeingLeader(unit.id()).orElse(null),
                directory.liaisons(unit.id()),
                months(unit.id(), today),
                supervision.openTasksLedBy(unit.id()),
                coordination.openMattersOf(unit.id()),
                coordination.divergencesOf(unit.id()));
    }

    List<Month> months(long unitId, LocalDate today) {
        YearMonth first = YearMonth.from(today).minusMonths(MONTHS - 1L);
        Map<YearMonth, int[]> counts = new LinkedHashMap<>();
        for (int i = 0; i < MONTHS; i++) {
            counts.put(first.plusMonths(i), new int[3]);
        }
        for (SupervisionRecords.TaskRecord task : supervision.tasksLedBy(unitId, first.atDay(1))) {
            int[] month = counts.get(YearMonth.from(task.deadline()));
            if (month == null) {
                continue;
            }
            month[0]++;
            boolean done = task.completed() && task.completedAt() != null;
            if (done && !LocalDate.ofInstant(task.completedAt(), zone).isAfter(task.deadline())) {
                month[1]++;
            }
            if (done || task.deadline().isBefore(today)) {
                month[2]++;
            }
        }
        List<Month> months = new ArrayList<>();
        counts.forEach((month, c) -> months.add(new Month(month, c[0], c[1], c[2])));
        return months;
    }
}
