package org.accord.review;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.accord.calendar.WorkingCalendar;
import org.accord.cases.CasePeriodFigures;
import org.accord.documents.DocumentPeriodFigures;
import org.accord.duty.DutyPeriodFigures;
import org.accord.meetings.MeetingPeriodFigures;
import org.accord.security.DataScope;
import org.accord.supervision.SupervisionPeriodFigures;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every figure of the review module for a period and a data scope, gathered from the modules that own the data
 * (each counts in its own tables, in SQL). The dashboards show them; the weekly and monthly reviews reuse them.
 *
 * <p>A figure is named {@code <kind>.<figure>}, e.g. {@code cases.ON_TIME_SIGN}; its definition is in
 * docs/review.md.
 */
@Service
class ReviewFigures {

    static final List<String> GROUPINGS = List.of("UNIT", "CATEGORY", "DISTRICT", "PERSON");

    static final String CASES = "cases";
    static final String SUPERVISION = "supervision";
    static final String MEETINGS = "meetings";
    static final String DUTY = "duty";
    static final String DOCUMENTS = "documents";

    /** The figures in the order shown, by kind of work. */
    static final Map<String, List<String>> FIGURES = figureNames();

    /**
     * The figures that are averages ({@code <kind>.<figure>}), with the unit of their measure (DAYS, MINUTES,
     * ROUNDS); every other figure is a rate.
     */
    static final Map<String, String> MEASURES = measures();

    private final CasePeriodFigures cases;
    private final SupervisionPeriodFigures supervision;
    private final MeetingPeriodFigures meetings;
    private final DutyPeriodFigures duty;
    private final DocumentPeriodFigures documents;
    private final ZoneId zone;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final boolean postgres;

    ReviewFigures(
            CasePeriodFigures cases,
            SupervisionPeriodFigures supervision,
            MeetingPeriodFigures meetings,
            DutyPeriodFigures duty,
            DocumentPeriodFigures documents,
            WorkingCalendar calendar,
            ObjectProvider<Clock> clock,
            JdbcClient jdbc,
            DataSource dataSource) {
        this.cases = cases;
        this.supervision = supervision;
        this.meetings = meetings;
        this.duty = duty;
        this.documents = documents;
        this.zone = calendar.zone();
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            return "PostgreSQL"
                    .equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }

    /**
     * Plans the figure statements for the period asked, not once for any period, and without compiling them.
     * PostgreSQL's driver prepares a statement on the server after a few runs, and the server may then keep a
     * generic plan that guesses how many rows a range of dates holds: for a month of 2,000,000 cases it chose a
     * nested loop over 170,000 shares (700 ms) instead of a hash join (250 ms). A plan made for the real dates is
     * costed high enough to be compiled by the server's JIT, which took 650 ms for the documents' statement that
     * runs in 40 ms. Only this transaction is affected.
     */
    private void planForTheValuesAsked() {
        if (postgres) {
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
            jdbc.sql("SET LOCAL jit = off").update();
        }
    }

    /** Today in the calendar's zone: the day "this week" and "overdue" are judged on. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * The figures over the units a data scope covers: all of them for the office, the units routed to a leader,
     * a liaison's own unit, nothing for an administrator.
     */
    @Transactional(readOnly = true)
    Figures figures(Period period, DataScope scope, String grouping) {
        return figures(period, units(scope), grouping);
    }

