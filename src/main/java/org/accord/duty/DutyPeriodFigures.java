package org.accord.duty;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
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
 * The figures of duty for other modules (the review dashboards), counted in the database. The items are the
 * incidents (drills left out) received in the period; each figure is a base and the part of it that met the
 * figure, grouped by the unit concerned, the class of event or the district. The drill-down lists the base's
 * incidents by the same conditions.
 */
@Service
public class DutyPeriodFigures {

    /**
     * One figure of one group; see {@code CasePeriodFigures.Count}. For an average ({@link #MEASURES}), {@code sum}
     * is the measure summed over the base and {@code met} equals {@code base}.
     */
    public record Count(String figure, String key, String name, long base, long met, double sum) {}

    /** One incident behind a count; {@code value} is its measure when the figure is an average. */
    public record Item(
            long id,
            String label,
            String detail,
            Instant at,
            String href,
            boolean met,
            @Nullable Double value) {}

    /** A rate (base, met) or, with a measure, an average of the measure over the base. */
    private record Definition(
            String name, String base, String met, @Nullable String measure) {

        Definition(String name, String base, String met) {
            this(name, base, met, null);
        }

        static Definition average(String name, String base, String measure) {
            return new Definition(name, base, "TRUE", measure);
        }
    }

    /** Minutes from one moment to another, portable to H2 and PostgreSQL. */
    private static String minutes(String from, String to) {
        return "((EXTRACT(EPOCH FROM " + to + ") - EXTRACT(EPOCH FROM " + from + ")) / 60.0)";
    }

    private static String notified(String aggregate, String kinds) {
        return "(SELECT " + aggregate + " FROM duty_notification n WHERE n.incident_id = i.id AND n.kind IN (" + kinds
                + "))";
    }

    // The leaders told of an incident; INSTRUCTION rows relay a leader's instruction and are not the report up.
    private static final String LEADERS = "'LEADER_ON_DUTY', 'OVERSEEING_LEADER', 'ESCALATED_LEADER'";
    private static final String UNITS = "'UNIT'";

    /**
     * The deadline of a clock counted from receipt: the incident's jurisdiction's own rule, else the general one,
     * as {@link ReportClocks} picks it.
     */
    private static String due(String channel) {
        String minutes = "COALESCE((SELECT c.minutes FROM duty_clock_rule c WHERE c.jurisdiction = i.jurisdiction"
                + " AND c.level = i.level AND c.channel = '" + channel + "'), (SELECT c.minutes FROM duty_clock_rule c"
                + " WHERE c.jurisdiction = '*' AND c.level = i.level AND c.channel = '" + channel + "'))";
        return "(i.received_at + INTERVAL '1' MINUTE * " + minutes + ")";
    }

    private static final String PHONE_AT = "i.phone_reported_at";
    private static final String WRITTEN_AT =
            "(SELECT MIN(p.submitted_at) FROM duty_report p WHERE p.incident_id = i.id AND p.kind = 'FIRST')";

    private static String decided(String doneAt, String channel) {
        return "(" + doneAt + " IS NOT NULL OR " + due(channel) + " < :now)";
    }

    private static String inTime(String doneAt, String channel) {
        return "(" + doneAt + " IS NOT NULL AND " + doneAt + " <= " + due(channel) + ")";
    }

    private static final List<Definition> DEFINITIONS = List.of(
            // The two clocks that count from receipt, phone and written first report, both decided and both met.
            new Definition(
                    "REPORT_CLOCKS",
                    decided(PHONE_AT, "PHONE") + " AND " + decided(WRITTEN_AT, "WRITTEN"),
                    inTime(PHONE_AT, "PHONE") + " AND " + inTime(WRITTEN_AT, "WRITTEN")),
            // From the first leader told to the first leader who acknowledged, over incidents some leader acknowledged.
            Definition.average(
                    "LEADER_ACK_MINUTES",
                    notified("MIN(n.acknowledged_at)", LEADERS) + " IS NOT NULL",
                    minutes(notified("MIN(n.sent_at)", LEADERS), notified("MIN(n.acknowledged_at)", LEADERS))),
            // From the first unit told to the last unit's acknowledgment, over incidents every unit told acknowledged:
            // an incident still waiting for a unit has no such time yet, and counting it would flatter the figure.
            Definition.average(
                    "ALL_UNITS_ACK_MINUTES",
                    "EXISTS (SELECT 1 FROM duty_notification n WHERE n.incident_id = i.id AND n.kind = " + UNITS
                            + ") AND NOT EXISTS (SELECT 1 FROM duty_notification n WHERE n.incident_id = i.id"
                            + " AND n.kind = " + UNITS + " AND n.acknowledged_at IS NULL)",
                    minutes(notified("MIN(n.sent_at)", UNITS), notified("MAX(n.acknowledged_at)", UNITS))));

