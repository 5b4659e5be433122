package org.accord.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Cases, shares and timeline rows, in plain SQL: the intake path is one insert and one update. */
@Repository
class CaseStore {

    private static final String CASE_COLUMNS = "id, case_number, channel, caller_name, phone, confidential, address,"
            + " district_code, category_code, urgent, description, lat, lon, status, time_limit_code, deadline,"
            + " lead_unit_id, matter_id, master_id, reopen_count, escalated, suspended_since, suspend_reason,"
            + " reply_text, satisfaction, solved, closing, close_reason, delegated_by, delegation_instruction,"
            + " delegation_scope, dispatcher_id, token, created_by, created_at, dispatched_at, updated_at, closed_at";

    private final JdbcClient jdbc;

    private final CaseClock clock;

    private final CaseFigureDays figureDays;

    CaseStore(JdbcClient jdbc, CaseClock clock, CaseFigureDays figureDays) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.figureDays = figureDays;
    }

    /** A row of a case list: enough for the table, nothing from the timeline. */
    record Row(
            long id,
            String number,
            String status,
            @Nullable String categoryCode,
            @Nullable String districtCode,
            @Nullable String phone,
            boolean confidential,
            @Nullable String address,
            String description,
            boolean urgent,
            @Nullable LocalDate deadline,
            @Nullable Long leadUnitId,
            boolean suspended,
            Instant createdAt) {}

    record Event(
            long id, Instant at, String actor, @Nullable Long unitId, String kind, String body, boolean publicNote) {}

    /** Inserts the case and gives it its number, in the caller's transaction. */
    long insert(HotlineCase c, @Nullable String idempotencyKey, @Nullable String requestHash, String numberPrefix) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO hotline_case (channel, caller_name, phone, confidential, address, district_code,"
                        + " category_code, urgent, description, lat, lon, status, reopen_count, escalated,"
                        + " idempotency_key, request_hash, token, created_by, created_at, updated_at)"
                        + " VALUES (:channel, :callerName, :phone, :confidential, :address, :district, :category,"
                        + " :urgent, :description, :lat, :lon, :status, 0, FALSE, :key, :hash, :token, :createdBy,"
                        + " :createdAt, :createdAt)")
                .param("channel", c.channel.name())
                .param("callerName", c.callerName)
                .param("phone", c.phone)
                .param("confidential", c.confidential)
                .param("address", c.address)
                .param("district", c.districtCode)
                .param("category", c.categoryCode)
                .param("urgent", c.urgent)
                .param("description", c.description)
                .param("lat", c.lat)
                .param("lon", c.lon)
                .param("status", c.status.name())
                .param("key", idempotencyKey)
                .param("hash", requestHash)
                .param("token", c.token)
                .param("createdBy", c.createdBy)
                .param("createdAt", ts(c.createdAt))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        String number = numberPrefix + String.format("%06d", id);
        jdbc.sql("UPDATE hotline_case SET case_number = :number WHERE id = :id")
                .param("number", number)
                .param("id", id)
                .update();
        c.id = id;
        c.number = number;
        figureDays.changed(c.createdAt);
        return id;
    }

    record Idempotent(long id, @Nullable String hash) {}

    Optional<Idempotent> byIdempotencyKey(String key) {
        return jdbc.sql("SELECT id, request_hash FROM hotline_case WHERE idempotency_key = :key")
                .param("key", key)
                .query((rs, n) -> new Idempotent(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    Optional<HotlineCase> find(long id) {
        Optional<HotlineCase> found = jdbc.sql("SELECT " + CASE_COLUMNS + " FROM hotline_case WHERE id = :id")
                .param("id", id)
                .query(CaseStore::mapCase)
                .optional();
        found.ifPresent(c -> c.shares.addAll(shares(id)));
        return found;
    }

    /** The case, locked for a change, so that two steps on it never interleave. */
    Optional<HotlineCase> lock(long id) {
        Optional<HotlineCase> found = jdbc.sql(
                        "SELECT " + CASE_COLUMNS + " FROM hotline_case WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(CaseStore::mapCase)
                .optional();
        found.ifPresent(c -> c.shares.addAll(shares(id)));
        return found;
    }

    Optional<Long> idByNumber(String number) {
        return jdbc.sql("SELECT id FROM hotline_case WHERE case_number = :n")
                .param("n", number)
                .query(Long.class)
                .optional();
    }

    Optional<Long> idByToken(String token) {
        return jdbc.sql("SELECT id FROM hotline_case WHERE token = :t")
                .param("t", token)
                .query(Long.class)
                .optional();
    }

    void update(HotlineCase c) {
        c.updatedAt = clock.now();
        jdbc.sql("UPDATE hotline_case SET status = :status, time_limit_code = :timeLimit, deadline = :deadline,"
                        + " lead_unit_id = :lead, matter_id = :matter, master_id = :master, reopen_count = :reopens,"
                        + " escalated = :escalated, suspended_since = :suspendedSince, suspend_reason = :suspendReason,"
                        + " reply_text = :reply, satisfaction = :satisfaction, solved = :solved, closing = :closing,"
                        + " close_reason = :closeReason, delegated_by = :delegatedBy,"
                        + " delegation_instruction = :instruction, delegation_scope = :scope, dispatcher_id = :dispatcher, category_code = :category,"
                        + " district_code = :district, dispatched_at = :dispatchedAt, updated_at = :updatedAt,"
                        + " closed_at = :closedAt WHERE id = :id")
                .param("status", c.status.name())
                .param("timeLimit", c.timeLimitCode)
                .param("deadline", c.deadline)
                .param("lead", c.leadUnitId)
                .param("matter", c.matterId)
                .param("master", c.masterId)
                .param("reopens", c.reopenCount)
                .param("escalated", c.escalated)
                .param("suspendedSince", c.suspendedSince)
                .param("suspendReason", c.suspendReason)
                .param("reply", c.replyText)
                .param("satisfaction", c.satisfaction == null ? null : c.satisfaction.name())
                .param("solved", c.solved == null ? null : c.solved.name())
                .param("closing", c.closing == null ? null : c.closing.name())
                .param("closeReason", c.closeReason)
                .param("delegatedBy", c.delegatedBy)
                .param("instruction", c.delegationInstruction)
                .param("scope", c.delegationScope)
                .param("dispatcher", c.dispatcherId)
                .param("category", c.categoryCode)
                .param("district", c.districtCode)
                .param("dispatchedAt", c.dispatchedAt == null ? null : ts(c.dispatchedAt))
                .param("updatedAt", ts(c.updatedAt))
                .param("closedAt", c.closedAt == null ? null : ts(c.closedAt))
                .param("id", c.id)
                .update();
        for (Share share : c.shares) {
            if (share.id == null) {
                insertShare(share);
            } else {
                updateShare(share);
            }
        }
        // After the writes: a day's roll-up is cleared only once the change it must take in is there to be read.
        figureDays.changed(c.createdAt);
    }

    private void insertShare(Share s) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO case_share (case_id, unit_id, role, status, assigned_at, sign_due)"
                        + " VALUES (:caseId, :unitId, :role, :status, :assignedAt, :signDue)")
                .param("caseId", s.caseId)
                .param("unitId", s.unitId)
                .param("role", s.role.name())
                .param("status", s.status.name())
                .param("assignedAt", ts(s.assignedAt))
                .param("signDue", ts(s.signDue))
                .update(keys, "id");
        s.id = keys.getKeyAs(Number.class).longValue();
        updateShare(s);
    }

    private void updateShare(Share s) {
        jdbc.sql("UPDATE case_share SET status = :status, signed_at = :signedAt, report_text = :report,"
                        + " reported_at = :reportedAt, return_reason = :reason, return_basis = :basis,"
                        + " return_suggested_unit_id = :suggested, extension_until = :until,"
                        + " extension_reason = :extReason, drafted_by = :draftedBy, approved_by = :approvedBy"
                        + " WHERE id = :id")
                .param("status", s.status.name())
                .param("signedAt", s.signedAt == null ? null : ts(s.signedAt))
                .param("report", s.reportText)
                .param("reportedAt", s.reportedAt == null ? null : ts(s.reportedAt))
                .param("reason", s.returnReason)
                .param("basis", s.returnBasis)
                .param("suggested", s.returnSuggestedUnitId)
                .param("until", s.extensionUntil)
                .param("extReason", s.extensionReason)
                .param("draftedBy", s.draftedBy)
                .param("approvedBy", s.approvedBy)
                .param("id", s.id)
                .update();
    }

    List<Share> shares(long caseId) {
        return jdbc.sql("SELECT id, case_id, unit_id, role, status, assigned_at, sign_due, signed_at, report_text,"
                        + " reported_at, return_reason, return_basis, return_suggested_unit_id, extension_until,"
                        + " extension_reason, drafted_by, approved_by FROM case_share WHERE case_id = :id ORDER BY id")
                .param("id", caseId)
                .query((rs, n) -> {
                    Share s = new Share(
                            rs.getLong("case_id"),
                            rs.getLong("unit_id"),
                            ShareRole.valueOf(rs.getString("role")),
                            instant(rs, "assigned_at"),
                            instant(rs, "sign_due"));
                    s.id = rs.getLong("id");
                    s.status = ShareStatus.valueOf(rs.getString("status"));
                    s.signedAt = instant(rs, "signed_at");
                    s.reportText = rs.getString("report_text");
                    s.reportedAt = instant(rs, "reported_at");
                    s.returnReason = rs.getString("return_reason");
                    s.returnBasis = rs.getString("return_basis");
                    s.returnSuggestedUnitId = nullableLong(rs, "return_suggested_unit_id");
                    s.extensionUntil = rs.getObject("extension_until", LocalDate.class);
                    s.extensionReason = rs.getString("extension_reason");
                    s.draftedBy = nullableLong(rs, "drafted_by");
                    s.approvedBy = nullableLong(rs, "approved_by");
                    return s;
                })
                .list();
    }

    void event(long caseId, String actor, @Nullable Long unitId, String kind, String body, boolean publicNote) {
        jdbc.sql("INSERT INTO case_event (case_id, at, actor, unit_id, kind, body, public_note)"
                        + " VALUES (:caseId, :at, :actor, :unitId, :kind, :body, :pub)")
                .param("caseId", caseId)
                .param("at", ts(clock.now()))
                .param("actor", actor)
                .param("unitId", unitId)
                .param("kind", kind)
                .param("body", body.length() > 4000 ? body.substring(0, 3999) + "…" : body)
                .param("pub", publicNote)
                .update();
    }

    List<Event> events(long caseId, boolean publicOnly) {
        return jdbc.sql("SELECT id, at, actor, unit_id, kind, body, public_note FROM case_event WHERE case_id = :id"
                        + (publicOnly ? " AND public_note = TRUE" : "") + " ORDER BY id")
                .param("id", caseId)
                .query((rs, n) -> new Event(
                        rs.getLong(1),
                        instant(rs, "at"),
                        rs.getString(3),
                        nullableLong(rs, "unit_id"),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7)))
                .list();
    }

    /** What a list may ask for; {@code before} is the keyset cursor (the last id of the previous page). */
    record Filter(
            @Nullable String status,
            @Nullable String category,
            @Nullable String district,
            @Nullable String number,
            @Nullable String phone,
            boolean overdueOnly,
            @Nullable Long unitId,
            @Nullable Collection<Long> unitIds,
            @Nullable Long before) {}

    /**
     * A page of cases, newest first, by keyset: {@code id < before ORDER BY id DESC LIMIT n}. A unit's inbox goes
     * through its shares' index; nothing counts all rows.
     */
    List<Row> list(Filter f, LocalDate today, int limit) {
        StringBuilder sql = new StringBuilder("SELECT c.id, c.case_number, c.status, c.category_code,"
                + " c.district_code, c.phone, c.confidential, c.address, c.description, c.urgent, c.deadline,"
                + " c.lead_unit_id, c.suspended_since, c.created_at FROM hotline_case c WHERE 1 = 1");
        JdbcClient.StatementSpec[] holder = new JdbcClient.StatementSpec[1];
        List<Object[]> params = new ArrayList<>();
        if (f.unitId() != null) {
            sql.append(" AND c.id IN (SELECT s.case_id FROM case_share s WHERE s.unit_id = :unit)");
            params.add(new Object[] {"unit", f.unitId()});
        }
        if (f.unitIds() != null) {
            if (f.unitIds().isEmpty()) {
                return List.of();
            }
            sql.append(" AND c.id IN (SELECT s.case_id FROM case_share s WHERE s.unit_id IN (:units))");
            params.add(new Object[] {"units", f.unitIds()});
        }
        if (f.status() != null) {
            sql.append(" AND c.status = :status");
            params.add(new Object[] {"status", f.status()});
        }
        if (f.category() != null) {
            sql.append(" AND c.category_code = :category");
            params.add(new Object[] {"category", f.category()});
        }
        if (f.district() != null) {
            sql.append(" AND c.district_code = :district");
            params.add(new Object[] {"district", f.district()});
        }
        if (f.number() != null) {
            sql.append(" AND c.case_number = :number");
            params.add(new Object[] {"number", f.number()});
        }
        if (f.phone() != null) {
            sql.append(" AND c.phone = :phone");
            params.add(new Object[] {"phone", f.phone()});
        }
        if (f.overdueOnly()) {
            sql.append(" AND c.status IN ('DISPATCHED', 'REPLIED') AND c.deadline < :today");
            params.add(new Object[] {"today", today});
        }
        if (f.before() != null) {
            sql.append(" AND c.id < :before");
            params.add(new Object[] {"before", f.before()});
        }
        sql.append(" ORDER BY c.id DESC LIMIT ").append(limit);
        holder[0] = jdbc.sql(sql.toString());
        for (Object[] p : params) {
            holder[0] = holder[0].param((String) p[0], p[1]);
        }
        return holder[0]
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getBoolean(10),
                        rs.getObject(11, LocalDate.class),
                        nullableLong(rs, "lead_unit_id"),
                        rs.getObject(13, LocalDate.class) != null,
                        instant(rs, "created_at")))
                .list();
    }

    /** Possible duplicates: the same phone, or the same address and category, since a given moment. */
    List<Row> duplicates(@Nullable String phone, @Nullable String address, @Nullable String category, Instant since) {
        List<Row> found = new ArrayList<>();
        if (phone != null) {
            found.addAll(jdbc
                    .sql("SELECT id FROM hotline_case WHERE phone = :phone AND created_at >= :since"
                            + " ORDER BY id DESC LIMIT 10")
                    .param("phone", phone)
                    .param("since", ts(since))
                    .query(Long.class)
                    .list()
                    .stream()
                    .map(this::row)
                    .flatMap(Optional::stream)
                    .toList());
        }
        if (address != null && category != null) {
            jdbc
                    .sql("SELECT id FROM hotline_case WHERE address = :address AND category_code = :category"
                            + " AND created_at >= :since ORDER BY id DESC LIMIT 10")
                    .param("address", address)
                    .param("category", category)
                    .param("since", ts(since))
                    .query(Long.class)
                    .list()
                    .stream()
                    .filter(id -> found.stream().noneMatch(r -> r.id() == id))
                    .map(this::row)
                    .flatMap(Optional::stream)
                    .forEach(found::add);
        }
        return found;
    }

    Optional<Row> row(long id) {
        return jdbc.sql("SELECT c.id, c.case_number, c.status, c.category_code, c.district_code, c.phone,"
                        + " c.confidential, c.address, c.description, c.urgent, c.deadline, c.lead_unit_id,"
                        + " c.suspended_since, c.created_at FROM hotline_case c WHERE c.id = :id")
                .param("id", id)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getBoolean(10),
                        rs.getObject(11, LocalDate.class),
                        nullableLong(rs, "lead_unit_id"),
                        rs.getObject(13, LocalDate.class) != null,
                        instant(rs, "created_at")))
                .optional();
    }

    /** Open311 GET requests: by ids, or by service codes, period and status, newest first. */
    List<HotlineCase> forOpen311(
            List<String> numbers, List<String> codes, Instant from, Instant to, List<String> statuses, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + CASE_COLUMNS + " FROM hotline_case WHERE ");
        var params = new java.util.LinkedHashMap<String, Object>();
        if (!numbers.isEmpty()) {
            sql.append("case_number IN (:numbers)");
            params.put("numbers", numbers);
        } else {
            sql.append("created_at >= :from AND created_at <= :to");
            params.put("from", ts(from));
            params.put("to", ts(to));
            if (!codes.isEmpty()) {
                sql.append(" AND category_code IN (:codes)");
                params.put("codes", codes);
            }
            if (!statuses.isEmpty()) {
                sql.append(" AND status IN (:statuses)");
                params.put("statuses", statuses);
            }
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(limit);
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query(CaseStore::mapCase).list();
    }

    Optional<Long> caseOfShare(long shareId) {
        return jdbc.sql("SELECT case_id FROM case_share WHERE id = :id")
                .param("id", shareId)
                .query(Long.class)
                .optional();
    }

    boolean noticeSent(long caseId, String kind, String dueKey) {
        return jdbc.sql("SELECT COUNT(*) FROM case_notice_sent WHERE case_id = :id AND kind = :kind AND due_key = :due")
                        .param("id", caseId)
                        .param("kind", kind)
                        .param("due", dueKey)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void recordNotice(long caseId, String kind, String dueKey, String to) {
        jdbc.sql("INSERT INTO case_notice_sent (case_id, kind, due_key, sent_at, sent_to)"
                        + " VALUES (:id, :kind, :due, :at, :to)")
                .param("id", caseId)
                .param("kind", kind)
                .param("due", dueKey)
                .param("at", ts(clock.now()))
                .param("to", to.length() > 500 ? to.substring(0, 499) : to)
                .update();
    }

    private static HotlineCase mapCase(ResultSet rs, int n) throws SQLException {
        HotlineCase c = new HotlineCase(
                Channel.valueOf(rs.getString("channel")),
                rs.getString("description"),
                rs.getString("created_by"),
                instant(rs, "created_at"));
        c.id = rs.getLong("id");
        c.number = rs.getString("case_number");
        c.callerName = rs.getString("caller_name");
        c.phone = rs.getString("phone");
        c.confidential = rs.getBoolean("confidential");
        c.address = rs.getString("address");
        c.districtCode = rs.getString("district_code");
        c.categoryCode = rs.getString("category_code");
        c.urgent = rs.getBoolean("urgent");
        c.lat = (Double) rs.getObject("lat");
        c.lon = (Double) rs.getObject("lon");
        c.status = CaseStatus.valueOf(rs.getString("status"));
        c.timeLimitCode = rs.getString("time_limit_code");
        c.deadline = rs.getObject("deadline", LocalDate.class);
        c.leadUnitId = nullableLong(rs, "lead_unit_id");
        c.matterId = nullableLong(rs, "matter_id");
        c.masterId = nullableLong(rs, "master_id");
        c.reopenCount = rs.getInt("reopen_count");
        c.escalated = rs.getBoolean("escalated");
        c.suspendedSince = rs.getObject("suspended_since", LocalDate.class);
        c.suspendReason = rs.getString("suspend_reason");
        c.replyText = rs.getString("reply_text");
        String satisfaction = rs.getString("satisfaction");
        c.satisfaction = satisfaction == null ? null : Satisfaction.valueOf(satisfaction);
        String solved = rs.getString("solved");
        c.solved = solved == null ? null : Solved.valueOf(solved);
        String closing = rs.getString("closing");
        c.closing = closing == null ? null : Closing.valueOf(closing);
        c.closeReason = rs.getString("close_reason");
        c.delegatedBy = nullableLong(rs, "delegated_by");
        c.delegationInstruction = rs.getString("delegation_instruction");
        c.delegationScope = rs.getString("delegation_scope");
        c.dispatcherId = nullableLong(rs, "dispatcher_id");
        c.token = rs.getString("token");
        c.dispatchedAt = instant(rs, "dispatched_at");
        c.updatedAt = instant(rs, "updated_at");
        c.closedAt = instant(rs, "closed_at");
        return c;
    }

    static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    @SuppressWarnings("NullAway")
    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
