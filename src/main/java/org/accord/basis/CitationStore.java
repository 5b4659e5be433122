package org.accord.basis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.accord.search.SearchKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code basis_citation}. */
@Repository
class CitationStore {

    private static final String COLUMNS = "id, target_kind, target_id, source_kind, source_id, source_title,"
            + " source_reference, source_excerpt, source_url, source_at, cited_by, cited_at";

    private final JdbcClient jdbc;

    CitationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest citation last, as they were added. */
    List<Citation> forTarget(BasisTarget target) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM basis_citation WHERE target_kind = ? AND target_id = ? ORDER BY id")
                .params(target.kind().name(), target.id())
                .query(CitationStore::citation)
                .list();
    }

    Optional<Citation> one(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM basis_citation WHERE id = ?")
                .param(id)
                .query(CitationStore::citation)
                .optional();
    }

    boolean exists(BasisTarget target, SearchKind kind, String sourceId) {
        return jdbc.sql("SELECT COUNT(*) FROM basis_citation WHERE target_kind = ? AND target_id = ?"
                                + " AND source_kind = ? AND source_id = ?")
                        .params(target.kind().name(), target.id(), kind.name(), sourceId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(Citation c, int authority) {
        jdbc.sql("INSERT INTO basis_citation (target_kind, target_id, source_kind, source_id, source_title,"
                        + " source_reference, source_excerpt, source_url, source_at, source_authority, cited_by,"
                        + " cited_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.target().kind().name(),
                        c.target().id(),
                        c.sourceKind().name(),
                        c.sourceId(),
                        c.title(),
                        c.reference(),
                        c.excerpt(),
                        c.url(),
                        c.sourceAt() == null ? null : Timestamp.from(c.sourceAt()),
                        authority,
                        c.citedBy(),
                        Timestamp.from(c.citedAt()))
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM basis_citation WHERE id = ?").param(id).update();
    }

    private static Citation citation(ResultSet rs, int row) throws SQLException {
        Timestamp sourceAt = rs.getTimestamp("source_at");
        return new Citation(
                rs.getLong("id"),
                new BasisTarget(BasisTarget.Kind.valueOf(rs.getString("target_kind")), rs.getLong("target_id")),
                SearchKind.valueOf(rs.getString("source_kind")),
                rs.getString("source_id"),
                rs.getString("source_title"),
                rs.getString("source_reference"),
                rs.getString("source_excerpt"),
                rs.getString("source_url"),
                sourceAt == null ? null : sourceAt.toInstant(),
                rs.getString("cited_by"),
                rs.getTimestamp("cited_at").toInstant());
    }
}
