package org.accord.meetings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.accord.directory.Directory;
import org.accord.directory.UnitSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Meetings and what hangs off them, in the {@code meetings_*} tables. */
@Repository
class MeetingStore {

    /** What the organiser fills in when planning a meeting. */
    record Plan(
            String title,
            MeetingKind kind,
            long chairPersonId,
            @Nullable Long roomId,
            String place,
            Instant startsAt,
            Instant endsAt,
            Instant receiptDeadline,
            String background,
            String purpose,
            String basis,
            String contactName,
            String contactPhone,
            boolean urgent) {}

    private final JdbcClient jdbc;
    private final Directory directory;

    MeetingStore(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    List<Room> rooms() {
        return jdbc.sql("SELECT id, code, name, capacity, location FROM meetings_room WHERE active ORDER BY code")
                .query((rs, n) -> new Room(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getInt("capacity"),
                        rs.getString("location")))
                .list();
    }

    Optional<Room> room(long id) {
        return rooms().stream().filter(room -> room.id() == id).findFirst();
    }

    long insertMeeting(long matterId, Plan plan, long organiserId, long organiserUnitId, String uid, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO meetings_meeting (matter_id, title, kind, status, chair_person_id, organiser_person_id,"
                        + " organiser_unit_id, room_id, place, starts_at, ends_at, receipt_deadline, background, purpose,"
                        + " basis, contact_name, contact_phone, urgent, uid, sequence, notice_sent_at, reminded_sequence,"
                        + " minutes_wanted, concluded_at, cancel_reason, created_at) VALUES (:matter, :title, :kind,"
                        + " :status, :chair, :organiser, :unit, :room, :place, :start, :end, :deadline, :background,"
                        + " :purpose, :basis, :contact, :phone, :urgent, :uid, 0, NULL, NULL, NULL, NULL, NULL, :now)")
                .param("matter", matterId)
                .param("title", plan.title())
                .param("kind", plan.kind().name())
                .param("status", MeetingStatus.PLANNED.name())
                .param("chair", plan.chairPersonId())
                .param("organiser", organiserId)
                .param("unit", organiserUnitId)
                .param("room", plan.roomId())
                .param("place", plan.place())
                .param("start", param(plan.startsAt()))
                .param("end", param(plan.endsAt()))
                .param("deadline", param(plan.receiptDeadline()))
                .param("background", plan.background())
                .param("purpose", plan.purpose())
                .param("basis", plan.basis())
                .param("contact", plan.contactName())
                .param("phone", plan.contactPhone())
                .param("urgent", plan.urgent())
                .param("uid", uid)
                .param("now", param(now))
                .update(key, "id");
        return id(key);
    }

    void lock(long id) {
        jdbc.sql("SELECT id FROM meetings_meeting WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Long.class)
                .optional();
    }

    Optional<Meeting> load(long id) {
        return jdbc.sql("SELECT * FROM meetings_meeting WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> meeting(rs))
                .optional();
    }

    /** Meetings in scope between two instants (by start), earliest first; {@code units} null means every unit. */
    List<Meeting> between(
            Instant from,
            Instant to,
            @Nullable Collection<Long> units,
            @Nullable Long chairOrAttendee,
            @Nullable Long chair,
            @Nullable Long roomId) {
        StringBuilder sql =
                new StringBuilder("SELECT id FROM meetings_meeting WHERE starts_at >= :from AND starts_at < :to");
        Map<String, Object> params = new HashMap<>();
        params.put("from", param(from));
        params.put("to", param(to));
        appendScope(sql, params, units, chairOrAttendee);
        if (chair != null) {
            sql.append(" AND chair_person_id = :chair");
            params.put("chair", chair);
        }
        if (roomId != null) {
            sql.append(" AND room_id = :room");
            params.put("room", roomId);
        }
        sql.append(" ORDER BY starts_at, id");
        return ids(sql.toString(), params);
    }

    /** The most recent meetings in scope, newest first. */
    List<Meeting> recent(@Nullable Collection<Long> units, @Nullable Long chairOrAttendee, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id FROM meetings_meeting WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        appendScope(sql, params, units, chairOrAttendee);
        sql.append(" ORDER BY starts_at DESC, id DESC LIMIT ").append(limit);
        return ids(sql.toString(), params);
    }

    private static void appendScope(
            StringBuilder sql, Map<String, Object> params, @Nullable Collection<Long> units, @Nullable Long person) {
        if (units == null) {
            return;
        }
        sql.append(" AND (id IN (SELECT meeting_id FROM meetings_attending_unit WHERE unit_id IN (:units))");
        params.put("units", units.isEmpty() ? List.of(-1L) : units);
        if (person != null) {
            sql.append(" OR chair_person_id = :person");
            params.put("person", person);
        }
        sql.append(')');
    }

    private List<Meeting> ids(String sql, Map<String, Object> params) {
        List<Long> ids = jdbc.sql(sql).params(params).query(Long.class).list();
        return ids.stream().map(this::load).flatMap(Optional::stream).toList();
    }

    /** The other meetings still to be held that overlap a period, as bookings for the conflict check. */
    List<Conflicts.Booking> bookingsOverlapping(Instant start, Instant end, long exceptId) {
        List<Long> ids = jdbc.sql("SELECT id FROM meetings_meeting WHERE status IN ('PLANNED', 'NOTIFIED')"
                        + " AND starts_at < :end AND ends_at > :start AND id <> :id")
                .param("start", param(start))
                .param("end", param(end))
                .param("id", exceptId)
                .query(Long.class)
                .list();
        return ids.stream()
                .map(this::load)
                .flatMap(Optional::stream)
                .map(meeting -> new Conflicts.Booking(
                        meeting.id(),
                        meeting.title(),
                        meeting.startsAt(),
                        meeting.endsAt(),
                        meeting.chairPersonId(),
                        meeting.roomId(),
                        expectedPeople(meeting)))
                .toList();
    }

    /** The persons expected at a meeting: required attendees and attendees named in receipts. */
    static Set<Long> expectedPeople(Meeting meeting) {
        Set<Long> people = new HashSet<>();
        for (AttendingUnit unit : meeting.units()) {
            Optional<Receipt> receipt = meeting.receipt(unit.unitId());
            if (receipt.isPresent()) {
                Receipt answered = receipt.get();
                if (answered.expected() && answered.attendeePersonId() != null) {
                    people.add(answered.attendeePersonId());
                }
            } else if (unit.requiredPersonId() != null) {
                people.add(unit.requiredPersonId());
            }
        }
        return people;
    }

    void reschedule(long id, @Nullable Long roomId, String place, Instant start, Instant end, Instant deadline) {
        jdbc.sql("UPDATE meetings_meeting SET room_id = :room, place = :place, starts_at = :start, ends_at = :end,"
                        + " receipt_deadline = :deadline, sequence = sequence + 1 WHERE id = :id")
                .param("room", roomId)
                .param("place", place)
                .param("start", param(start))
                .param("end", param(end))
                .param("deadline", param(deadline))
                .param("id", id)
                .update();
    }

    void bumpSequence(long id) {
        jdbc.sql("UPDATE meetings_meeting SET sequence = sequence + 1 WHERE id = :id")
                .param("id", id)
                .update();
    }

    void noticeSent(long id, Instant at) {
        jdbc.sql("UPDATE meetings_meeting SET status = :status, notice_sent_at = :at WHERE id = :id")
                .param("status", MeetingStatus.NOTIFIED.name())
                .param("at", param(at))
                .param("id", id)
                .update();
    }

    /** Records that the reminder of this notice version went out; false if it already had. */
    boolean markReminded(long id, int sequence) {
        return jdbc.sql("UPDATE meetings_meeting SET reminded_sequence = :sequence WHERE id = :id"
                                + " AND (reminded_sequence IS NULL OR reminded_sequence <> :sequence)")
                        .param("sequence", sequence)
                        .param("id", id)
                        .update()
                == 1;
    }

    void conclude(long id, boolean minutesWanted, Instant at) {
        jdbc.sql("UPDATE meetings_meeting SET status = :status, minutes_wanted = :minutes, concluded_at = :at"
                        + " WHERE id = :id")
                .param("status", MeetingStatus.CONCLUDED.name())
                .param("minutes", minutesWanted)
                .param("at", param(at))
                .param("id", id)
                .update();
    }

    void cancel(long id, String reason) {
        jdbc.sql("UPDATE meetings_meeting SET status = :status, cancel_reason = :reason, sequence = sequence + 1"
                        + " WHERE id = :id")
                .param("status", MeetingStatus.CANCELLED.name())
                .param("reason", reason)
                .param("id", id)
                .update();
    }

    long insertItem(long meetingId, int number, String title, String presenter) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO meetings_agenda_item (meeting_id, number, title, presenter, point_id, outcome)"
                        + " VALUES (:meeting, :number, :title, :presenter, NULL, NULL)")
                .param("meeting", meetingId)
                .param("number", number)
                .param("title", title)
                .param("presenter", presenter)
                .update(key, "id");
        return id(key);
    }

    void setItemPoint(long itemId, long pointId) {
        jdbc.sql("UPDATE meetings_agenda_item SET point_id = :point WHERE id = :id")
                .param("point", pointId)
                .param("id", itemId)
                .update();
    }

    void setOutcome(long itemId, String outcome) {
        jdbc.sql("UPDATE meetings_agenda_item SET outcome = :outcome WHERE id = :id")
                .param("outcome", outcome)
                .param("id", itemId)
                .update();
    }

    void insertUnit(
            long meetingId,
            long unitId,
            AttendanceLevel level,
            boolean important,
            boolean observer,
            @Nullable Long requiredPersonId) {
        jdbc.sql("INSERT INTO meetings_attending_unit (meeting_id, unit_id, level, important, observer,"
                        + " required_person_id) VALUES (:meeting, :unit, :level, :important, :observer, :person)")
                .param("meeting", meetingId)
                .param("unit", unitId)
                .param("level", level.name())
                .param("important", important)
                .param("observer", observer)
                .param("person", requiredPersonId)
                .update();
    }

    void setImportant(long meetingId, long unitId, boolean important) {
        jdbc.sql("UPDATE meetings_attending_unit SET important = :important WHERE meeting_id = :meeting"
                        + " AND unit_id = :unit")
                .param("important", important)
                .param("meeting", meetingId)
                .param("unit", unitId)
                .update();
    }

    /** Writes a unit's receipt, replacing an earlier one (and its sign-in code) if there was one. */
    void saveReceipt(
            long meetingId,
            long unitId,
            boolean attending,
            @Nullable String name,
            @Nullable String position,
            @Nullable String phone,
            @Nullable Long personId,
            @Nullable AttendanceLevel level,
            @Nullable String reason,
            boolean substitute,
            String answeredBy,
            Instant at,
            String token) {
        jdbc.sql("DELETE FROM meetings_receipt WHERE meeting_id = :meeting AND unit_id = :unit")
                .param("meeting", meetingId)
                .param("unit", unitId)
                .update();
        jdbc.sql("INSERT INTO meetings_receipt (meeting_id, unit_id, attending, attendee_name, attendee_position,"
                        + " attendee_phone, attendee_person_id, attendee_level, decline_reason, substitute,"
                        + " substitute_decision, answered_by, answered_at, token, signed_in_at, signed_in_by) VALUES"
                        + " (:meeting, :unit, :attending, :name, :position, :phone, :person, :level, :reason,"
                        + " :substitute, NULL, :by, :at, :token, NULL, NULL)")
                .param("meeting", meetingId)
                .param("unit", unitId)
                .param("attending", attending)
                .param("name", name)
                .param("position", position)
                .param("phone", phone)
                .param("person", personId)
                .param("level", level == null ? null : level.name())
                .param("reason", reason)
                .param("substitute", substitute)
                .param("by", answeredBy)
                .param("at", param(at))
                .param("token", token)
                .update();
    }

    void decideSubstitute(long receiptId, String decision) {
        jdbc.sql("UPDATE meetings_receipt SET substitute_decision = :decision WHERE id = :id")
                .param("decision", decision)
                .param("id", receiptId)
                .update();
    }

    void signIn(long receiptId, String by, Instant at) {
        jdbc.sql("UPDATE meetings_receipt SET signed_in_at = :at, signed_in_by = :by WHERE id = :id")
                .param("at", param(at))
                .param("by", by)
                .param("id", receiptId)
                .update();
    }

    long insertCooperation(
            long meetingId,
            long sectionId,
            CooperationKind kind,
            String detail,
            LocalDate deadline,
            String by,
            Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO meetings_cooperation (meeting_id, section_unit_id, kind, detail, deadline, task_id,"
                        + " requested_by, requested_at) VALUES (:meeting, :section, :kind, :detail, :deadline, NULL,"
                        + " :by, :at)")
                .param("meeting", meetingId)
                .param("section", sectionId)
                .param("kind", kind.name())
                .param("detail", detail)
                .param("deadline", deadline)
                .param("by", by)
                .param("at", param(at))
                .update(key, "id");
        return id(key);
    }

    void setCooperationTask(long cooperationId, long taskId) {
        jdbc.sql("UPDATE meetings_cooperation SET task_id = :task WHERE id = :id")
                .param("task", taskId)
                .param("id", cooperationId)
                .update();
    }

    long insertDecision(
            long meetingId,
            long itemId,
            String text,
            @Nullable Long leadUnitId,
            List<Long> cooperating,
            @Nullable LocalDate deadline) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO meetings_decision (meeting_id, item_id, text, lead_unit_id, cooperating_unit_ids,"
                                + " deadline, measure_id) VALUES (:meeting, :item, :text, :lead, :cooperating, :deadline, NULL)")
                .param("meeting", meetingId)
                .param("item", itemId)
                .param("text", text)
                .param("lead", leadUnitId)
                .param("cooperating", cooperating.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .param("deadline", deadline)
                .update(key, "id");
        return id(key);
    }

    void setMeasure(long decisionId, long measureId) {
        jdbc.sql("UPDATE meetings_decision SET measure_id = :measure WHERE id = :id")
                .param("measure", measureId)
                .param("id", decisionId)
                .update();
    }

    private Meeting meeting(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Long roomId = rs.getObject("room_id", Long.class);
        Integer reminded = rs.getObject("reminded_sequence", Integer.class);
        Boolean minutes = rs.getObject("minutes_wanted", Boolean.class);
        return new Meeting(
                id,
                rs.getLong("matter_id"),
                rs.getString("title"),
                MeetingKind.valueOf(rs.getString("kind")),
                MeetingStatus.valueOf(rs.getString("status")),
                rs.getLong("chair_person_id"),
                rs.getLong("organiser_person_id"),
                rs.getLong("organiser_unit_id"),
                roomId,
                rs.getString("place"),
                required(rs, "starts_at"),
                required(rs, "ends_at"),
                required(rs, "receipt_deadline"),
                rs.getString("background"),
                rs.getString("purpose"),
                rs.getString("basis"),
                rs.getString("contact_name"),
                rs.getString("contact_phone"),
                rs.getBoolean("urgent"),
                rs.getString("uid"),
                rs.getInt("sequence"),
                instant(rs, "notice_sent_at"),
                reminded,
                minutes,
                instant(rs, "concluded_at"),
                rs.getString("cancel_reason"),
                required(rs, "created_at"),
                items(id),
                units(id),
                receipts(id),
                cooperations(id),
                decisions(id));
    }

    private List<AgendaItem> items(long meetingId) {
        return jdbc.sql("SELECT * FROM meetings_agenda_item WHERE meeting_id = :id ORDER BY number, id")
                .param("id", meetingId)
                .query((rs, n) -> new AgendaItem(
                        rs.getLong("id"),
                        rs.getInt("number"),
                        rs.getString("title"),
                        rs.getString("presenter"),
                        rs.getObject("point_id", Long.class),
                        rs.getString("outcome")))
                .list();
    }

    private List<AttendingUnit> units(long meetingId) {
        return jdbc.sql("SELECT * FROM meetings_attending_unit WHERE meeting_id = :id ORDER BY id")
                .param("id", meetingId)
                .query((rs, n) -> {
                    long unitId = rs.getLong("unit_id");
                    return new AttendingUnit(
                            rs.getLong("id"),
                            unitId,
                            directory.unit(unitId).map(UnitSummary::name).orElse("?"),
                            AttendanceLevel.valueOf(rs.getString("level")),
                            rs.getBoolean("important"),
                            rs.getBoolean("observer"),
                            rs.getObject("required_person_id", Long.class));
                })
                .list();
    }

    private List<Receipt> receipts(long meetingId) {
        return jdbc.sql("SELECT * FROM meetings_receipt WHERE meeting_id = :id ORDER BY id")
                .param("id", meetingId)
                .query((rs, n) -> {
                    String level = rs.getString("attendee_level");
                    return new Receipt(
                            rs.getLong("id"),
                            rs.getLong("unit_id"),
                            rs.getBoolean("attending"),
                            rs.getString("attendee_name"),
                            rs.getString("attendee_position"),
                            rs.getString("attendee_phone"),
                            rs.getObject("attendee_person_id", Long.class),
                            level == null ? null : AttendanceLevel.valueOf(level),
                            rs.getString("decline_reason"),
                            rs.getBoolean("substitute"),
                            rs.getString("substitute_decision"),
                            rs.getString("answered_by"),
                            required(rs, "answered_at"),
                            rs.getString("token"),
                            instant(rs, "signed_in_at"),
                            rs.getString("signed_in_by"));
                })
                .list();
    }

    private List<Cooperation> cooperations(long meetingId) {
        return jdbc.sql("SELECT * FROM meetings_cooperation WHERE meeting_id = :id ORDER BY id")
                .param("id", meetingId)
                .query((rs, n) -> {
                    long section = rs.getLong("section_unit_id");
                    return new Cooperation(
                            rs.getLong("id"),
                            section,
                            directory
                                    .unit(section)
                                    .map(UnitSummary::displayName)
                                    .orElse("?"),
                            CooperationKind.valueOf(rs.getString("kind")),
                            rs.getString("detail"),
                            rs.getObject("deadline", LocalDate.class),
                            rs.getObject("task_id", Long.class));
                })
                .list();
    }

    private List<Decision> decisions(long meetingId) {
        return jdbc.sql("SELECT * FROM meetings_decision WHERE meeting_id = :id ORDER BY id")
                .param("id", meetingId)
                .query((rs, n) -> new Decision(
                        rs.getLong("id"),
                        rs.getLong("item_id"),
                        rs.getString("text"),
                        rs.getObject("lead_unit_id", Long.class),
                        idList(rs.getString("cooperating_unit_ids")),
                        rs.getObject("deadline", LocalDate.class),
                        rs.getObject("measure_id", Long.class)))
                .list();
    }

    private static List<Long> idList(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }

    private static long id(KeyHolder key) {
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
            throw new IllegalStateException("No " + column);
        }
        return value;
    }
}
