package org.accord.meetings;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.accord.directory.Directory;
import org.accord.directory.UnitSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of meetings for other modules (the review dashboards), counted in the database. The items are the
 * units asked to attend (参会单位) of the meetings that start in the period, cancelled meetings left out; each
 * figure is a base and the part of it that met the figure, grouped by the attending unit or by the kind of meeting.
 * The drill-down lists the base's units by the same conditions.
 */
@Service
public class MeetingPeriodFigures {

    /** One figure of one group; see {@code CasePeriodFigures.Count}. */
    public record Count(String figure, String key, String name, long base, long met) {}

    /** One attending unit behind a count: the meeting, the unit, when the meeting starts. */
    public record Item(long meetingId, String label, String detail, Instant at, String href, boolean met) {}

    private record Definition(String name, String base, String met) {}

    /** The rank of a level, highest (the unit's head) first, as {@link AttendanceLevel} orders them. */
    private static String rank(String column) {
        return "CASE " + column + " WHEN 'PRINCIPAL' THEN 1 WHEN 'IN_CHARGE' THEN 2 WHEN 'OTHER_LEADER' THEN 3"
                + " WHEN 'STAFF' THEN 4 END";
    }

    private static final List<Definition> DEFINITIONS = List.of(
            // Decided receipts: answered, or the receipt deadline has passed without an answer.
            new Definition(
                    "RECEIPT_ON_TIME",
                    "(r.id IS NOT NULL OR m.receipt_deadline < :now)",
                    "r.id IS NOT NULL AND r.answered_at <= m.receipt_deadline"),
            // Meetings already held: whoever the unit sent, did they sign in at the level asked for or higher?
            new Definition(
                    "ATTENDANCE_AS_REQUIRED",
                    "m.starts_at < :now",
                    "r.attending = TRUE AND r.signed_in_at IS NOT NULL AND r.attendee_level IS NOT NULL AND "
                            + rank("r.attendee_level") + " <= " + rank("a.level")),
            new Definition("SUBSTITUTES", "(r.id IS NOT NULL AND r.attending = TRUE)", "r.substitute = TRUE"));

    /** The figures' names, in the order they are shown. */
    public static final List<String> FIGURES =
            DEFINITIONS.stream().map(Definition::name).toList();

    private static final String FROM = " FROM meetings_attending_unit a"
            + " JOIN meetings_meeting m ON m.id = a.meeting_id"
            + " LEFT JOIN meetings_receipt r ON r.meeting_id = a.meeting_id AND r.unit_id = a.unit_id";

    private final JdbcClient jdbc;
    private final Directory directory;
    private final MessageSource messages;

    MeetingPeriodFigures(JdbcClient jdbc, Directory directory, MessageSource messages) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.messages = messages;
    }

    /**
     * Every figure's counts per group over the meetings starting from {@code start} (inclusive) to {@code end}
     * (exclusive), judged at {@code now}.
     *
     * @param grouping UNIT (the attending unit), CATEGORY (the kind of meeting); others give one group "-"
     * @param units only these attending units; null for all
     */
    @Transactional(readOnly = true)
    public List<Count> counts(
            String grouping, Instant start, Instant end, Instant now, @Nullable Collection<Long> units) {
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        String column = groupColumn(grouping);
        StringBuilder sql = new StringBuilder("SELECT ").append(column);
        for (Definition d : DEFINITIONS) {
            sql.append(", SUM(CASE WHEN ")
                    .append(d.base())
                    .append(" THEN 1 ELSE 0 END), SUM(CASE WHEN (")
                    .append(d.base())
                    .append(") AND (")
                    .append(d.met())
                    .append(") THEN 1 ELSE 0 END)");
        }
        sql.append(FROM).append(where(units));
        if (!column.equals("NULL")) {
            sql.append(" GROUP BY ").append(column);
        }
        Map<String, long[]> rows = new LinkedHashMap<>();
        statement(sql.toString(), start, end, now, units).query(rs -> {
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

    /** The attending units of one figure's base, met ones first, a page at a time; {@code key} narrows to a group. */
    @Transactional(readOnly = true)
    public List<Item> items(
            String figure,
            String grouping,
            @Nullable String key,
            Instant start,
            Instant end,
            Instant now,
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
        StringBuilder sql = new StringBuilder("SELECT m.id, m.title, a.unit_id, m.starts_at, CASE WHEN ")
                .append(d.met())
                .append(" THEN 1 ELSE 0 END AS met")
                .append(FROM)
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
        sql.append(" ORDER BY met DESC, m.starts_at, m.id, a.unit_id LIMIT :limit OFFSET :offset");
        var statement = statement(sql.toString(), start, end, now, units)
                .param("limit", limit)
                .param("offset", offset);
        if (keyed) {
            statement = statement.param("key", grouping.equals("UNIT") ? (Object) Long.parseLong(key) : key);
        }
        Map<Long, String> unitNames = new HashMap<>();
        return statement
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    long unit = rs.getLong("unit_id");
                    return new Item(
                            id,
                            rs.getString("title"),
                            unitNames.computeIfAbsent(unit, this::unitName),
                            rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                            "/meetings/" + id,
                            rs.getInt("met") == 1);
                })
                .list();
    }

    private JdbcClient.StatementSpec statement(
            String sql, Instant start, Instant end, Instant now, @Nullable Collection<Long> units) {
        var statement =
                jdbc.sql(sql).param("start", start.atOffset(ZoneOffset.UTC)).param("end", end.atOffset(ZoneOffset.UTC));
        if (sql.contains(":now")) {
            statement = statement.param("now", now.atOffset(ZoneOffset.UTC));
        }
        return units == null ? statement : statement.param("units", units);
    }

    private static String where(@Nullable Collection<Long> units) {
        return " WHERE m.starts_at >= :start AND m.starts_at < :end AND m.status <> 'CANCELLED'"
                + (units == null ? "" : " AND a.unit_id IN (:units)");
    }

    private static String groupColumn(String grouping) {
        return switch (grouping) {
            case "UNIT" -> "a.unit_id";
            case "CATEGORY" -> "m.kind";
            case "DISTRICT", "PERSON" -> "NULL";
            default -> throw new IllegalArgumentException("unknown grouping " + grouping);
        };
    }

    private String name(String grouping, String key) {
        if (key.equals("-")) {
            return "-";
        }
        return grouping.equals("UNIT")
                ? unitName(Long.parseLong(key))
                : messages.getMessage("meetings.kind." + key, null, key, Locale.SIMPLIFIED_CHINESE);
    }

    private String unitName(long unitId) {
        return directory.unit(unitId).map(UnitSummary::displayName).orElse("#" + unitId);
    }
}
