package org.accord.coordination;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.accord.directory.Direction;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The coordination tables. Reads a matter whole; writes each change as its own statement. */
@Repository
class MatterStore {

    private static final String MATTER_COLUMNS = "id, title, kind, status, owner_id, owner_unit_id, deciding_leader_id,"
            + " background, purpose, created_at, closed_at";
    private static final long NO_UNIT = -1L;

    /** The filters of the list; null means any. */
    record Filter(
            @Nullable MatterStatus status,
            @Nullable MatterKind kind,
            @Nullable Long ownerId) {}

    private final JdbcClient jdbc;

    MatterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertMatter(
            String title,
            MatterKind kind,
            long ownerId,
            long ownerUnitId,
            String background,
            String purpose,
            Instant now) {
        return insert(jdbc.sql("INSERT INTO coordination_matter (title, kind, status, owner_id, owner_unit_id,"
                        + " deciding_leader_id, background, purpose, created_at, closed_at)"
                        + " VALUES (:title, :kind, :status, :owner, :unit, NULL, :background, :purpose, :at, NULL)")
                .param("title", title)
                .param("kind", kind.name())
                .param("status", MatterStatus.OPEN.name())
                .param("owner", ownerId)
                .param("unit", ownerUnitId)
                .param("background", background)
                .param("purpose", purpose)
                .param("at", param(now)));
    }

    void insertBasis(long matterId, BasisKind kind, String text) {
        jdbc.sql("INSERT INTO coordination_basis (matter_id, kind, text) VALUES (:matter, :kind, :text)")
                .param("matter", matterId)
                .param("kind", kind.name())
                .param("text", text)
                .update();
    }

    long insertParty(
            long matterId,
            @Nullable Long unitId,
            @Nullable Long personId,
            PartyRole role,
            Direction direction,
            String name) {
        return insert(jdbc.sql("INSERT INTO coordination_party (matter_id, unit_id, person_id, role, direction, name)"
                        + " VALUES (:matter, :unit, :person, :role, :direction, :name)")
                .param("matter", matterId)
                .param("unit", unitId)
                .param("person", personId)
                .param("role", role.name())
                .param("direction", direction.name())
                .param("name", name));
    }

    void setDecidingLeader(long matterId, long personId) {
        jdbc.sql("UPDATE coordination_matter SET deciding_leader_id = :person WHERE id = :id")
                .param("person", personId)
                .param("id", matterId)
                .update();
    }

    void setStatus(long matterId, MatterStatus status, @Nullable Instant closedAt) {
        jdbc.sql("UPDATE coordination_matter SET status = :status, closed_at = :closed WHERE id = :id")
                .param("status", status.name())
                .param("closed", closedAt == null ? null : param(closedAt))
                .param("id", matterId)
                .update();
    }

    long insertTimeline(
            long matterId,
            Instant at,
            String actor,
            String action,
            @Nullable Direction direction,
            @Nullable String toParty,
            String text,
            @Nullable Long relayedEntryId) {
        return insert(jdbc.sql(
                        "INSERT INTO coordination_timeline (matter_id, at, actor, action, direction, to_party,"
                                + " text, relayed_entry_id) VALUES (:matter, :at, :actor, :action, :direction, :to, :text, :relayed)")
                .param("matter", matterId)
                .param("at", param(at))
                .param("actor", actor)
                .param("action", action)
                .param("direction", direction == null ? null : direction.name())
                .param("to", toParty)
                .param("text", clip(text, 4000))
                .param("relayed", relayedEntryId));
    }

    long insertPoint(long matterId, String text) {
        return insert(jdbc.sql("INSERT INTO coordination_point (matter_id, text, status, brief, recommendation, ruling,"
                        + " ruled_by, ruled_at) VALUES (:matter, :text, :status, NULL, NULL, NULL, NULL, NULL)")
                .param("matter", matterId)
                .param("text", text)
                .param("status", PointStatus.OPEN.name()));
    }

    void setPointStatus(long pointId, PointStatus status) {
        jdbc.sql("UPDATE coordination_point SET status = :status WHERE id = :id")
                .param("status", status.name())
                .param("id", pointId)
                .update();
    }

