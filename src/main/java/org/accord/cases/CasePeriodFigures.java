package org.accord.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.directory.UnitSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hotline figures for other modules (the review dashboards), counted in the database: for every figure a base
 * (the denominator) and the part of it that met the figure (the numerator), grouped by unit, category, district or
 * the operator who took the case in. The period is decided by the moment the case was taken in ({@code created_at});
 * merged cases are left out. The items behind a count are listed by the same conditions, so a drill-down shows
 * exactly the rows counted.
 *
 * <p>Figures on a case ({@code FIRST_CONTACT}, {@code SATISFACTION}, {@code REOPEN}) group by the lead unit;
 * figures on a unit's share ({@code ON_TIME_SIGN}, {@code ON_TIME_COMPLETION}, {@code RETURN}) by the share's unit.
 */
@Service
public class CasePeriodFigures {

    /** The groupings a figure can be cut by. */
    public static final List<String> GROUPINGS = List.of("UNIT", "CATEGORY", "DISTRICT", "PERSON");

    /**
     * One figure of one group.
     *
     * @param figure the figure's name, e.g. {@code ON_TIME_SIGN}
     * @param key the group's key (a unit id, category code, district code or username), "-" where the item has none
     * @param name the group's display name
     * @param base the items the figure is taken over
     * @param met the items of the base that met it
     */
    public record Count(String figure, String key, String name, long base, long met) {}

    /**
     * One item behind a count: a case (or one unit's share of it) with a link to its page.
     *
     * @param met whether this item is one of the {@code met} part
     */
    public record Item(long id, String label, String detail, Instant at, String href, boolean met) {}

    private enum Level {
        CASE,
        SHARE
    }

    private record Definition(String name, Level level, String base, String met) {}

    // Each figure is one pair of conditions; counts and drill-down are both built from them.
    private static final List<Definition> DEFINITIONS = List.of(
            new Definition("FIRST_CONTACT", Level.CASE, "1 = 1", "c.closing = 'FIRST_CONTACT'"),
            new Definition(
                    "SATISFACTION",
                    Level.CASE,
                    "c.satisfaction IS NOT NULL",
                    "c.satisfaction IN ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED')"),
            new Definition("REOPEN", Level.CASE, "c.dispatched_at IS NOT NULL", "c.reopen_count > 0"),
            new Definition("ON_TIME_SIGN", Level.SHARE, "s.signed_at IS NOT NULL", "s.signed_at <= s.sign_due"),
            new Definition(
                    "ON_TIME_COMPLETION",
                    Level.SHARE,
                    "s.role = 'LEAD' AND s.status = 'REPLIED' AND s.reported_at IS NOT NULL",
                    "c.deadline IS NOT NULL AND CAST(SUBSTRING(CAST(s.reported_at AT TIME ZONE '%ZONE%' AS VARCHAR) FROM 1 FOR 10) AS DATE) <= c.deadline"),
            new Definition("RETURN", Level.SHARE, "1 = 1", "s.status = 'RETURNED'"));

    /** The figures' names, in the order they are shown. */
    public static final List<String> FIGURES =
            DEFINITIONS.stream().map(Definition::name).toList();

    /**
     * How much earlier than the period a share's assignment is still looked for: a case and its shares are stamped
     * by the same clock, and a day covers any step the clock might take back between intake and dispatch.
     */
    private static final Duration ASSIGNED_MARGIN = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final DispatchCatalogue catalogue;
    private final Directory directory;
    private final ZoneId zone;

    CasePeriodFigures(JdbcClient jdbc, DispatchCatalogue catalogue, Directory directory, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.directory = directory;
        this.zone = calendar.zone();
    }

