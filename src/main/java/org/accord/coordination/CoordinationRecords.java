package org.accord.coordination;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only access to the kernel's history for looking back on a period or a unit (the review module). It applies no
 * data scope: the caller narrows by unit or leader and answers for showing only what its viewer may see, so that a
 * scheduled job with nobody signed in reads the same records.
 */
@Service
public class CoordinationRecords {

    /** A point a leader ruled on, with its matter. */
    public record RulingRecord(
            long matterId,
            String matterTitle,
            long pointId,
            String point,
            String ruling,
            long ruledBy,
            Instant ruledAt) {}

    /** A matter a unit is a party to. */
    public record MatterRecord(long id, String title, MatterKind kind, MatterStatus status, Instant createdAt) {}

    /**
     * A point on which a unit disagreed in a closed round, with where the point ended up.
     *
     * @param ruling the leader's ruling, if the point was ruled
     */
    public record DivergenceRecord(
            long matterId,
            String matterTitle,
            long pointId,
            String point,
            int round,
            Instant answeredAt,
            @Nullable String reason,
            PointStatus outcome,
            @Nullable String ruling) {}

    private final JdbcClient jdbc;

    CoordinationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Points ruled in {@code [from, to)}: by one leader when {@code ruledBy} is given, and on matters one of the units
     * is a party to when {@code partyUnitIds} is not null. Oldest first.
     */
    @Transactional(readOnly = true)
    public List<RulingRecord> rulings(
            Instant from, Instant to, @Nullable Long ruledBy, @Nullable Collection<Long> partyUnitIds) {
        if (partyUnitIds != null && partyUnitIds.isEmpty()) {
            return List.of();
        }
        String sql = """
                SELECT m.id AS matter_id, m.title, p.id AS point_id, p.text, p.ruling, p.ruled_by, p.ruled_at
                FROM coordination_point p JOIN coordination_matter m ON m.id = p.matter_id
                WHERE p.status = 'RULED' AND p.ruled_at >= :from AND p.ruled_at < :to
                """
                + (ruledBy == null ? "" : " AND p.ruled_by = :leader")
                + (partyUnitIds == null
                        ? ""
                        : " AND EXISTS (SELECT 1 FROM coordination_party y WHERE y.matter_id = m.id"
                                + " AND y.unit_id IN (:units))")
                + " ORDER BY p.ruled_at, p.id";
        var statement = jdbc.sql(sql).param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
        if (ruledBy != null) {
            statement = statement.param("leader", ruledBy);
        }
        if (partyUnitIds != null) {
            statement = statement.param("units", partyUnitIds);
        }
        return statement
                .query((rs, row) -> new RulingRecord(
                        rs.getLong("matter_id"),
                        rs.getString("title"),
                        rs.getLong("point_id"),
                        rs.getString("text"),
                        rs.getString("ruling"),
                        rs.getLong("ruled_by"),
                        rs.getTimestamp("ruled_at").toInstant()))
                .list();
    }

    /** Matters not closed yet that the unit is a party to, newest first. */
    @Transactional(readOnly = true)
    public List<MatterRecord> openMattersOf(long unitId) {
        return jdbc.sql("""
                        SELECT m.id, m.title, m.kind, m.status, m.created_at FROM coordination_matter m
                        WHERE m.status <> 'CLOSED'
                          AND EXISTS (SELECT 1 FROM coordination_party y WHERE y.matter_id = m.id AND y.unit_id = :unit)
                        ORDER BY m.created_at DESC, m.id DESC
                        """)
                .param("unit", unitId)
                .query((rs, row) -> new MatterRecord(
                        rs.getLong("id"),
                        rs.getString("title"),
                        MatterKind.valueOf(rs.getString("kind")),
                        MatterStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /**
     * The points on which the unit answered DISAGREE in a closed round, newest first. Open rounds stay out: a blind
     * round's answers are not to be shown before it closes.
     */
    @Transactional(readOnly = true)
    public List<DivergenceRecord> divergencesOf(long unitId) {
        return jdbc.sql("""
                        SELECT m.id AS matter_id, m.title, p.id AS point_id, p.text, r.number, x.at, x.reason,
                               p.status, p.ruling
                        FROM coordination_position x
                        JOIN coordination_round r ON r.id = x.round_id
                        JOIN coordination_point p ON p.id = x.point_id
                        JOIN coordination_matter m ON m.id = p.matter_id
                        WHERE x.unit_id = :unit AND x.stance = 'DISAGREE' AND r.status <> 'OPEN'
                        ORDER BY x.at DESC, x.id DESC
                        """)
                .param("unit", unitId)
                .query(CoordinationRecords::divergence)
                .list();
    }

    private static DivergenceRecord divergence(ResultSet rs, int row) throws SQLException {
        return new DivergenceRecord(
                rs.getLong("matter_id"),
                rs.getString("title"),
                rs.getLong("point_id"),
                rs.getString("text"),
                rs.getInt("number"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("reason"),
                PointStatus.valueOf(rs.getString("status")),
                rs.getString("ruling"));
    }
}
