package org.accord.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The stored tasks, their progress history and the reminders sent. */
@Repository
class SupervisedTasks {

    /** One entry of a task's history. */
    record Entry(
            long id,
            long taskId,
            EntryKind kind,
            String byUsername,
            String byName,
            @Nullable Long unitId,
            Instant at,
            String text) {}

    enum EntryKind {
        PROGRESS,
        NOTE,
        COMPLETION,
        ACCEPTED,
        REJECTED,
        URGED,
        /** The office's reminder (催办) to the lead unit. */
        REMINDED
    }

    /** What a list shows: filters already checked by the caller. */
    record Filter(
            @Nullable TaskStatus status,
            boolean overdueOnly,
            @Nullable Long unitId) {}

    private static final String COLUMNS = "id, source_kind, source_id, title, lead_unit_id, deadline, status, evidence,"
            + " review_note, opened_at, completed_at, version";

    private final JdbcClient jdbc;

    SupervisedTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Task> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM supervision_task WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional()
                .map(row -> withUnits(List.of(row)).get(0));
    }

    Optional<Long> findIdBySource(SourceKind kind, long sourceId) {
        return jdbc.sql("SELECT id FROM supervision_task WHERE source_kind = :kind AND source_id = :source")
                .param("kind", kind.name())
                .param("source", sourceId)
                .query(Long.class)
                .optional();
    }

    /** Stores a new task and returns its id. */
    long insert(Task task) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO supervision_task (source_kind, source_id, title, lead_unit_id, deadline, status,"
                        + " evidence, review_note, opened_at, completed_at, version)"
                        + " VALUES (:kind, :source, :title, :lead, :deadline, :status, :evidence, :note, :opened,"
                        + " :completed, 0)")
                .param("kind", task.sourceKind().name())
                .param("source", task.sourceId())
                .param("title", task.title())
                .param("lead", task.leadUnitId())
                .param("deadline", task.deadline())
                .param("status", task.status().name())
                .param("evidence", task.evidence())
                .param("note", task.reviewNote())
                .param("opened", time(task.openedAt()))
                .param("completed", task.completedAt() == null ? null : time(task.completedAt()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (Long unitId : task.cooperatingUnitIds()) {
            jdbc.sql("INSERT INTO supervision_task_unit (task_id, unit_id) VALUES (:task, :unit)")
                    .param("task", id)
                    .param("unit", unitId)
                    .update();
        }
        return id;
    }

    /** Stores the task's new status; fails if someone changed it since it was read. */
    void update(Task task) {
        int changed = jdbc.sql(
                        "UPDATE supervision_task SET status = :status, evidence = :evidence, review_note = :note,"
                                + " completed_at = :completed, version = version + 1 WHERE id = :id AND version = :version")
                .param("status", task.status().name())
                .param("evidence", task.evidence())
                .param("note", task.reviewNote())
                .param("completed", task.completedAt() == null ? null : time(task.completedAt()))
                .param("id", task.id())
                .param("version", task.version())
                .update();
        if (changed != 1) {
            throw new OptimisticLockingFailureException("Task " + task.id() + " was changed meanwhile");
        }
    }

    /** Adds an entry to a task's history and returns its id. */
    long addEntry(long taskId, EntryKind kind, String byUsername, String byName, @Nullable Long unitId, String text) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO supervision_progress (task_id, kind, by_username, by_name, unit_id, reported_at, body)"
                        + " VALUES (:task, :kind, :username, :name, :unit, :at, :body)")
                .param("task", taskId)
                .param("kind", kind.name())
                .param("username", byUsername)
                .param("name", byName)
                .param("unit", unitId)
                .param("at", time(Instant.now()))
                .param("body", text)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<Entry> history(long taskId) {
        return jdbc.sql("SELECT id, task_id, kind, by_username, by_name, unit_id, reported_at, body"
                        + " FROM supervision_progress WHERE task_id = :task ORDER BY id")
                .param("task", taskId)
                .query((rs, n) -> new Entry(
                        rs.getLong("id"),
                        rs.getLong("task_id"),
                        EntryKind.valueOf(rs.getString("kind")),
                        rs.getString("by_username"),
                        rs.getString("by_name"),
                        rs.getObject("unit_id", Long.class),
                        rs.getObject("reported_at", OffsetDateTime.class).toInstant(),
                        rs.getString("body")))
                .list();
    }

    /**
     * Tasks in a scope, newest first: all of them when {@code scopeUnits} is null, otherwise those whose
     * lead or cooperating unit is one of them (none for an empty set).
     */
    List<Task> list(@Nullable Set<Long> scopeUnits, Filter filter, LocalDate today, int limit) {
        if (scopeUnits != null && scopeUnits.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM supervision_task t WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (scopeUnits != null) {
            sql.append(" AND (t.lead_unit_id IN (:scope) OR EXISTS (SELECT 1 FROM supervision_task_unit u"
                    + " WHERE u.task_id = t.id AND u.unit_id IN (:scope)))");
            params.put("scope", scopeUnits);
        }
        if (filter.unitId() != null) {
            sql.append(" AND (t.lead_unit_id = :unit OR EXISTS (SELECT 1 FROM supervision_task_unit u"
                    + " WHERE u.task_id = t.id AND u.unit_id = :unit))");
            params.put("unit", filter.unitId());
        }
        if (filter.status() != null) {
            sql.append(" AND t.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.overdueOnly()) {
            sql.append(" AND t.status <> 'COMPLETED' AND t.deadline < :today");
            params.put("today", today);
        }
        sql.append(" ORDER BY t.id DESC LIMIT ").append(limit);
        List<Task> rows = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> row(rs))
                .list();
        return withUnits(rows);
    }

    /** Whether a timer already sent this kind for the task. */
    boolean reminderSent(long taskId, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_reminder WHERE task_id = :task AND kind = :kind")
                        .param("task", taskId)
                        .param("kind", kind)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void recordReminder(long taskId, String kind, String recipients) {
        jdbc.sql("INSERT INTO supervision_reminder (task_id, kind, sent_at, recipients)"
                        + " VALUES (:task, :kind, :at, :recipients)")
                .param("task", taskId)
                .param("kind", kind)
                .param("at", time(Instant.now()))
                .param("recipients", recipients.length() > 1000 ? recipients.substring(0, 1000) : recipients)
                .update();
    }

    private List<Task> withUnits(List<Task> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Set<Long> ids = new HashSet<>();
        rows.forEach(task -> ids.add(task.id()));
        Map<Long, Set<Long>> units = new HashMap<>();
        jdbc.sql("SELECT task_id, unit_id FROM supervision_task_unit WHERE task_id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    units.computeIfAbsent(rs.getLong("task_id"), id -> new HashSet<>())
                            .add(rs.getLong("unit_id"));
                });
        List<Task> result = new ArrayList<>();
        for (Task task : rows) {
            result.add(new Task(
                    task.id(),
                    task.sourceKind(),
                    task.sourceId(),
                    task.title(),
                    task.leadUnitId(),
                    units.getOrDefault(task.id(), Set.of()),
                    task.deadline(),
                    task.status(),
                    task.evidence(),
                    task.reviewNote(),
                    task.openedAt(),
                    task.completedAt(),
                    task.version()));
        }
        return result;
    }

    private static Task row(ResultSet rs) throws SQLException {
        OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
        return new Task(
                rs.getLong("id"),
                SourceKind.valueOf(rs.getString("source_kind")),
                rs.getLong("source_id"),
                rs.getString("title"),
                rs.getLong("lead_unit_id"),
                Set.of(),
                rs.getObject("deadline", LocalDate.class),
                TaskStatus.valueOf(rs.getString("status")),
                rs.getString("evidence"),
                rs.getString("review_note"),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                completed == null ? null : completed.toInstant(),
                rs.getLong("version"));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
