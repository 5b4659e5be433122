package org.accord.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only access to supervised tasks for looking back on a period (the review module). Unlike the task desk it
 * applies no data scope: the caller narrows by unit and is answerable for showing only what its viewer may see,
 * which lets a scheduled job with nobody signed in read the same records.
 */
@Service
public class SupervisionRecords {

    /**
     * A task as a review sees it.
     *
     * @param status one of OPEN, IN_PROGRESS, COMPLETION_REPORTED, COMPLETED
     */
    public record TaskRecord(
            long id,
            String title,
            String sourceKind,
            long leadUnitId,
            LocalDate deadline,
            String status,
            Instant openedAt,
            @Nullable Instant completedAt) {

        public boolean completed() {
            return "COMPLETED".equals(status);
        }
    }

    private final JdbcClient jdbc;

    SupervisionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Tasks led by one of the units that matter to a period {@code [from, to)}: completed in it, or due before its end
     * and still not completed at all. Ordered by deadline, then id.
     */
    @Transactional(readOnly = true)
    public List<TaskRecord> tasksForPeriod(
            Collection<Long> leadUnitIds, Instant from, Instant to, LocalDate dueBefore) {
        if (leadUnitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id, title, source_kind, lead_unit_id, deadline, status, opened_at, completed_at
                        FROM supervision_task
                        WHERE lead_unit_id IN (:units)
                          AND ((completed_at >= :from AND completed_at < :to)
                               OR (status <> 'COMPLETED' AND deadline < :due))
                        ORDER BY deadline, id
                        """)
                .param("units", leadUnitIds)
                .param("from", java.sql.Timestamp.from(from))
                .param("to", java.sql.Timestamp.from(to))
                .param("due", dueBefore)
                .query(SupervisionRecords::task)
                .list();
    }

    /** Every task a unit leads, opened from {@code since} on (for its responsiveness month by month). */
    @Transactional(readOnly = true)
    public List<TaskRecord> tasksLedBy(long unitId, LocalDate dueFrom) {
        return jdbc.sql("""
                        SELECT id, title, source_kind, lead_unit_id, deadline, status, opened_at, completed_at
                        FROM supervision_task WHERE lead_unit_id = :unit AND deadline >= :due ORDER BY deadline, id
                        """)
                .param("unit", unitId)
                .param("due", dueFrom)
                .query(SupervisionRecords::task)
                .list();
    }

    /** The tasks a unit leads that are not completed yet, oldest deadline first. */
    @Transactional(readOnly = true)
    public List<TaskRecord> openTasksLedBy(long unitId) {
        return jdbc.sql("""
                        SELECT id, title, source_kind, lead_unit_id, deadline, status, opened_at, completed_at
                        FROM supervision_task WHERE lead_unit_id = :unit AND status <> 'COMPLETED' ORDER BY deadline, id
                        """)
                .param("unit", unitId)
                .query(SupervisionRecords::task)
                .list();
    }

    private static TaskRecord task(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        java.sql.Timestamp completed = rs.getTimestamp("completed_at");
        return new TaskRecord(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("source_kind"),
                rs.getLong("lead_unit_id"),
                rs.getDate("deadline").toLocalDate(),
                rs.getString("status"),
                rs.getTimestamp("opened_at").toInstant(),
                completed == null ? null : completed.toInstant());
    }
}
