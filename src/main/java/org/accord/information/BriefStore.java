package org.accord.information;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tables of briefs, their readers, instructions and the yearly counters. */
@Repository
class BriefStore {

    private final JdbcClient jdbc;

    BriefStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number of a kind in a year: the counter row is locked until the caller's transaction ends, so
     * two briefs sent at once get consecutive numbers, never the same one and never a gap (a rolled-back
     * send rolls the counter back too).
     */
    int nextNumber(int year, BriefKind kind) {
        Optional<Integer> last = jdbc.sql("SELECT last_number FROM info_brief_counter WHERE brief_year = :y AND kind"
                        + " = :k FOR UPDATE")
                .param("y", year)
                .param("k", kind.name())
                .query(Integer.class)
                .optional();
        if (last.isEmpty()) {
            // The first brief of the year creates the row; a concurrent first one fails on the primary key
            // and its transaction is rolled back, so no number is given twice.
            jdbc.sql("INSERT INTO info_brief_counter (brief_year, kind, last_number) VALUES (:y, :k, 1)")
                    .param("y", year)
                    .param("k", kind.name())
                    .update();
            return 1;
        }
        int next = last.get() + 1;
        jdbc.sql("UPDATE info_brief_counter SET last_number = :n WHERE brief_year = :y AND kind = :k")
                .param("n", next)
                .param("y", year)
                .param("k", kind.name())
                .update();
        return next;
    }