    /**
     * The figures over the given units' work (null: the whole office).
     *
     * @param grouping one of {@link #GROUPINGS}
     */
    @Transactional(readOnly = true)
    Figures figures(Period period, @Nullable Collection<Long> units, String grouping) {
        planForTheValuesAsked();
        requireGrouping(grouping);
        List<Value> values = new ArrayList<>();
        for (CasePeriodFigures.Count c : cases.counts(grouping, period.start(zone), period.end(zone), units)) {
            values.add(new Value(CASES + "." + c.figure(), c.key(), c.name(), c.base(), c.met()));
        }
        for (SupervisionPeriodFigures.Count c :
                supervision.counts(grouping, period.from(), period.to(), today(), units)) {
            values.add(new Value(SUPERVISION + "." + c.figure(), c.key(), c.name(), c.base(), c.met()));
        }
        for (MeetingPeriodFigures.Count c :
                meetings.counts(grouping, period.start(zone), period.end(zone), clock.instant(), units)) {
            values.add(new Value(MEETINGS + "." + c.figure(), c.key(), c.name(), c.base(), c.met()));
        }
        for (DutyPeriodFigures.Count c :
                duty.counts(grouping, period.start(zone), period.end(zone), clock.instant(), units)) {
            values.add(new Value(DUTY + "." + c.figure(), c.key(), c.name(), c.base(), c.met(), c.sum()));
        }
        for (DocumentPeriodFigures.Count c : documents.counts(grouping, period.start(zone), period.end(zone), units)) {
            values.add(new Value(DOCUMENTS + "." + c.figure(), c.key(), c.name(), c.base(), c.met(), c.sum()));
        }
        return new Figures(period, grouping, values);
    }

    /**
     * The items of one figure's base (met ones first), as the dashboard counted them, a page at a time.
     *
     * @param key one group of {@code grouping}, or null for every group
     */
    @Transactional(readOnly = true)
    List<Item> items(
            String figure,
            String grouping,
            @Nullable String key,
            Period period,
            @Nullable Collection<Long> units,
            int offset,
            int limit) {
        planForTheValuesAsked();
        requireGrouping(grouping);
        int dot = figure.indexOf('.');
        String kind = dot < 0 ? "" : figure.substring(0, dot);
        String name = figure.substring(dot + 1);
        if (!FIGURES.getOrDefault(kind, List.of()).contains(name)) {
            throw new ReviewInputRejected("review.error.figure");
        }
        List<Item> items = new ArrayList<>();
        switch (kind) {
            case CASES ->
                cases.items(name, grouping, key, period.start(zone), period.end(zone), units, offset, limit)
                        .forEach(i -> items.add(new Item(
                                i.label(), i.detail(), i.at().atZone(zone).toLocalDate(), i.href(), i.met())));
            case SUPERVISION ->
                supervision
                        .items(name, grouping, key, period.from(), period.to(), today(), units, offset, limit)
                        .forEach(i -> items.add(new Item(i.label(), i.detail(), i.deadline(), i.href(), i.met())));
            case MEETINGS ->
                meetings.items(
                                name,
                                grouping,
                                key,
                                period.start(zone),
                                period.end(zone),
                                clock.instant(),
                                units,
                                offset,
                                limit)
                        .forEach(i -> items.add(new Item(
                                i.label(), i.detail(), i.at().atZone(zone).toLocalDate(), i.href(), i.met())));
            case DUTY ->
                duty.items(
                                name,
                                grouping,
                                key,
                                period.start(zone),
                                period.end(zone),
                                clock.instant(),
                                units,
                                offset,
                                limit)
                        .forEach(i -> items.add(new Item(
                                i.label(),
                                i.detail(),
                                i.at().atZone(zone).toLocalDate(),
                                i.href(),
                                i.met(),
                                i.value())));
            case DOCUMENTS ->
                documents
                        .items(name, grouping, key, period.start(zone), period.end(zone), units, offset, limit)
                        .forEach(i -> items.add(new Item(
                                i.label(),
                                i.detail(),
                                i.at().atZone(zone).toLocalDate(),
                                i.href(),
                                i.met(),
                                i.value())));
            default -> throw new ReviewInputRejected("review.error.figure");
        }
        return items;
    }

    /** The units a scope's figures are taken over; null for the whole office. */
    static @Nullable Collection<Long> units(DataScope scope) {
        return switch (scope.kind()) {
            case OFFICE -> null;
            case LEADER, UNIT -> scope.unitIds();
            case NONE -> List.of();
        };
    }

    static void requireGrouping(String grouping) {
        if (!GROUPINGS.contains(grouping)) {
            throw new ReviewInputRejected("review.error.grouping");
        }
    }

