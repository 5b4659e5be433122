package org.accord.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accord.security.DataScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The stored summaries with their statements and figures. */
@Repository
class SummaryStore {

    static final int LIST_LIMIT = 200;

    /** A summary as lists show it. */
    record Listed(long id, Summary.Subject subject, String subjectName, SummaryPeriod period, boolean edited) {}

    private final JdbcClient jdbc;

    SummaryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> find(Summary.Subject subject, long subjectId, SummaryPeriod period) {
        return jdbc.sql("""
                        SELECT id FROM review_summary WHERE subject_kind = :subject AND subject_id = :subjectId
                          AND period_kind = :period AND period_start = :start
                        """)
                .param("subject", subject.name())
                .param("subjectId", subjectId)
                .param("period", period.kind().name())
                .param("start", period.start())
                .query(Long.class)
                .optional();
    }

    /** Stores a new summary; the caller has checked that none exists for its subject and period. */
    long insert(Summary summary) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO review_summary (subject_kind, subject_id, subject_name, period_kind, period_start,
                          period_end, generated_text, body, generated_by, generated_at)
                        VALUES (:subject, :subjectId, :name, :period, :start, :end, :text, :text, :by, :at)
                        """)
                .param("subject", summary.subject().name())
                .param("subjectId", summary.subjectId())
                .param("name", summary.subjectName())
                .param("period", summary.period().kind().name())
                .param("start", summary.period().start())
                .param("end", summary.period().end())
                .param("text", summary.generatedText())
                .param("by", summary.generatedBy())
                .param("at", Timestamp.from(summary.generatedAt()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        int order = 0;
        for (Summary.Item item : summary.items()) {
            jdbc.sql("""
                            INSERT INTO review_summary_item (summary_id, sort_order, section, kind, ref_id, statement, link)
                            VALUES (:id, :order, :section, :kind, :ref, :statement, :link)
                            """)
                    .param("id", id)
                    .param("order", order++)
                    .param("section", item.section().name())
                    .param("kind", item.kind().name())
                    .param("ref", item.refId())
                    .param("statement", item.statement())
                    .param("link", item.link())
                    .update();
        }
        order = 0;
        for (Summary.Figure figure : summary.figures()) {
            jdbc.sql("""
                            INSERT INTO review_summary_figure (summary_id, sort_order, label, figure)
                            VALUES (:id, :order, :label, :figure)
                            """)
                    .param("id", id)
                    .param("order", order++)
                    .param("label", figure.label())
                    .param("figure", figure.value())
                    .update();
        }
        return id;
    }

    Optional<Summary> get(long id) {
        List<Summary.Item> items = jdbc.sql(
                        "SELECT kind, ref_id, statement, link FROM review_summary_item WHERE summary_id = :id"
                                + " ORDER BY sort_order")
                .param("id", id)
                .query((rs, row) -> new Summary.Item(
                        Summary.ItemKind.valueOf(rs.getString("kind")),
                        rs.getLong("ref_id"),
                        rs.getString("statement"),
                        rs.getString("link")))
                .list();
        List<Summary.Figure> figures = jdbc.sql(
                        "SELECT label, figure FROM review_summary_figure WHERE summary_id = :id ORDER BY sort_order")
                .param("id", id)
                .query((rs, row) -> new Summary.Figure(rs.getString("label"), rs.getString("figure")))
                .list();
        return jdbc.sql("SELECT * FROM review_summary WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> summary(rs, items, figures))
                .optional();
    }

    /** Replaces the current text; the generated text stays as it was. */
    void edit(long id, String body, String by, Instant at) {
        jdbc.sql("UPDATE review_summary SET body = :body, edited_by = :by, edited_at = :at WHERE id = :id")
                .param("body", body)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    /**
     * The summaries the scope may see, newest period first: the office all; others their units' summaries and their
     * own personal ones.
     */
    List<Listed> visible(DataScope scope) {
        String where;
        switch (scope.kind()) {
            case OFFICE -> where = "";
            case LEADER, UNIT ->
                where = " WHERE (subject_kind = 'UNIT' AND subject_id IN (:units))"
                        + " OR (subject_kind = 'PERSON' AND subject_id = :person)";
            default -> {
                return List.of();
            }
        }
        var statement = jdbc.sql("SELECT id, subject_kind, subject_name, period_kind, period_start, period_end,"
                + " edited_at FROM review_summary" + where
                + " ORDER BY period_start DESC, period_kind, subject_kind DESC, subject_name, id DESC LIMIT "
                + LIST_LIMIT);
        if (!where.isEmpty()) {
            Set<Long> units = scope.unitIds().isEmpty() ? Set.of(-1L) : scope.unitIds();
            Long person = scope.personId();
            statement = statement.param("units", units).param("person", person == null ? -1L : person);
        }
        return statement
                .query((rs, row) -> new Listed(
                        rs.getLong("id"),
                        Summary.Subject.valueOf(rs.getString("subject_kind")),
                        rs.getString("subject_name"),
                        period(rs),
                        rs.getTimestamp("edited_at") != null))
                .list();
    }

    private static SummaryPeriod period(ResultSet rs) throws SQLException {
        return new SummaryPeriod(
                SummaryPeriod.Kind.valueOf(rs.getString("period_kind")),
                rs.getDate("period_start").toLocalDate(),
                rs.getDate("period_end").toLocalDate());
    }

    private static Summary summary(ResultSet rs, List<Summary.Item> items, List<Summary.Figure> figures)
            throws SQLException {
        @Nullable Timestamp edited = rs.getTimestamp("edited_at");
        return new Summary(
                rs.getLong("id"),
                Summary.Subject.valueOf(rs.getString("subject_kind")),
                rs.getLong("subject_id"),
                rs.getString("subject_name"),
                period(rs),
                rs.getString("generated_text"),
                rs.getString("body"),
                rs.getString("generated_by"),
                rs.getTimestamp("generated_at").toInstant(),
                rs.getString("edited_by"),
                edited == null ? null : edited.toInstant(),
                items,
                figures);
    }
}