    long insert(Brief b) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO info_brief (kind, brief_year, number, title, body, source_kind, source_id, concern_id,"
                        + " author_id, author_name, author_unit_id, sent_at) VALUES (:kind, :year, :number, :title,"
                        + " :body, :sourceKind, :sourceId, :concern, :author, :authorName, :authorUnit, :at)")
                .param("kind", b.kind().name())
                .param("year", b.year())
                .param("number", b.number())
                .param("title", b.title())
                .param("body", b.body())
                .param("sourceKind", b.sourceKind())
                .param("sourceId", b.sourceId())
                .param("concern", b.concernId())
                .param("author", b.authorId())
                .param("authorName", b.authorName())
                .param("authorUnit", b.authorUnitId())
                .param("at", RequestStore.utc(b.sentAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void addReader(long briefId, long leaderId) {
        jdbc.sql("INSERT INTO info_brief_reader (brief_id, leader_id) VALUES (:b, :l)")
                .param("b", briefId)
                .param("l", leaderId)
                .update();
    }

    Optional<Brief> find(long id) {
        return jdbc.sql("SELECT * FROM info_brief WHERE id = :id")
                .param("id", id)
                .query(BriefStore::brief)
                .optional();
    }

    void lock(long id) {
        jdbc.sql("SELECT id FROM info_brief WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Long.class)
                .optional();
    }

    List<Brief> list(@Nullable Long leaderId, int limit) {
        String where = leaderId == null
                ? ""
                : " WHERE id IN (SELECT brief_id FROM info_brief_reader WHERE leader_id = :leader)";
        var statement = jdbc.sql("SELECT * FROM info_brief" + where + " ORDER BY sent_at DESC, id DESC LIMIT " + limit);
        if (leaderId != null) {
            statement = statement.param("leader", leaderId);
        }
        return statement.query(BriefStore::brief).list();
    }

    /** The newest briefs sent to a leader that he has not read yet. */
    List<Brief> unread(long leaderId, int limit) {
        return jdbc.sql("SELECT * FROM info_brief WHERE id IN (SELECT brief_id FROM info_brief_reader"
                        + " WHERE leader_id = :leader AND read_at IS NULL) ORDER BY sent_at DESC, id DESC LIMIT "
                        + limit)
                .param("leader", leaderId)
                .query(BriefStore::brief)
                .list();
    }

    List<BriefReader> readers(long briefId) {
        return jdbc.sql("SELECT * FROM info_brief_reader WHERE brief_id = :b ORDER BY leader_id")
                .param("b", briefId)
                .query((rs, n) -> new BriefReader(
                        rs.getLong("brief_id"),
                        rs.getLong("leader_id"),
                        "",
                        RequestStore.instant(rs, "read_at"),
                        rs.getString("comment"),
                        RequestStore.instant(rs, "commented_at")))
                .list();
    }

    void markRead(long briefId, long leaderId, Instant at) {
        jdbc.sql(
                        "UPDATE info_brief_reader SET read_at = :at WHERE brief_id = :b AND leader_id = :l AND read_at IS NULL")
                .param("at", RequestStore.utc(at))
                .param("b", briefId)
                .param("l", leaderId)
                .update();
    }

    void comment(long briefId, long leaderId, String comment, Instant at) {
        jdbc.sql("UPDATE info_brief_reader SET comment = :c, commented_at = :at WHERE brief_id = :b AND leader_id = :l")
                .param("c", comment)
                .param("at", RequestStore.utc(at))
                .param("b", briefId)
                .param("l", leaderId)
                .update();
    }

    long insertInstruction(Instruction i) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO info_instruction (brief_id, leader_id, leader_name, text, outcome, lead_unit_id,"
                        + " unit_ids, deadline, task_id, matter_id, relayed_to, created_at) VALUES (:b, :l, :ln, :t,"
                        + " :o, :lead, :units, :deadline, :task, :matter, :relayed, :at)")
                .param("b", i.briefId())
                .param("l", i.leaderId())
                .param("ln", i.leaderName())
                .param("t", i.text())
                .param("o", i.outcome().name())
                .param("lead", i.leadUnitId())
                .param("units", ids(i.unitIds()))
                .param("deadline", i.deadline())
                .param("task", i.taskId())
                .param("matter", i.matterId())
                .param("relayed", i.relayedTo())
                .param("at", RequestStore.utc(i.createdAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void instructionDone(long id, @Nullable Long taskId, @Nullable Long matterId, String relayedTo) {
        jdbc.sql(
                        "UPDATE info_instruction SET task_id = :task, matter_id = :matter, relayed_to = :relayed WHERE id = :id")
                .param("task", taskId)
                .param("matter", matterId)
                .param("relayed", relayedTo)
                .param("id", id)
                .update();
    }

    Optional<Instruction> instruction(long id) {
        return jdbc.sql("SELECT * FROM info_instruction WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(BriefStore::instruction)
                .optional();
    }

    List<Instruction> instructions(long briefId) {
        return jdbc.sql("SELECT * FROM info_instruction WHERE brief_id = :b ORDER BY id")
                .param("b", briefId)
                .query(BriefStore::instruction)
                .list();
    }

    /** Per brief: sent, read, commented, instructed, for the figures. */
    List<Object[]> figures(int year) {
        return jdbc.sql("SELECT b.author_id, b.author_name, b.author_unit_id, COUNT(DISTINCT b.id) AS sent,"
                        + " COUNT(DISTINCT CASE WHEN r.read_at IS NOT NULL THEN b.id END) AS read_count,"
                        + " COUNT(DISTINCT CASE WHEN r.comment IS NOT NULL THEN b.id END) AS commented,"
                        + " COUNT(DISTINCT i.brief_id) AS instructed FROM info_brief b LEFT JOIN info_brief_reader r"
                        + " ON r.brief_id = b.id LEFT JOIN info_instruction i ON i.brief_id = b.id WHERE b.brief_year"
                        + " = :y GROUP BY b.author_id, b.author_name, b.author_unit_id ORDER BY b.author_name")
                .param("y", year)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getLong(7)
                })
                .list();
    }

    static String ids(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Long> ids(String text) {
        return text.isBlank()
                ? List.of()
                : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }

    private static Brief brief(ResultSet rs, int n) throws SQLException {
        long source = rs.getLong("source_id");
        boolean noSource = rs.wasNull();
        long concern = rs.getLong("concern_id");
        boolean noConcern = rs.wasNull();
        return new Brief(
                rs.getLong("id"),
                BriefKind.valueOf(rs.getString("kind")),
                rs.getInt("brief_year"),
                rs.getInt("number"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("source_kind"),
                noSource ? null : source,
                noConcern ? null : concern,
                rs.getLong("author_id"),
                rs.getString("author_name"),
                rs.getLong("author_unit_id"),
                rs.getTimestamp("sent_at").toInstant());
    }

    private static Instruction instruction(ResultSet rs, int n) throws SQLException {
        long lead = rs.getLong("lead_unit_id");
        boolean noLead = rs.wasNull();
        long task = rs.getLong("task_id");
        boolean noTask = rs.wasNull();
        long matter = rs.getLong("matter_id");
        boolean noMatter = rs.wasNull();
        java.sql.Date deadline = rs.getDate("deadline");
        LocalDate date = deadline == null ? null : deadline.toLocalDate();
        return new Instruction(
                rs.getLong("id"),
                rs.getLong("brief_id"),
                rs.getLong("leader_id"),
                rs.getString("leader_name"),
                rs.getString("text"),
                InstructionOutcome.valueOf(rs.getString("outcome")),
                noLead ? null : lead,
                ids(rs.getString("unit_ids")),
                date,
                noTask ? null : task,
                noMatter ? null : matter,
                rs.getString("relayed_to"),
                rs.getTimestamp("created_at").toInstant());
    }
}
