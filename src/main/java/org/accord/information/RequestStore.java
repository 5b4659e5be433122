package org.accord.information;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tables of situation requests, their units, answers and answer files. */
@Repository
class RequestStore {

    /** A file of an answer as the pages list it: no content. */
    record AnswerFile(long id, long answerId, String fieldKey, String fileName, String contentType, long sizeBytes) {}

    /** A file to serve. */
    record StoredFile(String fileName, String contentType, byte[] content) {}

    private static final String REQUEST_COLUMNS = "id, title, description, basis, example, form, deadline,"
            + " zero_report, series_id, occurrence_date, created_by, created_by_name, created_at";

    private final JdbcClient jdbc;

    RequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(SituationRequest r, Collection<Long> unitIds) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO info_request (title, description, basis, example, form, deadline, zero_report,"
                        + " series_id, occurrence_date, created_by, created_by_name, created_at) VALUES (:title,"
                        + " :description, :basis, :example, :form, :deadline, :zero, :series, :occurrence, :by,"
                        + " :byName, :at)")
                .param("title", r.title())
                .param("description", r.description())
                .param("basis", r.basis())
                .param("example", r.example())
                .param("form", r.form().toJson())
                .param("deadline", utc(r.deadline()))
                .param("zero", r.zeroReport())
                .param("series", r.seriesId())
                .param("occurrence", r.occurrenceDate())
                .param("by", r.createdBy())
                .param("byName", r.createdByName())
                .param("at", utc(r.createdAt()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (Long unitId : unitIds) {
            jdbc.sql("INSERT INTO info_request_unit (request_id, unit_id, late_allowed, flagged_missing)"
                            + " VALUES (:r, :u, FALSE, FALSE)")
                    .param("r", id)
                    .param("u", unitId)
                    .update();
        }
        return id;
    }

    Optional<SituationRequest> find(long id) {
        return jdbc.sql("SELECT " + REQUEST_COLUMNS + " FROM info_request WHERE id = :id")
                .param("id", id)
                .query(RequestStore::request)
                .optional();
    }

    /** Locks the request's row for a change of one of its answers or units. */
    void lock(long id) {
        jdbc.sql("SELECT id FROM info_request WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Long.class)
                .optional();
    }

    /** The newest requests, all of them or only those asking one unit. */
    List<SituationRequest> list(@Nullable Long unitId, int limit) {
        String where =
                unitId == null ? "" : " WHERE id IN (SELECT request_id FROM info_request_unit WHERE unit_id = :unit)";
        var statement = jdbc.sql("SELECT " + REQUEST_COLUMNS + " FROM info_request" + where
                + " ORDER BY deadline DESC, id DESC LIMIT " + limit);
        if (unitId != null) {
            statement = statement.param("unit", unitId);
        }
        return statement.query(RequestStore::request).list();
    }

    /** The occurrences of a recurring request, newest first, however many requests there are besides. */
    List<SituationRequest> occurrences(long seriesId, int limit) {
        return jdbc.sql("SELECT " + REQUEST_COLUMNS + " FROM info_request WHERE series_id = :s"
                        + " ORDER BY occurrence_date DESC, id DESC LIMIT " + limit)
                .param("s", seriesId)
                .query(RequestStore::request)
                .list();
    }

    Optional<SituationRequest> occurrence(long seriesId, LocalDate date) {
        return jdbc.sql("SELECT " + REQUEST_COLUMNS
                        + " FROM info_request WHERE series_id = :s AND occurrence_date = :d")
                .param("s", seriesId)
                .param("d", date)
                .query(RequestStore::request)
                .optional();
    }

    List<RequestUnit> units(long requestId) {
        return jdbc.sql("SELECT request_id, unit_id, late_allowed, flagged_missing, reminded_at"
                        + " FROM info_request_unit WHERE request_id = :r ORDER BY unit_id")
                .param("r", requestId)
                .query((rs, n) -> new RequestUnit(
                        rs.getLong("request_id"),
                        rs.getLong("unit_id"),
                        rs.getBoolean("late_allowed"),
                        rs.getBoolean("flagged_missing"),
                        instant(rs, "reminded_at")))
                .list();
    }

    Optional<RequestUnit> unit(long requestId, long unitId) {
        return units(requestId).stream().filter(u -> u.unitId() == unitId).findFirst();
    }

    void allowLate(long requestId, long unitId) {
        jdbc.sql("UPDATE info_request_unit SET late_allowed = TRUE WHERE request_id = :r AND unit_id = :u")
                .param("r", requestId)
                .param("u", unitId)
                .update();
    }

    void reminded(long requestId, long unitId, Instant at) {
        jdbc.sql("UPDATE info_request_unit SET reminded_at = :at WHERE request_id = :r AND unit_id = :u")
                .param("at", utc(at))
                .param("r", requestId)
                .param("u", unitId)
                .update();
    }

    void flagMissing(long requestId, long unitId) {
        jdbc.sql("UPDATE info_request_unit SET flagged_missing = TRUE WHERE request_id = :r AND unit_id = :u")
                .param("r", requestId)
                .param("u", unitId)
                .update();
    }

    Optional<Answer> answer(long requestId, long unitId) {
        return jdbc.sql("SELECT * FROM info_answer WHERE request_id = :r AND unit_id = :u")
                .param("r", requestId)
                .param("u", unitId)
                .query(RequestStore::answer)
                .optional();
    }

    Map<Long, Answer> answers(long requestId) {
        Map<Long, Answer> result = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM info_answer WHERE request_id = :r ORDER BY unit_id")
                .param("r", requestId)
                .query(RequestStore::answer)
                .list()
                .forEach(a -> result.put(a.unitId(), a));
        return result;
    }

    long insertAnswer(Answer a) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO info_answer (request_id, unit_id, status, answer_values, zero, submitted_at, late,"
                        + " times_submitted, updated_by, updated_at) VALUES (:r, :u, :status, :values, :zero,"
                        + " :submitted, :late, :times, :by, :at)")
                .param("r", a.requestId())
                .param("u", a.unitId())
                .param("status", a.status().name())
                .param("values", a.values().toJson())
                .param("zero", a.zero())
                .param("submitted", a.submittedAt() == null ? null : utc(a.submittedAt()))
                .param("late", a.late())
                .param("times", a.timesSubmitted())
                .param("by", a.updatedBy())
                .param("at", utc(a.updatedAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateAnswer(Answer a) {
        jdbc.sql("UPDATE info_answer SET status = :status, answer_values = :values, zero = :zero,"
                        + " submitted_at = :submitted, late = :late, times_submitted = :times, updated_by = :by,"
                        + " updated_at = :at WHERE id = :id")
                .param("status", a.status().name())
                .param("values", a.values().toJson())
                .param("zero", a.zero())
                .param("submitted", a.submittedAt() == null ? null : utc(a.submittedAt()))
                .param("late", a.late())
                .param("times", a.timesSubmitted())
                .param("by", a.updatedBy())
                .param("at", utc(a.updatedAt()))
                .param("id", a.id())
                .update();
    }

    long insertFile(long answerId, String fieldKey, Upload upload, String by) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO info_answer_file (answer_id, field_key, file_name, content_type, size_bytes, content,"
                        + " uploaded_by, uploaded_at) VALUES (:a, :k, :name, :type, :size, :content, :by, :at)")
                .param("a", answerId)
                .param("k", fieldKey)
                .param("name", upload.fileName())
                .param("type", upload.contentType())
                .param("size", (long) upload.content().length)
                .param("content", upload.content())
                .param("by", by)
                .param("at", utc(Instant.now()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void deleteFile(long answerId, long fileId) {
        jdbc.sql("DELETE FROM info_answer_file WHERE id = :id AND answer_id = :a")
                .param("id", fileId)
                .param("a", answerId)
                .update();
    }

    List<AnswerFile> files(long answerId) {
        return jdbc.sql("SELECT id, answer_id, field_key, file_name, content_type, size_bytes FROM info_answer_file"
                        + " WHERE answer_id = :a ORDER BY id")
                .param("a", answerId)
                .query((rs, n) -> new AnswerFile(
                        rs.getLong("id"),
                        rs.getLong("answer_id"),
                        rs.getString("field_key"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes")))
                .list();
    }

    Optional<StoredFile> file(long requestId, long fileId) {
        return jdbc.sql("SELECT f.file_name, f.content_type, f.content, a.unit_id FROM info_answer_file f"
                        + " JOIN info_answer a ON a.id = f.answer_id WHERE f.id = :id AND a.request_id = :r")
                .param("id", fileId)
                .param("r", requestId)
                .query((rs, n) ->
                        new StoredFile(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    Optional<Long> fileUnit(long requestId, long fileId) {
        return jdbc.sql("SELECT a.unit_id FROM info_answer_file f JOIN info_answer a ON a.id = f.answer_id"
                        + " WHERE f.id = :id AND a.request_id = :r")
                .param("id", fileId)
                .param("r", requestId)
                .query(Long.class)
                .optional();
    }

    /** Per unit: requests asked whose deadline has passed, and how many of them were answered on time. */
    List<Object[]> onTimeByUnit() {
        return jdbc.sql("SELECT u.unit_id, COUNT(*) AS asked, SUM(CASE WHEN a.status = 'SUBMITTED' AND a.late ="
                        + " FALSE THEN 1 ELSE 0 END) AS on_time, SUM(CASE WHEN a.status = 'SUBMITTED' AND a.late"
                        + " = TRUE THEN 1 ELSE 0 END) AS late FROM info_request_unit u JOIN info_request r ON r.id ="
                        + " u.request_id LEFT JOIN info_answer a ON a.request_id = u.request_id AND a.unit_id ="
                        + " u.unit_id WHERE r.deadline < :now GROUP BY u.unit_id ORDER BY u.unit_id")
                .param("now", utc(Instant.now()))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .list();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static SituationRequest request(ResultSet rs, int n) throws SQLException {
        long series = rs.getLong("series_id");
        boolean noSeries = rs.wasNull();
        java.sql.Date occurrence = rs.getDate("occurrence_date");
        return new SituationRequest(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("basis"),
                rs.getString("example"),
                RequestForm.fromJson(rs.getString("form")),
                rs.getTimestamp("deadline").toInstant(),
                rs.getBoolean("zero_report"),
                noSeries ? null : series,
                occurrence == null ? null : occurrence.toLocalDate(),
                rs.getLong("created_by"),
                rs.getString("created_by_name"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Answer answer(ResultSet rs, int n) throws SQLException {
        return new Answer(
                rs.getLong("id"),
                rs.getLong("request_id"),
                rs.getLong("unit_id"),
                AnswerStatus.valueOf(rs.getString("status")),
                AnswerValues.fromJson(rs.getString("answer_values")),
                rs.getBoolean("zero"),
                instant(rs, "submitted_at"),
                rs.getBoolean("late"),
                rs.getInt("times_submitted"),
                rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
