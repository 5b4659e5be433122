package org.accord.supervision;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.directory.UnitSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of supervised tasks for other modules (the review dashboards), counted in the database. The period
 * is decided by the task's deadline: a task counts in the period its deadline falls in. For every figure a base
 * (denominator) and the part that met it (numerator), grouped by lead unit or by the kind of source (measure,
 * delegation, case …); the drill-down lists the base's tasks by the same conditions.
 */
@Service
public class SupervisionPeriodFigures {

    /** The groupings a figure can be cut by; others put every task in one group "-". */
    public static final List<String> GROUPINGS = List.of("UNIT", "CATEGORY");

    /** One figure of one group; see {@code CasePeriodFigures.Count}. */
    public record Count(String figure, String key, String name, long base, long met) {}

    /** One task behind a count. */
    public record Item(long id, String label, String detail, LocalDate deadline, String href, boolean met) {}

    private record Definition(String name, String base, String met) {}

    private static final String ACCEPTED_ON =
            "CAST(SUBSTRING(CAST(t.completed_at AT TIME ZONE '%ZONE%' AS VARCHAR) FROM 1 FOR 10) AS DATE)";

    private static final List<Definition> DEFINITIONS = List.of(
            // Decided tasks: accepted as completed, or past their deadline.
            new Definition(
                    "ON_TIME",
                    "(t.status = 'COMPLETED' OR t.deadline < :today)",
                    "t.status = 'COMPLETED' AND " + ACCEPTED_ON + " <= t.deadline"),
            new Definition(
                    "OVERDUE",
                    "1 = 1",
                    "(t.status = 'COMPLETED' AND " + ACCEPTED_ON + " > t.deadline)"
                            + " OR (t.status <> 'COMPLETED' AND t.deadline < :today)"),
            new Definition(
                    "ESCALATED",
                    "1 = 1",
                    "EXISTS (SELECT 1 FROM supervision_reminder r WHERE r.task_id = t.id AND r.kind = 'ESCALATE')"));

    /** The figures' names, in the order they are shown. */
    public static final List<String> FIGURES =
            DEFINITIONS.stream().map(Definition::name).toList();

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ZoneId zone;

    SupervisionPeriodFigures(JdbcClient jdbc, Directory directory, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.zone = calendar.zone();
    }

    /**
     * Every figure's counts per group over the tasks due from {@code from} to {@code to} (both inclusive), judged
     * on {@code today}.
     *
     * @param units only tasks these units lead; null for all
     */
    @Transactional(readOnly = true)
    public List<Count> counts(
            String grouping, LocalDate from, LocalDate to, LocalDate today, @Nullable Collection<Long> units) {
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(groupColumn(grouping));
        for (Definition d : DEFINITIONS) {
            sql.append(", SUM(CASE WHEN ")
                    .append(d.base())
                    .append(" THEN 1 ELSE 0 END), SUM(CASE WHEN (")
                    .append(d.base())
                    .append(") AND (")
                    .append(met(d))
                    .append(") THEN 1 ELSE 0 END)");
        }
        sql.append(" FROM supervision_task t").append(where(units));
        if (!groupColumn(grouping).equals("NULL")) {
            sql.append(" GROUP BY ").append(groupColumn(grouping));
        }
        Map<String, long[]> rows = new LinkedHashMap<>();
        statement(sql.toString(), from, to, today, units).query(rs -> {
            String key = rs.getString(1);
            long[] values = new long[DEFINITIONS.size() * 2];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getLong(i + 2);
            }
            rows.put(key == null ? "-" : key, values);
        });
        List<Count> counts = new ArrayList<>();
        rows.forEach((key, values) -> {
            String name = name(grouping, key);
            for (int i = 0; i < DEFINITIONS.size(); i++) {
                if (values[2 * i] > 0) {
                    counts.add(new Count(DEFINITIONS.get(i).name(), key, name, values[2 * i], values[2 * i + 1]));
                }
            }
        });
        return counts;
    }

    /** The tasks of one figure's base, met ones first, a page at a time; {@code key} narrows to one group. */
    @Transactional(readOnly = true)
    public List<Item> items(
            String figure,
            String grouping,
            @Nullable String key,
            LocalDate from,
            LocalDate to,
            LocalDate today,
            @Nullable Collection<Long> units,
            int offset,
            int limit) {
        Definition d = DEFINITIONS.stream()
                .filter(def -> def.name().equals(figure))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown figure " + figure));
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        String column = groupColumn(grouping);
        StringBuilder sql = new StringBuilder("SELECT t.id, t.title, t.lead_unit_id, t.deadline, CASE WHEN ")
                .append(met(d))
                .append(" THEN 1 ELSE 0 END AS met FROM supervision_task t")
                .append(where(units))
                .append(" AND (")
                .append(d.base())
                .append(")");
        boolean keyed = key != null && !key.equals("-") && !column.equals("NULL");
        if (key != null && !keyed) {
            sql.append(" AND ").append(column).append(" IS NULL");
        } else if (keyed) {
            sql.append(" AND ").append(column).append(" = :key");
        }
        sql.append(" ORDER BY met DESC, t.deadline, t.id LIMIT :limit OFFSET :offset");
        var statement = statement(sql.toString(), from, to, today, units)
                .param("limit", limit)
                .param("offset", offset);
        if (keyed) {
            statement = statement.param("key", grouping.equals("UNIT") ? (Object) Long.parseLong(key) : key);
        }
        Map<Long, String> unitNames = new HashMap<>();
        return statement
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    long unit = rs.getLong("lead_unit_id");
                    return new Item(
                            id,
                            rs.getString("title"),
                            unitNames.computeIfAbsent(unit, this::unitName),
                            rs.getObject("deadline", LocalDate.class),
                            "/tasks/" + id,
                            rs.getInt("met") == 1);
                })
                .list();
    }

    private JdbcClient.StatementSpec statement(
            String sql, LocalDate from, LocalDate to, LocalDate today, @Nullable Collection<Long> units) {
        var statement = jdbc.sql(sql).param("from", from).param("to", to);
        if (sql.contains(":today")) {
            statement = statement.param("today", today);
        }
        return units == null ? statement : statement.param("units", units);
    }

    private static String where(@Nullable Collection<Long> units) {
        return " WHERE t.deadline >= :from AND t.deadline <= :to"
                + (units == null ? "" : " AND t.lead_unit_id IN (:units)");
    }

    private String met(Definition d) {
        // The zone comes from the calendar's configuration, never from a request. The local date is read from the
        // text of the zoned time because H2 casts a zoned time to a date in the session's zone, PostgreSQL in the
        // given one.
        return d.met().replace("%ZONE%", zone.getId());
    }

    private static String groupColumn(String grouping) {
        return switch (grouping) {
            case "UNIT" -> "t.lead_unit_id";
            case "CATEGORY" -> "t.source_kind";
            case "DISTRICT", "PERSON" -> "NULL";
            default -> throw new IllegalArgumentException("unknown grouping " + grouping);
        };
    }

    private String name(String grouping, String key) {
        if (key.equals("-")) {
            return "-";
        }
        return grouping.equals("UNIT") ? unitName(Long.parseLong(key)) : key;
    }

    private String unitName(long unitId) {
        return directory.unit(unitId).map(UnitSummary::displayName).orElse("#" + unitId);
    }
}