    /** The figures that are averages, with the unit of their measure (the others are rates). */
    public static final Map<String, String> MEASURES = Map.of(
            "LEADER_ACK_MINUTES", "MINUTES",
            "ALL_UNITS_ACK_MINUTES", "MINUTES");

    /** The figures' names, in the order they are shown. */
    public static final List<String> FIGURES =
            DEFINITIONS.stream().map(Definition::name).toList();

    private static final String FROM = " FROM duty_incident i";

    private final JdbcClient jdbc;
    private final Directory directory;
    private final MessageSource messages;

    DutyPeriodFigures(JdbcClient jdbc, Directory directory, MessageSource messages) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.messages = messages;
    }

    /**
     * Every figure's counts per group over the incidents received from {@code start} (inclusive) to {@code end}
     * (exclusive), judged at {@code now}.
     *
     * @param grouping UNIT (the unit concerned), CATEGORY (the class of event), DISTRICT (the district's unit);
     *     PERSON gives one group "-"
     * @param units only incidents concerning these units; null for all
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
                    .append(") THEN 1 ELSE 0 END), SUM(CASE WHEN ")
                    .append(d.base())
                    .append(" THEN ")
                    .append(d.measure() == null ? "0" : d.measure())
                    .append(" ELSE 0 END)");
        }
        sql.append(FROM).append(where(units));
        if (!column.equals("NULL")) {
            sql.append(" GROUP BY ").append(column);
        }
        Map<String, double[]> rows = new LinkedHashMap<>();
        statement(sql.toString(), start, end, now, units).query(rs -> {
            String key = rs.getString(1);
            double[] values = new double[DEFINITIONS.size() * 3];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getDouble(i + 2);
            }
            rows.put(key == null ? "-" : key, values);
        });
        List<Count> counts = new ArrayList<>();
        rows.forEach((key, values) -> {
            String name = name(grouping, key);
            for (int i = 0; i < DEFINITIONS.size(); i++) {
                long base = Math.round(values[3 * i]);
                if (base > 0) {
                    counts.add(new Count(
                            DEFINITIONS.get(i).name(),
                            key,
                            name,
                            base,
                            Math.round(values[3 * i + 1]),
                            values[3 * i + 2]));
                }
            }
        });
        return counts;
    }

    /** The incidents of one figure's base, met ones first, a page at a time; {@code key} narrows to a group. */
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
        StringBuilder sql = new StringBuilder("SELECT i.id, i.title, i.level, i.event_type, i.received_at, CASE WHEN ")
                .append(d.met())
                .append(" THEN 1 ELSE 0 END AS met, ")
                .append(d.measure() == null ? "NULL" : d.measure())
                .append(" AS measure")
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
        sql.append(
                d.measure() == null
                        ? " ORDER BY met DESC, i.received_at, i.id LIMIT :limit OFFSET :offset"
                        : " ORDER BY i.received_at, i.id LIMIT :limit OFFSET :offset");
        var statement = statement(sql.toString(), start, end, now, units)
                .param("limit", limit)
                .param("offset", offset);
        if (keyed) {
            statement = statement.param("key", grouping.equals("CATEGORY") ? key : (Object) Long.parseLong(key));
        }
        return statement
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    double m = rs.getDouble("measure");
                    Double measure = rs.wasNull() ? null : m;
                    return new Item(
                            id,
                            rs.getString("title"),
                            rs.getString("level") + " " + rs.getString("event_type"),
                            rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                            "/duty/incidents/" + id,
                            rs.getInt("met") == 1,
                            measure);
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
        return " WHERE i.received_at >= :start AND i.received_at < :end AND i.drill = FALSE"
                + (units == null ? "" : " AND i.concerned_unit_id IN (:units)");
    }

    private static String groupColumn(String grouping) {
        return switch (grouping) {
            case "UNIT" -> "i.concerned_unit_id";
            case "CATEGORY" -> "i.event_class";
            case "DISTRICT" -> "i.district_unit_id";
            case "PERSON" -> "NULL";
            default -> throw new IllegalArgumentException("unknown grouping " + grouping);
        };
    }

    private String name(String grouping, String key) {
        if (key.equals("-")) {
            return "-";
        }
        return grouping.equals("CATEGORY")
                ? messages.getMessage("duty.class." + key, null, key, Locale.SIMPLIFIED_CHINESE)
                : unitName(Long.parseLong(key));
    }

    private String unitName(long unitId) {
        return directory.unit(unitId).map(UnitSummary::displayName).orElse("#" + unitId);
    }
}