    /**
     * Every figure's counts per group over the cases taken in from {@code start} (inclusive) to {@code end}
     * (exclusive).
     *
     * @param units only these units' cases and shares; null for all
     */
    @Transactional(readOnly = true)
    public List<Count> counts(String grouping, Instant start, Instant end, @Nullable Collection<Long> units) {
        requireGrouping(grouping);
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        List<Count> counts = new ArrayList<>();
        for (Level level : Level.values()) {
            List<Definition> defs =
                    DEFINITIONS.stream().filter(d -> d.level() == level).toList();
            StringBuilder sql = new StringBuilder("SELECT ").append(groupColumn(grouping, level));
            for (Definition d : defs) {
                sql.append(", SUM(CASE WHEN ")
                        .append(d.base())
                        .append(" THEN 1 ELSE 0 END), SUM(CASE WHEN (")
                        .append(d.base())
                        .append(") AND (")
                        .append(met(d))
                        .append(") THEN 1 ELSE 0 END)");
            }
            sql.append(from(level))
                    .append(where(level, units))
                    .append(" GROUP BY ")
                    .append(groupColumn(grouping, level));
            Map<String, long[]> rows = new LinkedHashMap<>();
            query(sql.toString(), start, end, units).query(rs -> {
                String key = rs.getString(1);
                long[] values = new long[defs.size() * 2];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getLong(i + 2);
                }
                rows.put(key == null ? "-" : key, values);
            });
            Map<String, String> names = names(grouping, rows.keySet());
            rows.forEach((key, values) -> {
                for (int i = 0; i < defs.size(); i++) {
                    if (values[2 * i] > 0) {
                        counts.add(
                                new Count(defs.get(i).name(), key, names.get(key), values[2 * i], values[2 * i + 1]));
                    }
                }
            });
        }
        return counts;
    }

    /**
     * The items of one figure's base, met ones first, a page at a time; {@code key} narrows to one group of
     * {@code grouping} (null: every group).
     */
    @Transactional(readOnly = true)
    public List<Item> items(
            String figure,
            String grouping,
            @Nullable String key,
            Instant start,
            Instant end,
            @Nullable Collection<Long> units,
            int offset,
            int limit) {
        Definition d = definition(figure).orElseThrow(() -> new IllegalArgumentException("unknown figure " + figure));
        requireGrouping(grouping);
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        String groupColumn = groupColumn(grouping, d.level());
        // The page is chosen first from the columns the figure indexes hold (an index-only scan), and only its
        // rows are then looked up for their number and category: choosing it with those columns read every row
        // of the period from the table, seconds for a month of 2,000,000 cases (docs/review.md, Scale).
        StringBuilder sql = new StringBuilder(
                        "SELECT h.id, h.case_number, h.category_code, h.created_at, p.item_unit, p.met FROM (SELECT")
                .append(" c.id AS item_id, c.created_at AS item_at, ")
                .append(d.level() == Level.SHARE ? "s.unit_id" : "c.lead_unit_id")
                .append(" AS item_unit, CASE WHEN ")
                .append(met(d))
                .append(" THEN 1 ELSE 0 END AS met")
                .append(from(d.level()))
                .append(where(d.level(), units))
                .append(" AND (")
                .append(d.base())
                .append(")");
        if (key != null) {
            sql.append(key.equals("-") ? " AND " + groupColumn + " IS NULL" : " AND " + groupColumn + " = :key");
        }
        sql.append(" ORDER BY met DESC, item_at, item_id, item_unit LIMIT :limit OFFSET :offset) p")
                .append(
                        " JOIN hotline_case h ON h.id = p.item_id ORDER BY p.met DESC, p.item_at, p.item_id, p.item_unit");
        var statement =
                query(sql.toString(), start, end, units).param("limit", limit).param("offset", offset);
        if (key != null && !key.equals("-")) {
            statement = statement.param("key", keyValue(grouping, key));
        }
        Map<String, String> categories = catalogue.categoryNames();
        Map<Long, String> unitNames = new HashMap<>();
        return statement
                .query((rs, n) -> {
                    Long unit = CaseStore.nullableLong(rs, "item_unit");
                    String unitName = unit == null ? "" : unitNames.computeIfAbsent(unit, this::unitName);
                    long id = rs.getLong(1);
                    String number = rs.getString(2);
                    return new Item(
                            id,
                            number == null ? "#" + id : number,
                            DispatchCatalogue.categoryName(categories, rs.getString(3)) + " · " + unitName,
                            CaseStore.instant(rs, "created_at"),
                            "/cases/" + id,
                            rs.getInt("met") == 1);
                })
                .list();
    }

    private JdbcClient.StatementSpec query(String sql, Instant start, Instant end, @Nullable Collection<Long> units) {
        var statement = jdbc.sql(sql)
                .param("start", CaseStore.ts(start))
                .param("end", CaseStore.ts(end))
                .param("assignedFrom", CaseStore.ts(start.minus(ASSIGNED_MARGIN)));
        return units == null ? statement : statement.param("units", units);
    }

    private static String from(Level level) {
        return level == Level.CASE
                ? " FROM hotline_case c"
                : " FROM case_share s JOIN hotline_case c ON c.id = s.case_id";
    }

    private static String where(Level level, @Nullable Collection<Long> units) {
        String sql = " WHERE c.created_at >= :start AND c.created_at < :end AND c.status <> 'MERGED'";
        if (level == Level.SHARE) {
            // Changes no result: a share is assigned when its case is dispatched, after it was taken in. It lets the
            // database read only the shares assigned since the period began (case_share_figures_idx) instead of
            // every share, before joining them to the period's cases.
            sql += " AND s.assigned_at >= :assignedFrom";
        }
        if (units != null) {
            sql += level == Level.CASE ? " AND c.lead_unit_id IN (:units)" : " AND s.unit_id IN (:units)";
        }
        return sql;
    }

    private String met(Definition d) {
        // The zone comes from the calendar's configuration, never from a request. The local date is read from the
        // text of the zoned time because H2 casts a zoned time to a date in the session's zone, PostgreSQL in the
        // given one.
        return d.met().replace("%ZONE%", zone.getId());
    }

    private static String groupColumn(String grouping, Level level) {
        return switch (grouping) {
            case "UNIT" -> level == Level.CASE ? "c.lead_unit_id" : "s.unit_id";
            case "CATEGORY" -> "c.category_code";
            case "DISTRICT" -> "c.district_code";
            case "PERSON" -> "c.created_by";
            default -> throw new IllegalArgumentException("unknown grouping " + grouping);
        };
    }

    private static Object keyValue(String grouping, String key) {
        if (!grouping.equals("UNIT")) {
            return key;
        }
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unit key " + key);
        }
    }

    private static void requireGrouping(String grouping) {
        if (!GROUPINGS.contains(grouping)) {
            throw new IllegalArgumentException("unknown grouping " + grouping);
        }
    }

    private static Optional<Definition> definition(String figure) {
        return DEFINITIONS.stream().filter(d -> d.name().equals(figure)).findFirst();
    }

    private Map<String, String> names(String grouping, Collection<String> keys) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> categories = grouping.equals("CATEGORY") ? catalogue.categoryNames() : Map.of();
        for (String key : keys) {
            String name = switch (grouping) {
                case "UNIT" -> key.equals("-") ? "-" : unitName(Long.parseLong(key));
                case "CATEGORY" -> categories.getOrDefault(key, key);
                case "DISTRICT" ->
                    directory.unitByCode(key).map(UnitSummary::displayName).orElse(key);
                default -> key;
            };
            names.put(key, name);
        }
        return names;
    }

    private String unitName(long unitId) {
        return directory.unit(unitId).map(UnitSummary::displayName).orElse("#" + unitId);
    }
}