    void escalatePoint(long pointId, String brief, String recommendation) {
        jdbc.sql("UPDATE coordination_point SET status = :status, brief = :brief, recommendation = :recommendation"
                        + " WHERE id = :id")
                .param("status", PointStatus.ESCALATED.name())
                .param("brief", clip(brief, 4000))
                .param("recommendation", recommendation)
                .param("id", pointId)
                .update();
    }

    void rulePoint(long pointId, String ruling, long leaderId, Instant at) {
        jdbc.sql("UPDATE coordination_point SET status = :status, ruling = :ruling, ruled_by = :leader, ruled_at = :at"
                        + " WHERE id = :id")
                .param("status", PointStatus.RULED.name())
                .param("ruling", ruling)
                .param("leader", leaderId)
                .param("at", param(at))
                .param("id", pointId)
                .update();
    }

    long insertRound(
            long matterId,
            int number,
            LocalDate deadline,
            RoundVisibility visibility,
            Collection<Long> unitIds,
            Collection<Long> pointIds,
            Instant now) {
        return insert(jdbc.sql("INSERT INTO coordination_round (matter_id, number, deadline, visibility, status,"
                        + " party_unit_ids, point_ids, opened_at, closed_at)"
                        + " VALUES (:matter, :number, :deadline, :visibility, 'OPEN', :units, :points, :at, NULL)")
                .param("matter", matterId)
                .param("number", number)
                .param("deadline", deadline)
                .param("visibility", visibility.name())
                .param("units", join(unitIds))
                .param("points", join(pointIds))
                .param("at", param(now)));
    }

    void closeRound(long roundId, Instant now) {
        jdbc.sql("UPDATE coordination_round SET status = 'CLOSED', closed_at = :at WHERE id = :id")
                .param("at", param(now))
                .param("id", roundId)
                .update();
    }

    /** Records a unit's answer, replacing its earlier answer on the same point in the same round. */
    void savePosition(
            long roundId,
            long pointId,
            long unitId,
            Stance stance,
            @Nullable String condition,
            @Nullable String reason,
            @Nullable String counterProposal,
            String answeredBy,
            Instant now) {
        jdbc.sql("DELETE FROM coordination_position WHERE round_id = :round AND point_id = :point AND unit_id = :unit")
                .param("round", roundId)
                .param("point", pointId)
                .param("unit", unitId)
                .update();
        jdbc.sql("INSERT INTO coordination_position (round_id, point_id, unit_id, stance, condition_text, reason,"
                        + " counter_proposal, answered_by, at)"
                        + " VALUES (:round, :point, :unit, :stance, :condition, :reason, :counter, :by, :at)")
                .param("round", roundId)
                .param("point", pointId)
                .param("unit", unitId)
                .param("stance", stance.name())
                .param("condition", condition)
                .param("reason", reason)
                .param("counter", counterProposal)
                .param("by", answeredBy)
                .param("at", param(now))
                .update();
    }

    long insertMeasure(long matterId, String what, long leadUnitId, Collection<Long> cooperating, LocalDate deadline) {
        return insert(jdbc.sql("INSERT INTO coordination_measure (matter_id, what, lead_unit_id, cooperating_unit_ids,"
                        + " deadline, adopted, adopted_by, adopted_at)"
                        + " VALUES (:matter, :what, :lead, :cooperating, :deadline, FALSE, NULL, NULL)")
                .param("matter", matterId)
                .param("what", what)
                .param("lead", leadUnitId)
                .param("cooperating", join(cooperating))
                .param("deadline", deadline));
    }

    void adoptMeasure(long measureId, String by, Instant now) {
        jdbc.sql("UPDATE coordination_measure SET adopted = TRUE, adopted_by = :by, adopted_at = :at WHERE id = :id")
                .param("by", by)
                .param("at", param(now))
                .param("id", measureId)
                .update();
    }

