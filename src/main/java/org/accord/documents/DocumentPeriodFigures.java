package org.accord.documents;

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
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of drafting for other modules (the review dashboards), counted in the database over the documents
 * <b>issued</b> in the period ({@code issued_at}): how many consultation rounds they went through, how many of the
 * consulted units' comments the drafter adopted, how long they took from the first draft to issuance. Grouped by the
 * drafter's section (UNIT), the genre (CATEGORY) or the drafter (PERSON); documents have no district, so DISTRICT
 * gives one group "-". The drill-down lists the base's documents (or comments) by the same conditions.
 */
@Service
public class DocumentPeriodFigures {

    /**
     * One figure of one group: {@code met} of {@code base} for a rate; for an average ({@link #MEASURES}), the
     * measure summed over the base in {@code sum}, and {@code met} equal to {@code base}.
     */
    public record Count(String figure, String key, String name, long base, long met, double sum) {}

    /** One document (or comment) behind a count; {@code value} is its measure when the figure is an average. */
    public record Item(
            long id,
            String label,
            String detail,
            Instant at,
            String href,
            boolean met,
            @Nullable Double value) {}

    /** Whether a figure counts documents or the consulted units' comments on them. */
    private enum Level {
        DOCUMENT,
        COMMENT
    }

    private record Definition(
            String name,
            Level level,
            String base,
            String met,
            @Nullable String measure) {}

    // Worked out once per document in the period (see from()), not once per figure column that names them.
    private static final String ROUNDS = "d.rounds";
    private static final String FIRST_DRAFT = "d.first_draft";

    private static final List<Definition> DEFINITIONS = List.of(
            // Rounds sent for comments, over the documents that were sent for comments at all: a document issued
            // without consultation has no consensus to reach and would only pull the average towards nought.
            new Definition("ROUNDS_TO_CONSENSUS", Level.DOCUMENT, ROUNDS + " > 0", "TRUE", ROUNDS),
            // Partly adopted counts as adopted: the drafter took the point and said why not all of it.
            new Definition(
                    "COMMENTS_ADOPTED",
                    Level.COMMENT,
                    "c.adoption IS NOT NULL",
                    "c.adoption IN ('ADOPTED', 'PARTLY')",
                    null),
            // Elapsed days (24 hours each) from the first revision saved to issuance.
            new Definition(
                    "DAYS_TO_ISSUANCE",
                    Level.DOCUMENT,
                    FIRST_DRAFT + " IS NOT NULL",
                    "TRUE",
                    "((EXTRACT(EPOCH FROM d.issued_at) - EXTRACT(EPOCH FROM " + FIRST_DRAFT + ")) / 86400.0)"));

    /** The figures' names, in the order they are shown. */
    public static final List<String> FIGURES =
            DEFINITIONS.stream().map(Definition::name).toList();

    /** The figures that are averages, with the unit of their measure (the others are rates). */
    public static final Map<String, String> MEASURES = Map.of(
            "ROUNDS_TO_CONSENSUS", "ROUNDS",
            "DAYS_TO_ISSUANCE", "DAYS");

    private static final String ISSUED = " WHERE d.status = 'ISSUED' AND d.issued_at >= :start AND d.issued_at < :end";

    private final JdbcClient jdbc;
    private final Directory directory;
    private final MessageSource messages;

