package org.accord.information;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tables of the leaders' current concerns, the matters tagged to them, and suggestions. */
@Repository
class ConcernStore {

    private final JdbcClient jdbc;

    ConcernStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertConcern(long leaderId, String title, String note) {
        int order = jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM info_concern WHERE leader_id = :l")
                .param("l", leaderId)
                .query(Integer.class)
                .single();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO info_concern (leader_id, title, note, active, sort_order, created_at) VALUES (:l, :t, :n,"
                        + " TRUE, :o, :at)")
                .param("l", leaderId)
                .param("t", title)
                .param("n", note)
                .param("o", order)
                .param("at", RequestStore.utc(Instant.now()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void setActive(long id, boolean active) {
        jdbc.sql("UPDATE info_concern SET active = :a WHERE id = :id")
                .param("a", active)
                .param("id", id)
                .update();
    }

    Optional<Concern> concern(long id) {
        return jdbc.sql("SELECT * FROM info_concern WHERE id = :id")
                .param("id", id)
                .query(ConcernStore::concern)
                .optional();
    }

    /** A leader's concerns, the active ones first, in the office's order; all leaders' when none is named. */
    List<Concern> concerns(@Nullable Long leaderId, boolean activeOnly) {
        String where = (leaderId == null ? " WHERE 1 = 1" : " WHERE leader_id = :l")
                + (activeOnly ? " AND active = TRUE" : "");
        var statement =
                jdbc.sql("SELECT * FROM info_concern" + where + " ORDER BY leader_id, active DESC, sort_order, id");
        if (leaderId != null) {
            statement = statement.param("l", leaderId);
        }
        return statement.query(ConcernStore::concern).list();
    }

    void tagMatter(long matterId, long concernId) {
        int exists = jdbc.sql("SELECT COUNT(*) FROM info_matter_concern WHERE matter_id = :m AND concern_id = :c")
                .param("m", matterId)
                .param("c", concernId)
                .query(Integer.class)
                .single();
        if (exists == 0) {
            jdbc.sql("INSERT INTO info_matter_concern (matter_id, concern_id) VALUES (:m, :c)")
                    .param("m", matterId)
                    .param("c", concernId)
                    .update();
        }
    }

    List<Long> matters(long concernId) {
        return jdbc.sql("SELECT matter_id FROM info_matter_concern WHERE concern_id = :c ORDER BY matter_id DESC")
                .param("c", concernId)
                .query(Long.class)
                .list();
    }

    long insertSuggestion(Suggestion s) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO info_suggestion (leader_id, concern_id, title, body, basis, author_id, author_name,"
                        + " author_unit_id, filed_at) VALUES (:l, :c, :t, :b, :basis, :a, :an, :au, :at)")
                .param("l", s.leaderId())
                .param("c", s.concernId())
                .param("t", s.title())
                .param("b", s.body())
                .param("basis", s.basis())
                .param("a", s.authorId())
                .param("an", s.authorName())
                .param("au", s.authorUnitId())
                .param("at", RequestStore.utc(s.filedAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Suggestion> suggestion(long id) {
        return jdbc.sql("SELECT * FROM info_suggestion WHERE id = :id")
                .param("id", id)
                .query(ConcernStore::suggestion)
                .optional();
    }

    void lockSuggestion(long id) {
        jdbc.sql("SELECT id FROM info_suggestion WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Long.class)
                .optional();
    }

    List<Suggestion> suggestions(@Nullable Long leaderId) {
        String where = leaderId == null ? "" : " WHERE leader_id = :l";
        var statement =
                jdbc.sql("SELECT * FROM info_suggestion" + where + " ORDER BY filed_at DESC, id DESC LIMIT 200");
        if (leaderId != null) {
            statement = statement.param("l", leaderId);
        }
        return statement.query(ConcernStore::suggestion).list();
    }

    void readSuggestion(long id, Instant at) {
        jdbc.sql("UPDATE info_suggestion SET read_at = :at WHERE id = :id AND read_at IS NULL")
                .param("at", RequestStore.utc(at))
                .param("id", id)
                .update();
    }

    void answerSuggestion(long id, String answer, Instant at) {
        jdbc.sql("UPDATE info_suggestion SET answer = :a, answered_at = :at, read_at = COALESCE(read_at, :at) WHERE id"
                        + " = :id")
                .param("a", answer)
                .param("at", RequestStore.utc(at))
                .param("id", id)
                .update();
    }

    private static Concern concern(ResultSet rs, int n) throws SQLException {
        return new Concern(
                rs.getLong("id"),
                rs.getLong("leader_id"),
                rs.getString("title"),
                rs.getString("note"),
                rs.getBoolean("active"),
                rs.getInt("sort_order"));
    }

    private static Suggestion suggestion(ResultSet rs, int n) throws SQLException {
        long concern = rs.getLong("concern_id");
        boolean noConcern = rs.wasNull();
        return new Suggestion(
                rs.getLong("id"),
                rs.getLong("leader_id"),
                noConcern ? null : concern,
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("basis"),
                rs.getLong("author_id"),
                rs.getString("author_name"),
                rs.getLong("author_unit_id"),
                rs.getTimestamp("filed_at").toInstant(),
                RequestStore.instant(rs, "read_at"),
                rs.getString("answer"),
                RequestStore.instant(rs, "answered_at"));
    }
}
