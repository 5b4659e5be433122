package org.accord.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accord.directory.Directory;
import org.accord.directory.UnitSummary;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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

    /** How long one run of the roll-up task counts days before it leaves the rest to its next run. */
    private static final Duration ROLL_UP_BUDGET = Duration.ofSeconds(50);

    private static final Logger log = LoggerFactory.getLogger(CasePeriodFigures.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final DispatchCatalogue catalogue;
    private final Directory directory;
    private final CaseFigureDays days;
    private final TransactionTemplate transactions;
    private final ZoneId zone;
    private final String fingerprint;

    CasePeriodFigures(
            JdbcClient jdbc,
            JdbcTemplate batches,
            DispatchCatalogue catalogue,
            Directory directory,
            CaseFigureDays days,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.catalogue = catalogue;
        this.directory = directory;
        this.days = days;
        this.transactions = new TransactionTemplate(transactionManager);
        this.zone = days.zone();
        this.fingerprint = fingerprint(zone);
    }

    /** What a day's roll-up is counted with: every figure's conditions and the zone that bounds the day. */
    private static String fingerprint(ZoneId zone) {
        StringBuilder counted = new StringBuilder(zone.getId());
        DEFINITIONS.forEach(d -> counted.append('|')
                .append(d.name())
                .append('|')
                .append(d.level())
                .append('|')
                .append(d.base())
                .append('|')
                .append(d.met()));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(counted.toString().getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * Every figure's counts per group over the cases taken in from {@code start} (inclusive) to {@code end}
     * (exclusive). Over whole days, the days rolled up are read from their roll-up and only the others are counted
     * from the cases (ADR 0026); the sums are the same.
     *
     * @param units only these units' cases and shares; null for all
     */
    @Transactional(readOnly = true)
    public List<Count> counts(String grouping, Instant start, Instant end, @Nullable Collection<Long> units) {
        requireGrouping(grouping);
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        Totals totals = new Totals();
        LocalDate from = days.dayOf(start);
        LocalDate to = days.dayOf(end).minusDays(1);
        if (to.isBefore(from) || !start.equals(days.startOf(from)) || !end.equals(days.startOf(to.plusDays(1)))) {
            count(grouping, start, end, units, totals);
        } else {
            Set<LocalDate> rolled = new LinkedHashSet<>(days.rolledUp(from, to, fingerprint));
            if (!rolled.isEmpty()) {
                readRolledUp(grouping, rolled, units, totals);
            }
            // The days without a roll-up, a run of consecutive days at a time.
            LocalDate runFrom = null;
            for (LocalDate day = from; !day.isAfter(to.plusDays(1)); day = day.plusDays(1)) {
                boolean counted = day.isAfter(to) || rolled.contains(day);
                if (!counted && runFrom == null) {
                    runFrom = day;
                } else if (counted && runFrom != null) {
                    count(grouping, days.startOf(runFrom), days.startOf(day), units, totals);
                    runFrom = null;
                }
            }
        }
        return totals.counts(names(grouping, totals.keys()));
    }

    /** The days from {@code from} to {@code to} (both inclusive) whose roll-up is current. */
    List<LocalDate> rolledUpDays(LocalDate from, LocalDate to) {
        return days.rolledUp(from, to, fingerprint);
    }

    /** The counts as {@link #counts} gives them, all counted from the cases: what the roll-ups must add up to. */
    @Transactional(readOnly = true)
    List<Count> countedFromCases(String grouping, Instant start, Instant end, @Nullable Collection<Long> units) {
        Totals totals = new Totals();
        count(grouping, start, end, units, totals);
        return totals.counts(names(grouping, totals.keys()));
    }

    /** The counts of each figure and group, added up from the cases and from the days' roll-ups. */
    private static final class Totals {

        private final Map<String, Map<String, long[]>> byFigure = new LinkedHashMap<>();

        Totals() {
            DEFINITIONS.forEach(d -> byFigure.put(d.name(), new LinkedHashMap<>()));
        }

        void add(String figure, @Nullable String key, long base, long met) {
            long[] sums = byFigure.get(figure).computeIfAbsent(key == null ? "-" : key, k -> new long[2]);
            sums[0] += base;
            sums[1] += met;
        }

        Set<String> keys() {
            Set<String> keys = new LinkedHashSet<>();
            byFigure.values().forEach(groups -> keys.addAll(groups.keySet()));
            return keys;
        }

        List<Count> counts(Map<String, String> names) {
            List<Count> counts = new ArrayList<>();
            byFigure.forEach((figure, groups) -> groups.forEach((key, sums) -> {
                if (sums[0] > 0) {
                    counts.add(new Count(figure, key, names.get(key), sums[0], sums[1]));
                }
            }));
            return counts;
        }
    }

    /** Counts from the cases themselves, for any stretch of time. */
    private void count(String grouping, Instant start, Instant end, @Nullable Collection<Long> units, Totals totals) {
        for (Level level : Level.values()) {
            List<Definition> defs = definitions(level);
            query(aggregate(level, List.of(groupColumn(grouping, level)), units), start, end, units)
                    .query(rs -> {
                        for (int i = 0; i < defs.size(); i++) {
                            totals.add(
                                    defs.get(i).name(), rs.getString(1), rs.getLong(2 + 2 * i), rs.getLong(3 + 2 * i));
                        }
                    });
        }
    }

    /** The statement that counts every figure of a level, base and met side by side, per group. */
    private String aggregate(Level level, List<String> groupColumns, @Nullable Collection<Long> units) {
        String columns = String.join(", ", groupColumns);
        StringBuilder sql = new StringBuilder("SELECT ").append(columns);
        for (Definition d : definitions(level)) {
            sql.append(", SUM(CASE WHEN ")
                    .append(d.base())
                    .append(" THEN 1 ELSE 0 END), SUM(CASE WHEN (")
                    .append(d.base())
                    .append(") AND (")
                    .append(met(d))
                    .append(") THEN 1 ELSE 0 END)");
        }
        return sql.append(from(level))
                .append(where(level, units))
                .append(" GROUP BY ")
                .append(columns)
                .toString();
    }

    private static List<Definition> definitions(Level level) {
        return DEFINITIONS.stream().filter(d -> d.level() == level).toList();
    }

    private void readRolledUp(
            String grouping, Collection<LocalDate> rolled, @Nullable Collection<Long> units, Totals totals) {
        String column = rolledUpColumn(grouping);
        var statement = jdbc.sql("SELECT " + column + ", figure, SUM(base), SUM(met) FROM case_figure_day"
                        + " WHERE intake_day IN (:days)" + (units == null ? "" : " AND unit_id IN (:units)")
                        + " GROUP BY " + column + ", figure")
                .param("days", rolled);
        if (units != null) {
            statement = statement.param("units", units);
        }
        statement.query(rs -> {
            totals.add(rs.getString(2), rs.getString(1), rs.getLong(3), rs.getLong(4));
        });
    }

    private static String rolledUpColumn(String grouping) {
        return switch (grouping) {
            case "UNIT" -> "unit_id";
            case "CATEGORY" -> "category_code";
            case "DISTRICT" -> "district_code";
            case "PERSON" -> "created_by";
            default -> throw new IllegalArgumentException("unknown grouping " + grouping);
        };
    }

    /**
     * Rolls up the days that have no current roll-up, from the first case's day to the day before yesterday, newest
     * first, each in a transaction of its own; a run stops after {@link #ROLL_UP_BUDGET} and the next one goes on.
     *
     * @return how many days were rolled up
     */
    int rollUp() {
        LocalDate last = days.today().minusDays(CaseFigureDays.ROLLED_UP_AFTER_DAYS);
        Timestamp first = jdbc.sql("SELECT MIN(created_at) FROM hotline_case")
                .query(Timestamp.class)
                .optional()
                .orElse(null);
        if (first == null || days.dayOf(first.toInstant()).isAfter(last)) {
            return 0;
        }
        long began = System.nanoTime();
        int rolled = 0;
        for (LocalDate day : days.notRolledUp(days.dayOf(first.toInstant()), last, fingerprint)) {
            if (Duration.ofNanos(System.nanoTime() - began).compareTo(ROLL_UP_BUDGET) > 0) {
                break;
            }
            if (Boolean.TRUE.equals(transactions.execute(status -> rollUp(day)))) {
                rolled++;
            }
        }
        if (rolled > 0) {
            log.info(
                    "Case figures rolled up for {} days in {} ms",
                    rolled,
                    Duration.ofNanos(System.nanoTime() - began).toMillis());
        }
        return rolled;
    }

    /** Counts one day into its roll-up, under the day's lock; false if it was rolled up meanwhile. */
    private boolean rollUp(LocalDate day) {
        if (!days.lockForRollUp(day, fingerprint)) {
            return false;
        }
        jdbc.sql("DELETE FROM case_figure_day WHERE intake_day = :day")
                .param("day", day)
                .update();
        List<Object[]> rows = new ArrayList<>();
        for (Level level : Level.values()) {
            List<Definition> defs = definitions(level);
            List<String> columns = List.of(
                    groupColumn("UNIT", level),
                    groupColumn("CATEGORY", level),
                    groupColumn("DISTRICT", level),
                    groupColumn("PERSON", level));
            query(aggregate(level, columns, null), days.startOf(day), days.startOf(day.plusDays(1)), null)
                    .query(rs -> {
                        long unitId = rs.getLong(1);
                        Long unit = rs.wasNull() ? null : unitId;
                        for (int i = 0; i < defs.size(); i++) {
                            long base = rs.getLong(5 + 2 * i);
                            if (base > 0) {
                                rows.add(new Object[] {
                                    day,
                                    defs.get(i).name(),
                                    unit,
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    base,
                                    rs.getLong(6 + 2 * i)
                                });
                            }
                        }
                    });
        }
        batches.batchUpdate(
                "INSERT INTO case_figure_day (intake_day, figure, unit_id, category_code, district_code, created_by, base, met)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        days.markRolledUp(day, fingerprint);
        return true;
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
                .append(d.level() == Level.SHARE ? SHARES_OF_THE_PERIODS_CASES : from(d.level()))
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

    /**
     * The shares joined to the period's cases read first on their own: without the fence PostgreSQL guessed a
     * tenth of the month's cases and looked each share's case up by its key, 2.8 s for a month of 2,000,000 cases,
     * against 0.5 s for the hash join it chooses once it sees how many cases the period holds. The columns are
     * those of the figure index, so the cases are still read from the index alone.
     */
    private static final String SHARES_OF_THE_PERIODS_CASES = " FROM case_share s JOIN (SELECT c.id, c.created_at,"
            + " c.status, c.lead_unit_id, c.category_code, c.district_code, c.created_by, c.deadline"
            + " FROM hotline_case c WHERE c.created_at >= :start AND c.created_at < :end AND c.status <> 'MERGED'"
            + " OFFSET 0 ROWS) c ON c.id = s.case_id";

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