    /** Locks the matter's row until the transaction ends, so steps on one matter run one after another. */
    void lock(long id) {
        jdbc.sql("SELECT id FROM coordination_matter WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Long.class)
                .optional();
    }

    Optional<Matter> load(long id) {
        Optional<Matter> bare = jdbc.sql("SELECT " + MATTER_COLUMNS + " FROM coordination_matter WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> matter(rs, id))
                .optional();
        return bare;
    }

    /** The matters a scope may see, newest first, at most {@code limit}. */
    List<MatterSummary> list(Viewer scope, Filter filter, int limit) {
        if (scope.none()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + MATTER_COLUMNS + " FROM coordination_matter m WHERE 1 = 1");
        if (!scope.office()) {
            sql.append(" AND (m.id IN (SELECT p.matter_id FROM coordination_party p WHERE p.unit_id IN (:units))");
            if (scope.personId() != null && scope.leader()) {
                sql.append(" OR m.deciding_leader_id = :person");
            }
            sql.append(")");
        }
        if (filter.status() != null) {
            sql.append(" AND m.status = :status");
        }
        if (filter.kind() != null) {
            sql.append(" AND m.kind = :kind");
        }
        if (filter.ownerId() != null) {
            sql.append(" AND m.owner_id = :owner");
        }
        sql.append(" ORDER BY m.id DESC LIMIT :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("limit", limit);
        if (!scope.office()) {
            statement = statement.param(
                    "units", scope.unitIds().isEmpty() ? List.of(NO_UNIT) : List.copyOf(scope.unitIds()));
            if (scope.personId() != null && scope.leader()) {
                statement = statement.param("person", scope.personId());
            }
        }
        if (filter.status() != null) {
            statement = statement.param("status", filter.status().name());
        }
        if (filter.kind() != null) {
            statement = statement.param("kind", filter.kind().name());
        }
        if (filter.ownerId() != null) {
            statement = statement.param("owner", filter.ownerId());
        }
        return statement.query(MatterStore::summary).list();
    }

    /** Matters with a point escalated to this leader and not ruled yet. */
    List<Long> awaitingRuling(long leaderId) {
        return jdbc.sql(
                        "SELECT DISTINCT m.id FROM coordination_matter m JOIN coordination_point p ON p.matter_id = m.id"
                                + " WHERE m.deciding_leader_id = :leader AND p.status = 'ESCALATED' AND m.status <> 'CLOSED'"
                                + " ORDER BY m.id")
                .param("leader", leaderId)
                .query(Long.class)
                .list();
    }

    /** Matters with an open round that asks one of these units. */
    List<Long> withOpenRoundFor(Set<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        List<Long> candidates = jdbc.sql("SELECT DISTINCT r.matter_id FROM coordination_round r"
                        + " JOIN coordination_party p ON p.matter_id = r.matter_id"
                        + " WHERE r.status = 'OPEN' AND p.unit_id IN (:units) ORDER BY r.matter_id")
                .param("units", List.copyOf(unitIds))
                .query(Long.class)
                .list();
        return candidates;
    }

    private Matter matter(ResultSet rs, long id) throws SQLException {
        List<Basis> basis = jdbc.sql("SELECT id, kind, text FROM coordination_basis WHERE matter_id = :id ORDER BY id")
                .param("id", id)
                .query((r, n) ->
                        new Basis(r.getLong("id"), BasisKind.valueOf(r.getString("kind")), r.getString("text")))
                .list();
        List<MatterParty> parties = jdbc.sql(
                        "SELECT id, unit_id, person_id, role, direction, name FROM coordination_party"
                                + " WHERE matter_id = :id ORDER BY id")
                .param("id", id)
                .query((r, n) -> new MatterParty(
                        r.getLong("id"),
                        nullableLong(r, "unit_id"),
                        nullableLong(r, "person_id"),
                        PartyRole.valueOf(r.getString("role")),
                        Direction.valueOf(r.getString("direction")),
                        r.getString("name")))
                .list();
        List<Point> points = jdbc.sql("SELECT id, text, status, brief, recommendation, ruling, ruled_by, ruled_at"
                        + " FROM coordination_point WHERE matter_id = :id ORDER BY id")
                .param("id", id)
                .query((r, n) -> new Point(
                        r.getLong("id"),
                        r.getString("text"),
                        PointStatus.valueOf(r.getString("status")),
                        r.getString("brief"),
                        r.getString("recommendation"),
                        r.getString("ruling"),
                        nullableLong(r, "ruled_by"),
                        instant(r, "ruled_at")))
                .list();
        List<Round> rounds = jdbc.sql("SELECT id, number, deadline, visibility, status, party_unit_ids, point_ids,"
                        + " opened_at, closed_at FROM coordination_round WHERE matter_id = :id ORDER BY number")
                .param("id", id)
                .query((r, n) -> new Round(
                        r.getLong("id"),
                        r.getInt("number"),
                        r.getObject("deadline", LocalDate.class),
                        RoundVisibility.valueOf(r.getString("visibility")),
                        "OPEN".equals(r.getString("status")),
                        split(r.getString("party_unit_ids")),
                        split(r.getString("point_ids")),
                        required(r, "opened_at"),
                        instant(r, "closed_at")))
                .list();
        List<Position> positions = jdbc.sql(
                        "SELECT p.id, p.round_id, p.point_id, p.unit_id, p.stance, p.condition_text,"
                                + " p.reason, p.counter_proposal, p.answered_by, p.at FROM coordination_position p"
                                + " JOIN coordination_round r ON r.id = p.round_id WHERE r.matter_id = :id ORDER BY p.id")
                .param("id", id)
                .query((r, n) -> new Position(
                        r.getLong("id"),
                        r.getLong("round_id"),
                        r.getLong("point_id"),
                        r.getLong("unit_id"),
                        Stance.valueOf(r.getString("stance")),
                        r.getString("condition_text"),
                        r.getString("reason"),
                        r.getString("counter_proposal"),
                        r.getString("answered_by"),
                        required(r, "at")))
                .list();
        List<Measure> measures = jdbc.sql("SELECT id, what, lead_unit_id, cooperating_unit_ids, deadline, adopted,"
                        + " adopted_by, adopted_at FROM coordination_measure WHERE matter_id = :id ORDER BY id")
                .param("id", id)
                .query((r, n) -> new Measure(
                        r.getLong("id"),
                        r.getString("what"),
                        r.getLong("lead_unit_id"),
                        split(r.getString("cooperating_unit_ids")),
                        r.getObject("deadline", LocalDate.class),
                        r.getBoolean("adopted"),
                        r.getString("adopted_by"),
                        instant(r, "adopted_at")))
                .list();
        List<TimelineEntry> timeline = jdbc.sql(
                        "SELECT id, at, actor, action, direction, to_party, text, relayed_entry_id"
                                + " FROM coordination_timeline WHERE matter_id = :id ORDER BY id")
                .param("id", id)
                .query((r, n) -> new TimelineEntry(
                        r.getLong("id"),
                        required(r, "at"),
                        r.getString("actor"),
                        r.getString("action"),
                        r.getString("direction") == null ? null : Direction.valueOf(r.getString("direction")),
                        r.getString("to_party"),
                        r.getString("text"),
                        nullableLong(r, "relayed_entry_id")))
                .list();
        return new Matter(
                id,
                rs.getString("title"),
                MatterKind.valueOf(rs.getString("kind")),
                MatterStatus.valueOf(rs.getString("status")),
                rs.getLong("owner_id"),
                rs.getLong("owner_unit_id"),
                nullableLong(rs, "deciding_leader_id"),
                rs.getString("background"),
                rs.getString("purpose"),
                required(rs, "created_at"),
                instant(rs, "closed_at"),
                basis,
                parties,
                points,
                rounds,
                positions,
                measures,
                timeline);
    }

    private static MatterSummary summary(ResultSet rs, int n) throws SQLException {
        return new MatterSummary(
                rs.getLong("id"),
                rs.getString("title"),
                MatterKind.valueOf(rs.getString("kind")),
                MatterStatus.valueOf(rs.getString("status")),
                rs.getLong("owner_id"),
                nullableLong(rs, "deciding_leader_id"),
                required(rs, "created_at"));
    }

    private static long insert(JdbcClient.StatementSpec statement) {
        KeyHolder key = new GeneratedKeyHolder();
        statement.update(key, "id");
        Number id = key.getKey();
        if (id == null) {
            throw new IllegalStateException("No id for the new row");
        }
        return id.longValue();
    }

    static OffsetDateTime param(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant required(ResultSet rs, String column) throws SQLException {
        Instant value = instant(rs, column);
        if (value == null) {
            throw new SQLException("Column " + column + " is null");
        }
        return value;
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static String join(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Long> split(@Nullable String ids) {
        if (ids == null || ids.isBlank()) {
            return List.of();
        }
        List<Long> result = new ArrayList<>();
        Arrays.stream(ids.split(",")).map(String::strip).map(Long::valueOf).forEach(result::add);
        return List.copyOf(result);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