    DocumentPeriodFigures(JdbcClient jdbc, Directory directory, MessageSource messages) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.messages = messages;
    }

    /**
     * Every figure's counts per group over the documents issued from {@code start} (inclusive) to {@code end}
     * (exclusive).
     *
     * @param grouping UNIT (the drafter's section), CATEGORY (the genre), PERSON (the drafter); DISTRICT gives one
     *     group "-"
     * @param units only the documents issued by or sent for comments to these units, and only these units'
     *     comments; null for all
     */
    @Transactional(readOnly = true)
    public List<Count> counts(String grouping, Instant start, Instant end, @Nullable Collection<Long> units) {
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        String column = groupColumn(grouping);
        Map<String, Map<String, double[]>> groups = new LinkedHashMap<>();
        Map<Long, String> unitOfDrafter = new HashMap<>();
        for (Level level : Level.values()) {
            List<Definition> definitions = definitions(level);
            StringBuilder sql = new StringBuilder("SELECT ").append(column);
            for (Definition d : definitions) {
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
            sql.append(from(level)).append(where(level, units));
            if (!column.equals("NULL")) {
                sql.append(" GROUP BY ").append(column);
            }
            statement(sql.toString(), start, end, units).query(rs -> {
                String raw = rs.getString(1);
                String key = raw == null
                        ? "-"
                        : grouping.equals("UNIT")
                                ? unitOfDrafter.computeIfAbsent(Long.parseLong(raw), this::drafterUnit)
                                : raw;
                // Several drafters of one section fold into the section's group: every column is a sum.
                Map<String, double[]> sums = groups.computeIfAbsent(key, k -> new LinkedHashMap<>());
                for (int i = 0; i < definitions.size(); i++) {
                    double[] sum = sums.computeIfAbsent(definitions.get(i).name(), n -> new double[3]);
                    for (int j = 0; j < 3; j++) {
                        sum[j] += rs.getDouble(2 + 3 * i + j);
                    }
                }
            });
        }
        List<Count> counts = new ArrayList<>();
        groups.forEach((key, sums) -> {
            String name = name(grouping, key);
            for (Definition d : DEFINITIONS) {
                double[] sum = sums.get(d.name());
                if (sum != null && Math.round(sum[0]) > 0) {
                    counts.add(new Count(d.name(), key, name, Math.round(sum[0]), Math.round(sum[1]), sum[2]));
                }
            }
        });
        return counts;
    }

    /**
     * The documents (for COMMENTS_ADOPTED, the comments) of one figure's base, a page at a time: met ones first for a
     * rate, by issuance for an average; {@code key} narrows to a group.
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
        Definition d = DEFINITIONS.stream()
                .filter(def -> def.name().equals(figure))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown figure " + figure));
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        String column = groupColumn(grouping);
        boolean comments = d.level() == Level.COMMENT;
        StringBuilder sql = new StringBuilder("SELECT d.id, d.genre, d.number_text, d.issued_at,"
                        + " (SELECT v.title FROM document_revision v WHERE v.document_id = d.id"
                        + " AND v.number = d.revision) AS title, ")
                .append(comments ? "c.unit_id, c.adoption" : "NULL AS unit_id, NULL AS adoption")
                .append(", CASE WHEN ")
                .append(d.met())
                .append(" THEN 1 ELSE 0 END AS met, ")
                .append(d.measure() == null ? "NULL" : d.measure())
                .append(" AS measure")
                .append(from(d.level()))
                .append(where(d.level(), units))
                .append(" AND (")
                .append(d.base())
                .append(")");
        List<Long> drafters = List.of();
        boolean keyed = key != null && !key.equals("-") && !column.equals("NULL");
        if (key != null && grouping.equals("UNIT")) {
            drafters = draftersOf(key, start, end);
            if (drafters.isEmpty()) {
                return List.of();
            }
            sql.append(" AND d.drafter_id IN (:drafters)");
        } else if (key != null && !keyed) {
            sql.append(" AND ").append(column).append(" IS NULL");
        } else if (keyed) {
            sql.append(" AND ").append(column).append(" = :key");
        }
        sql.append(comments ? " ORDER BY met DESC, d.issued_at, d.id, c.id" : " ORDER BY d.issued_at, d.id");
        sql.append(" LIMIT :limit OFFSET :offset");
        var statement = statement(sql.toString(), start, end, units)
                .param("limit", limit)
                .param("offset", offset);
        if (!drafters.isEmpty()) {
            statement = statement.param("drafters", drafters);
        } else if (keyed) {
            statement = statement.param("key", grouping.equals("CATEGORY") ? key : (Object) Long.parseLong(key));
        }
        Map<Long, String> unitNames = new HashMap<>();
        return statement
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    double m = rs.getDouble("measure");
                    Double measure = rs.wasNull() ? null : m;
                    String number = rs.getString("number_text");
                    String genre = genreName(rs.getString("genre"));
                    String detail = number == null ? genre : genre + " · " + number;
                    if (comments) {
                        detail = unitNames.computeIfAbsent(rs.getLong("unit_id"), this::unitName) + " · "
                                + messages.getMessage(
                                        "documents.adoption." + rs.getString("adoption"),
                                        null,
                                        rs.getString("adoption"),
                                        Locale.SIMPLIFIED_CHINESE);
                    }
                    String title = rs.getString("title");
                    return new Item(
                            id,
                            title == null ? "#" + id : title,
                            detail,
                            rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                            "/documents/" + id,
                            rs.getInt("met") == 1,
                            measure);
                })
                .list();
    }

    private static List<Definition> definitions(Level level) {
        return DEFINITIONS.stream().filter(d -> d.level() == level).toList();
    }

    /**
     * For the documents' figures, the period's documents with their rounds and first draft worked out once each:
     * written inline, every figure column repeated the look-ups (seven per document, 200 ms for a month of 17,000
     * documents). {@code OFFSET 0 ROWS} keeps the database from folding the subquery back into the outer one.
     */
    private static String from(Level level) {
        return level == Level.COMMENT
                ? " FROM document_comment c JOIN document d ON d.id = c.document_id"
                : " FROM (SELECT d.id, d.drafter_id, d.genre, d.status, d.issued_at, d.issuer_unit_id, d.number_text,"
                        + " d.revision, (SELECT COUNT(*) FROM document_round r WHERE r.document_id = d.id) AS rounds,"
                        + " (SELECT MIN(v.saved_at) FROM document_revision v WHERE v.document_id = d.id) AS first_draft"
                        + " FROM document d" + ISSUED + " OFFSET 0 ROWS) d";
    }

    /**
     * The documents issued in the period; with units, those issued by one of them or sent to one of them for
     * comments, and for comments only those units' own.
     */
    private static String where(Level level, @Nullable Collection<Long> units) {
        if (units == null) {
            return ISSUED;
        }
        return level == Level.COMMENT
                ? ISSUED + " AND c.unit_id IN (:units)"
                : ISSUED + " AND (d.issuer_unit_id IN (:units) OR EXISTS (SELECT 1 FROM document_recipient x"
                        + " WHERE x.document_id = d.id AND x.reason = 'ROUND' AND x.unit_id IN (:units)))";
    }

    private JdbcClient.StatementSpec statement(
            String sql, Instant start, Instant end, @Nullable Collection<Long> units) {
        var statement =
                jdbc.sql(sql).param("start", start.atOffset(ZoneOffset.UTC)).param("end", end.atOffset(ZoneOffset.UTC));
        return units == null ? statement : statement.param("units", units);
    }

    private static String groupColumn(String grouping) {
        return switch (grouping) {
            case "UNIT", "PERSON" -> "d.drafter_id";
            case "CATEGORY" -> "d.genre";
            case "DISTRICT" -> "NULL";
            default -> throw new IllegalArgumentException("unknown grouping " + grouping);
        };
    }

    /**
     * The drafters of the period's documents whose section is the group {@code key} ("-": drafters the directory does
     * not place).
     */
    private List<Long> draftersOf(String key, Instant start, Instant end) {
        return statement("SELECT DISTINCT d.drafter_id FROM document d" + ISSUED, start, end, null)
                .query(Long.class)
                .list()
                .stream()
                .filter(drafter -> drafterUnit(drafter).equals(key))
                .toList();
    }

    private String drafterUnit(long drafter) {
        return directory
                .person(drafter)
                .map(PersonSummary::unitId)
                .map(String::valueOf)
                .orElse("-");
    }

    private String name(String grouping, String key) {
        if (key.equals("-")) {
            return "-";
        }
        return switch (grouping) {
            case "CATEGORY" -> genreName(key);
            case "PERSON" ->
                directory.person(Long.parseLong(key)).map(PersonSummary::name).orElse("#" + key);
            default -> unitName(Long.parseLong(key));
        };
    }

    private String genreName(String genre) {
        return messages.getMessage("documents.genre." + genre, null, genre, Locale.SIMPLIFIED_CHINESE);
    }

    private String unitName(long unitId) {
        return directory.unit(unitId).map(UnitSummary::displayName).orElse("#" + unitId);
    }
}
