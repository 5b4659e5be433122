package org.accord.duty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.accord.duty.Rows.Arrangement;
import org.accord.duty.Rows.Instruction;
import org.accord.duty.Rows.LogEntry;
import org.accord.duty.Rows.Notified;
import org.accord.duty.Rows.PlanEntry;
import org.accord.duty.Rows.Report;
import org.accord.duty.Rows.ToNotify;
import org.accord.duty.Rows.VerificationStep;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The incidents and everything recorded on them, in the duty tables. */
@Repository
class Incidents {

    private static final String INCIDENT_COLUMNS = "id, matter_id, drill, title, received_at, recorded_at, recorded_by,"
            + " reporter_unit_id, reporter_name, reporter_position, reporter_phone, reporter_authoritative,"
            + " intake_channel, event_class, event_type, level, district_unit_id, concerned_unit_id, jurisdiction,"
            + " place, what, deaths, injured, missing, measures_taken, doubtful, verification, verification_advised,"
            + " verification_reasons, status, phone_reported_at, ended_at, closed_at";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    Incidents(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long insert(Incident incident) {
        return insert(jdbc.sql("INSERT INTO duty_incident (matter_id, drill, title, received_at, recorded_at,"
                        + " recorded_by, reporter_unit_id, reporter_name, reporter_position, reporter_phone,"
                        + " reporter_authoritative, intake_channel, event_class, event_type, level, district_unit_id,"
                        + " concerned_unit_id, jurisdiction, place, what, deaths, injured, missing, measures_taken,"
                        + " doubtful, verification, verification_advised, verification_reasons, status)"
                        + " VALUES (:matter, :drill, :title, :received, :recorded, :recordedBy, :reporterUnit,"
                        + " :reporterName, :reporterPosition, :reporterPhone, :authoritative, :channel, :eventClass,"
                        + " :eventType, :level, :district, :concerned, :jurisdiction, :place, :what, :deaths,"
                        + " :injured, :missing, :measures, :doubtful, :verification, :advised, :reasons, :status)")
                .param("matter", incident.matterId())
                .param("drill", incident.drill())
                .param("title", incident.title())
                .param("received", param(incident.receivedAt()))
                .param("recorded", param(incident.recordedAt()))
                .param("recordedBy", incident.recordedBy())
                .param("reporterUnit", incident.reporterUnitId())
                .param("reporterName", incident.reporterName())
                .param("reporterPosition", incident.reporterPosition())
                .param("reporterPhone", incident.reporterPhone())
                .param("authoritative", incident.reporterAuthoritative())
                .param("channel", incident.intakeChannel().name())
                .param("eventClass", incident.eventClass().name())
                .param("eventType", incident.eventType())
                .param("level", incident.level().name())
                .param("district", incident.districtUnitId())
                .param("concerned", incident.concernedUnitId())
                .param("jurisdiction", incident.jurisdiction())
                .param("place", incident.place())
                .param("what", incident.what())
                .param("deaths", incident.deaths())
                .param("injured", incident.injured())
                .param("missing", incident.missing())
                .param("measures", incident.measuresTaken())
                .param("doubtful", incident.doubtful())
                .param("verification", incident.verification().name())
                .param("advised", incident.verificationAdvised())
                .param("reasons", incident.verificationReasons())
                .param("status", incident.status().name()));
    }

    Optional<Incident> find(long id) {
        return jdbc.sql("SELECT " + INCIDENT_COLUMNS + " FROM duty_incident WHERE id = :id")
                .param("id", id)
                .query(Incidents::incident)
                .optional();
    }

    /** Locks the incident's row for a step on it, so that two officers do not step on each other. */
    void lock(long id) {
        jdbc.sql("SELECT id FROM duty_incident WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Long.class)
                .optional();
    }

    List<Incident> open() {
        return jdbc.sql("SELECT " + INCIDENT_COLUMNS
                        + " FROM duty_incident WHERE status <> 'CLOSED' ORDER BY received_at DESC")
                .query(Incidents::incident)
                .list();
    }

    List<Incident> recent(int limit) {
        return jdbc.sql("SELECT " + INCIDENT_COLUMNS + " FROM duty_incident ORDER BY received_at DESC LIMIT :limit")
                .param("limit", limit)
                .query(Incidents::incident)
                .list();
    }

    void setVerification(long id, VerificationState state) {
        jdbc.sql("UPDATE duty_incident SET verification = :state WHERE id = :id")
                .param("state", state.name())
                .param("id", id)
                .update();
    }

    void setPhoneReported(long id, Instant at) {
        jdbc.sql("UPDATE duty_incident SET phone_reported_at = :at WHERE id = :id")
                .param("at", param(at))
                .param("id", id)
                .update();
    }

    void setStatus(long id, IncidentStatus status, Instant at) {
        String column = status == IncidentStatus.ENDED ? "ended_at" : "closed_at";
        jdbc.sql("UPDATE duty_incident SET status = :status, " + column + " = :at WHERE id = :id")
                .param("status", status.name())
                .param("at", param(at))
                .param("id", id)
                .update();
    }

    void insertVerification(
            long incidentId,
            VerificationState from,
            VerificationState to,
            long by,
            String byName,
            String how,
            Instant at) {
        jdbc.sql("INSERT INTO duty_verification (incident_id, from_state, to_state, by_person, by_name, how, at)"
                        + " VALUES (:incident, :from, :to, :by, :byName, :how, :at)")
                .param("incident", incidentId)
                .param("from", from.name())
                .param("to", to.name())
                .param("by", by)
                .param("byName", byName)
                .param("how", how)
                .param("at", param(at))
                .update();
    }

    List<VerificationStep> verifications(long incidentId) {
        return jdbc.sql("SELECT id, from_state, to_state, by_person, by_name, how, at FROM duty_verification"
                        + " WHERE incident_id = :incident ORDER BY id")
                .param("incident", incidentId)
                .query((rs, n) -> new VerificationStep(
                        rs.getLong("id"),
                        VerificationState.valueOf(rs.getString("from_state")),
                        VerificationState.valueOf(rs.getString("to_state")),
                        rs.getLong("by_person"),
                        rs.getString("by_name"),
                        rs.getString("how"),
                        required(rs, "at")))
                .list();
    }

    List<ClockRule> clockRules() {
        return jdbc.sql("SELECT jurisdiction, level, channel, minutes, warn_before FROM duty_clock_rule")
                .query((rs, n) -> new ClockRule(
                        rs.getString("jurisdiction"),
                        Level.valueOf(rs.getString("level")),
                        ClockChannel.valueOf(rs.getString("channel")),
                        rs.getInt("minutes"),
                        rs.getInt("warn_before")))
                .list();
    }

    /** The plan rows for a type and level: the district's own rows and the general ({@code *}) ones. */
    List<PlanEntry> plan(String eventType, Level level, String districtCode) {
        return jdbc.sql("SELECT event_type, level, district_code, unit_code, district_suffix, role, arrangement,"
                        + " arrangement_minutes FROM duty_plan_entry WHERE event_type = :type AND level = :level"
                        + " AND (district_code = '*' OR district_code = :district) ORDER BY id")
                .param("type", eventType)
                .param("level", level.name())
                .param("district", districtCode)
                .query((rs, n) -> new PlanEntry(
                        rs.getString("event_type"),
                        Level.valueOf(rs.getString("level")),
                        rs.getString("district_code"),
                        rs.getString("unit_code"),
                        rs.getString("district_suffix"),
                        rs.getString("role"),
                        rs.getString("arrangement"),
                        (Integer) rs.getObject("arrangement_minutes", Integer.class)))
                .list();
    }

    /**
     * Writes the notifications of a fan-out in one batched statement: one round trip for hundreds of recipients
     * (the benchmark in docs/duty.md).
     */
    void insertNotifications(long incidentId, List<ToNotify> rows, Instant at) {
        SqlParameterSource[] params = rows.stream()
                .map(row -> new MapSqlParameterSource()
                        .addValue("incident", incidentId)
                        .addValue("instruction", row.instructionId())
                        .addValue("kind", row.kind().name())
                        .addValue("person", row.personId())
                        .addValue("unit", row.unitId())
                        .addValue("name", clip(row.name(), 200))
                        .addValue("at", param(at)))
                .toArray(SqlParameterSource[]::new);
        batch.batchUpdate(
                "INSERT INTO duty_notification (incident_id, instruction_id, kind, person_id, unit_id, name, sent_at)"
                        + " VALUES (:incident, :instruction, :kind, :person, :unit, :name, :at)",
                params);
    }

    List<Notified> notifications(long incidentId) {
        return jdbc.sql(NOTIFIED + " WHERE incident_id = :incident ORDER BY id")
                .param("incident", incidentId)
                .query(Incidents::notified)
                .list();
    }

    Optional<Notified> notification(long id) {
        return jdbc.sql(NOTIFIED + " WHERE id = :id")
                .param("id", id)
                .query(Incidents::notified)
                .optional();
    }

    /** What a unit or a person still has to acknowledge, and what they acknowledged lately. */
    List<Notified> addressedTo(@Nullable Long unitId, @Nullable Long personId, int limit) {
        return jdbc.sql(NOTIFIED + " WHERE (unit_id = :unit OR person_id = :person)"
                        + " ORDER BY CASE WHEN acknowledged_at IS NULL THEN 0 ELSE 1 END, id DESC LIMIT :limit")
                .param("unit", unitId == null ? -1L : unitId)
                .param("person", personId == null ? -1L : personId)
                .param("limit", limit)
                .query(Incidents::notified)
                .list();
    }

    /** Marks a notification acknowledged, unless it is already; answers whether this call did it. */
    boolean acknowledge(long id, String by, @Nullable String note, Instant at) {
        return jdbc.sql("UPDATE duty_notification SET acknowledged_at = :at, acknowledged_by = :by, ack_note = :note"
                                + " WHERE id = :id AND acknowledged_at IS NULL")
                        .param("at", param(at))
                        .param("by", by)
                        .param("note", note)
                        .param("id", id)
                        .update()
                == 1;
    }

    void markReminded(long id, Instant at) {
        jdbc.sql("UPDATE duty_notification SET reminded_at = :at WHERE id = :id")
                .param("at", param(at))
                .param("id", id)
                .update();
    }

    void markEscalated(long id, Instant at) {
        jdbc.sql("UPDATE duty_notification SET escalated_at = :at WHERE id = :id")
                .param("at", param(at))
                .param("id", id)
                .update();
    }

    long insertInstruction(
            long incidentId, long leaderId, String text, boolean byPhone, long recordedBy, Instant at, String unitIds) {
        return insert(jdbc.sql("INSERT INTO duty_instruction (incident_id, leader_id, text, by_phone, recorded_by, at,"
                        + " unit_ids) VALUES (:incident, :leader, :text, :phone, :by, :at, :units)")
                .param("incident", incidentId)
                .param("leader", leaderId)
                .param("text", text)
                .param("phone", byPhone)
                .param("by", recordedBy)
                .param("at", param(at))
                .param("units", unitIds));
    }

    List<Instruction> instructions(long incidentId) {
        return jdbc.sql("SELECT id, incident_id, leader_id, text, by_phone, recorded_by, at, unit_ids"
                        + " FROM duty_instruction WHERE incident_id = :incident ORDER BY id")
                .param("incident", incidentId)
                .query((rs, n) -> new Instruction(
                        rs.getLong("id"),
                        rs.getLong("incident_id"),
                        rs.getLong("leader_id"),
                        rs.getString("text"),
                        rs.getBoolean("by_phone"),
                        rs.getLong("recorded_by"),
                        required(rs, "at"),
                        rs.getString("unit_ids")))
                .list();
    }

    long insertReport(
            long incidentId,
            ReportKind kind,
            int number,
            String body,
            @Nullable String changes,
            VerificationState verification,
            boolean correcting,
            Instant at,
            long by) {
        return insert(jdbc.sql("INSERT INTO duty_report (incident_id, kind, number, body, changes, verification,"
                        + " correcting, created_at, created_by) VALUES (:incident, :kind, :number, :body, :changes,"
                        + " :verification, :correcting, :at, :by)")
                .param("incident", incidentId)
                .param("kind", kind.name())
                .param("number", number)
                .param("body", body)
                .param("changes", changes)
                .param("verification", verification.name())
                .param("correcting", correcting)
                .param("at", param(at))
                .param("by", by));
    }

    void updateReport(long id, String body, @Nullable String changes) {
        jdbc.sql("UPDATE duty_report SET body = :body, changes = :changes WHERE id = :id")
                .param("body", body)
                .param("changes", changes)
                .param("id", id)
                .update();
    }

    void submitReport(long id, VerificationState verification, Instant at, long by, long to) {
        jdbc.sql("UPDATE duty_report SET submitted_at = :at, submitted_by = :by, submitted_to = :to,"
                        + " verification = :verification WHERE id = :id")
                .param("at", param(at))
                .param("by", by)
                .param("to", to)
                .param("verification", verification.name())
                .param("id", id)
                .update();
    }

    List<Report> reports(long incidentId) {
        return jdbc.sql(REPORT + " WHERE incident_id = :incident ORDER BY number")
                .param("incident", incidentId)
                .query(Incidents::report)
                .list();
    }

    long insertArrangement(long incidentId, long unitId, String what, Instant dueAt) {
        return insert(jdbc.sql("INSERT INTO duty_arrangement (incident_id, unit_id, what, due_at)"
                        + " VALUES (:incident, :unit, :what, :due)")
                .param("incident", incidentId)
                .param("unit", unitId)
                .param("what", what)
                .param("due", param(dueAt)));
    }

    void setArrangementTask(long id, long taskId) {
        jdbc.sql("UPDATE duty_arrangement SET task_id = :task WHERE id = :id")
                .param("task", taskId)
                .param("id", id)
                .update();
    }

    List<Arrangement> arrangements(long incidentId) {
        return jdbc.sql("SELECT id, incident_id, unit_id, what, due_at, task_id FROM duty_arrangement"
                        + " WHERE incident_id = :incident ORDER BY id")
                .param("incident", incidentId)
                .query((rs, n) -> new Arrangement(
                        rs.getLong("id"),
                        rs.getLong("incident_id"),
                        rs.getLong("unit_id"),
                        rs.getString("what"),
                        required(rs, "due_at"),
                        (Long) rs.getObject("task_id", Long.class)))
                .list();
    }

    void log(Instant at, String actor, @Nullable Long incidentId, String text) {
        jdbc.sql("INSERT INTO duty_log (at, actor, incident_id, text) VALUES (:at, :actor, :incident, :text)")
                .param("at", param(at))
                .param("actor", actor)
                .param("incident", incidentId)
                .param("text", clip(text, 4000))
                .update();
    }

    List<LogEntry> latestLog(int limit) {
        return jdbc.sql("SELECT id, at, actor, incident_id, text FROM duty_log ORDER BY at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query(Incidents::logEntry)
                .list();
    }

    List<LogEntry> log(long incidentId) {
        return jdbc.sql("SELECT id, at, actor, incident_id, text FROM duty_log WHERE incident_id = :incident"
                        + " ORDER BY at, id")
                .param("incident", incidentId)
                .query(Incidents::logEntry)
                .list();
    }

    /** Records that a timer did its work; false when it had done it already (a second firing does nothing). */
    boolean firstFiring(String key, Instant at) {
        Integer done = jdbc.sql("SELECT COUNT(*) FROM duty_timer_fired WHERE timer_key = :key")
                .param("key", key)
                .query(Integer.class)
                .single();
        if (done > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO duty_timer_fired (timer_key, fired_at) VALUES (:key, :at)")
                .param("key", key)
                .param("at", param(at))
                .update();
        return true;
    }

    private static final String NOTIFIED = "SELECT id, incident_id, instruction_id, kind, person_id, unit_id, name,"
            + " sent_at, acknowledged_at, acknowledged_by, ack_note, reminded_at, escalated_at FROM duty_notification";

    private static final String REPORT = "SELECT id, incident_id, kind, number, body, changes, verification,"
            + " correcting, created_at, created_by, submitted_at, submitted_by, submitted_to FROM duty_report";

    private static Incident incident(ResultSet rs, int n) throws SQLException {
        return new Incident(
                rs.getLong("id"),
                rs.getLong("matter_id"),
                rs.getBoolean("drill"),
                rs.getString("title"),
                required(rs, "received_at"),
                required(rs, "recorded_at"),
                rs.getLong("recorded_by"),
                (Long) rs.getObject("reporter_unit_id", Long.class),
                rs.getString("reporter_name"),
                rs.getString("reporter_position"),
                rs.getString("reporter_phone"),
                rs.getBoolean("reporter_authoritative"),
                IntakeChannel.valueOf(rs.getString("intake_channel")),
                EventClass.valueOf(rs.getString("event_class")),
                rs.getString("event_type"),
                Level.valueOf(rs.getString("level")),
                (Long) rs.getObject("district_unit_id", Long.class),
                (Long) rs.getObject("concerned_unit_id", Long.class),
                rs.getString("jurisdiction"),
                rs.getString("place"),
                rs.getString("what"),
                rs.getInt("deaths"),
                rs.getInt("injured"),
                rs.getInt("missing"),
                rs.getString("measures_taken"),
                rs.getString("doubtful"),
                VerificationState.valueOf(rs.getString("verification")),
                rs.getBoolean("verification_advised"),
                rs.getString("verification_reasons"),
                IncidentStatus.valueOf(rs.getString("status")),
                instant(rs, "phone_reported_at"),
                instant(rs, "ended_at"),
                instant(rs, "closed_at"));
    }

    private static Notified notified(ResultSet rs, int n) throws SQLException {
        return new Notified(
                rs.getLong("id"),
                rs.getLong("incident_id"),
                (Long) rs.getObject("instruction_id", Long.class),
                NotificationKind.valueOf(rs.getString("kind")),
                (Long) rs.getObject("person_id", Long.class),
                (Long) rs.getObject("unit_id", Long.class),
                rs.getString("name"),
                required(rs, "sent_at"),
                instant(rs, "acknowledged_at"),
                rs.getString("acknowledged_by"),
                rs.getString("ack_note"),
                instant(rs, "reminded_at"),
                instant(rs, "escalated_at"));
    }

    private static Report report(ResultSet rs, int n) throws SQLException {
        return new Report(
                rs.getLong("id"),
                rs.getLong("incident_id"),
                ReportKind.valueOf(rs.getString("kind")),
                rs.getInt("number"),
                rs.getString("body"),
                rs.getString("changes"),
                VerificationState.valueOf(rs.getString("verification")),
                rs.getBoolean("correcting"),
                required(rs, "created_at"),
                rs.getLong("created_by"),
                instant(rs, "submitted_at"),
                (Long) rs.getObject("submitted_by", Long.class),
                (Long) rs.getObject("submitted_to", Long.class));
    }

    private static LogEntry logEntry(ResultSet rs, int n) throws SQLException {
        return new LogEntry(
                rs.getLong("id"),
                required(rs, "at"),
                rs.getString("actor"),
                (Long) rs.getObject("incident_id", Long.class),
                rs.getString("text"));
    }

    static long insert(JdbcClient.StatementSpec statement) {
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

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant required(ResultSet rs, String column) throws SQLException {
        Instant value = instant(rs, column);
        if (value == null) {
            throw new SQLException("Column " + column + " is null");
        }
        return value;
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