    private static Map<String, List<String>> figureNames() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        names.put(CASES, CasePeriodFigures.FIGURES);
        names.put(SUPERVISION, SupervisionPeriodFigures.FIGURES);
        names.put(MEETINGS, MeetingPeriodFigures.FIGURES);
        names.put(DUTY, DutyPeriodFigures.FIGURES);
        names.put(DOCUMENTS, DocumentPeriodFigures.FIGURES);
        return names;
    }

    private static Map<String, String> measures() {
        Map<String, String> measures = new LinkedHashMap<>();
        DutyPeriodFigures.MEASURES.forEach((name, unit) -> measures.put(DUTY + "." + name, unit));
        DocumentPeriodFigures.MEASURES.forEach((name, unit) -> measures.put(DOCUMENTS + "." + name, unit));
        return Map.copyOf(measures);
    }

    /** Rounds a figure to one decimal, as every figure is shown. */
    static double oneDecimal(double value) {
        return Math.round(10.0 * value) / 10.0;
    }

    /**
     * One figure of one group: a rate, {@code met} of {@code base}; or an average, the measure's {@code sum} over the
     * {@code base} (then {@code met} equals {@code base}).
     *
     * @param figure {@code <kind>.<figure>}
     * @param key the group's key, "-" for items without one
     */
    record Value(String figure, String key, String name, long base, long met, double sum) {

        Value(String figure, String key, String name, long base, long met) {
            this(figure, key, name, base, met, 0);
        }

        /** Whether the figure is an average rather than a rate. */
        public boolean isAverage() {
            return MEASURES.containsKey(figure);
        }

        /** The unit of an average's measure (DAYS, MINUTES, ROUNDS); null for a rate. */
        public @Nullable String measure() {
            return MEASURES.get(figure);
        }

        /** The share met, in percent with one decimal; null when the base is empty or the figure is an average. */
        @Nullable
        public Double rate() {
            return base == 0 || isAverage() ? null : oneDecimal(100.0 * met / base);
        }

        /** The average, with one decimal; null when the base is empty or the figure is a rate. */
        @Nullable
        public Double average() {
            return base == 0 || !isAverage() ? null : oneDecimal(sum / base);
        }

        String kind() {
            return figure.substring(0, figure.indexOf('.'));
        }
    }

    /**
     * One item behind a figure: its page, and whether it met the figure; for an average, its measure ({@code
     * value}, one decimal).
     */
    record Item(
            String label,
            String detail,
            LocalDate date,
            String href,
            boolean met,
            @Nullable Double value) {

        Item(String label, String detail, LocalDate date, String href, boolean met) {
            this(label, detail, date, href, met, null);
        }

        Item {
            value = value == null ? null : oneDecimal(value);
        }
    }

    /** The figures of a period, per group, and summed over the groups. */
    record Figures(Period period, String grouping, List<Value> values) {

        /**
         * Each figure over all groups (key null); the groups split a figure's base without overlap. An average's total
         * is the summed measure over the summed base, never an average of the groups' averages.
         */
        List<Value> totals() {
            Map<String, double[]> sums = new LinkedHashMap<>();
            FIGURES.forEach((kind, names) -> names.forEach(n -> sums.put(kind + "." + n, new double[3])));
            for (Value v : values) {
                double[] sum = sums.get(v.figure());
                sum[0] += v.base();
                sum[1] += v.met();
                sum[2] += v.sum();
            }
            List<Value> totals = new ArrayList<>();
            sums.forEach((figure, sum) ->
                    totals.add(new Value(figure, "", "", Math.round(sum[0]), Math.round(sum[1]), sum[2])));
            return totals;
        }

        @Nullable
        Value total(String figure) {
            return totals().stream()
                    .filter(v -> v.figure().equals(figure))
                    .findFirst()
                    .orElse(null);
        }

        /** The groups that have any figure, in the order first met, with their names. */
        Map<String, String> groups() {
            Map<String, String> groups = new LinkedHashMap<>();
            values.forEach(v -> groups.putIfAbsent(v.key(), v.name()));
            return groups;
        }

        @Nullable
        Value value(String figure, String key) {
            return values.stream()
                    .filter(v -> v.figure().equals(figure) && v.key().equals(key))
                    .findFirst()
                    .orElse(null);
        }
    }
}
