package org.accord.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The stored incoming documents, their receipt-number counter, timeline, circulation and reminders. */
@Repository
class IncomingDocuments {

    /** One step on a document's timeline. */
    record Event(
            long id,
            long documentId,
            EventKind kind,
            Instant at,
            String byUsername,
            String byName,
            @Nullable String text) {

        /** Whether the sender's liaison sees this step (the return and its reason, the registration, the reply). */
        boolean forSender() {
            return kind == EventKind.SIGNED
                    || kind == EventKind.REGISTERED
                    || kind == EventKind.RETURNED
                    || kind == EventKind.REPLIED;
        }
    }

    enum EventKind {
        SIGNED,
        REGISTERED,
        RETURNED,
        ACCEPTED,
        ROUTED,
        CIRCULATED,
        READ,
        REMINDED,
        REMIND_NOTICE,
        OVERDUE_NOTICE,
        REPLIED
    }

    /** One leader a document was circulated to, in the order chosen. */
    record Reader(
            long id,
            long documentId,
            long personId,
            String personName,
            int position,
            Instant circulatedAt,
            @Nullable Instant readAt,
            @Nullable IncomingReadKind readKind,
            @Nullable String remark) {

        public boolean isRead() {
            return readAt != null;
        }
    }

    /**
     * What a list shows.
     *
     * @param state only this state, if given
     * @param sender only senders whose name contains this, if given
     * @param overdueOnly only documents past their deadline and not closed
     */
    record Filter(@Nullable IncomingState state, @Nullable String sender, boolean overdueOnly) {}

    private static final String COLUMNS = "id, state, receipt_year, receipt_seq, signed_at, signed_by, signed_by_name,"
            + " channel, sender_unit_id, sender_name, sender_number, title, genre, urgency, classification, copies,"
            + " pages, attachments, received_on, answer_by, registered_by, registered_by_person, return_reason_kind,"
            + " return_reason, handling_unit_id, handling_unit_name, handling_opinion, handling_deadline, reply_kind,"
            + " reply_reference, reply_on, closed_at, version";

    private final JdbcClient jdbc;

    IncomingDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM documents_incoming")
                .query(Long.class)
                .single();
    }

    Optional<IncomingDocument> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM documents_incoming WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /**
     * The next receipt number of a year. The counter row stays locked until the caller's transaction ends,
     * so concurrent registrations queue here, and a rollback gives the number back.
     */
    int nextReceiptSequence(int year) {
        jdbc.sql("INSERT INTO documents_incoming_counter (receipt_year, last_seq) VALUES (:year, 0)"
                        + " ON CONFLICT DO NOTHING")
                .param("year", year)
                .update();
        jdbc.sql("UPDATE documents_incoming_counter SET last_seq = last_seq + 1 WHERE receipt_year = :year")
                .param("year", year)
                .update();
        return jdbc.sql("SELECT last_seq FROM documents_incoming_counter WHERE receipt_year = :year")
                .param("year", year)
                .query(Integer.class)
                .single();
    }

    long insert(IncomingDocument document) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO documents_incoming (" + COLUMNS.substring("id, ".length())
                        + ") VALUES (:state, :year, :seq,"
                        + " :signedAt, :signedBy, :signedByName, :channel, :senderUnit, :senderName, :senderNumber,"
                        + " :title, :genre, :urgency, :classification, :copies, :pages, :attachments, :receivedOn,"
                        + " :answerBy, :registeredBy, :registeredByPerson, :returnKind, :returnReason, :handlingUnit,"
                        + " :handlingUnitName, :opinion, :handlingDeadline, :replyKind, :replyReference, :replyOn,"
                        + " :closedAt, 0)")
                .params(params(document))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Stores the document's new state; fails if someone changed it since it was read. */
    void update(IncomingDocument document) {
        Map<String, Object> params = params(document);
        params.put("id", document.id());
        params.put("version", document.version());
        int changed = jdbc.sql("UPDATE documents_incoming SET state = :state, receipt_year = :year, receipt_seq = :seq,"
                        + " sender_unit_id = :senderUnit, sender_name = :senderName, sender_number = :senderNumber,"
                        + " title = :title, genre = :genre, urgency = :urgency, classification = :classification,"
                        + " copies = :copies, pages = :pages, attachments = :attachments, received_on = :receivedOn,"
                        + " answer_by = :answerBy, registered_by = :registeredBy,"
                        + " registered_by_person = :registeredByPerson, return_reason_kind = :returnKind,"
                        + " return_reason = :returnReason, handling_unit_id = :handlingUnit,"
                        + " handling_unit_name = :handlingUnitName, handling_opinion = :opinion,"
                        + " handling_deadline = :handlingDeadline, reply_kind = :replyKind,"
                        + " reply_reference = :replyReference, reply_on = :replyOn, closed_at = :closedAt,"
                        + " version = version + 1 WHERE id = :id AND version = :version")
                .params(params)
                .update();
        if (changed != 1) {
            throw new OptimisticLockingFailureException(
                    "Incoming document " + document.id() + " was changed meanwhile");
        }
    }

    /**
     * Documents in a scope, newest first: all when {@code leaderPersonId} and {@code senderUnitIds} are both
     * null; those circulated to a leader; or those a unit sent.
     */
    List<IncomingDocument> list(
            @Nullable Long leaderPersonId,
            @Nullable Set<Long> senderUnitIds,
            Filter filter,
            LocalDate today,
            int limit) {
        if (senderUnitIds != null && senderUnitIds.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM documents_incoming d WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (leaderPersonId != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM documents_incoming_reader r WHERE r.document_id = d.id"
                    + " AND r.person_id = :person)");
            params.put("person", leaderPersonId);
        }
        if (senderUnitIds != null) {
            sql.append(" AND d.sender_unit_id IN (:units)");
            params.put("units", senderUnitIds);
        }
        if (filter.state() != null) {
            sql.append(" AND d.state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.sender() != null) {
            sql.append(" AND d.sender_name LIKE :sender");
            params.put("sender", "%" + filter.sender().replace("%", "").replace("_", "") + "%");
        }
        if (filter.overdueOnly()) {
            sql.append(" AND d.state <> 'CLOSED' AND COALESCE(d.handling_deadline, d.answer_by) < :today");
            params.put("today", today);
        }
        sql.append(" ORDER BY d.id DESC LIMIT ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list();
    }

    void addEvent(long documentId, EventKind kind, String byUsername, String byName, @Nullable String text) {
        jdbc.sql("INSERT INTO documents_incoming_event (document_id, kind, at, by_username, by_name, body)"
                        + " VALUES (:document, :kind, :at, :username, :name, :body)")
                .param("document", documentId)
                .param("kind", kind.name())
                .param("at", time(Instant.now()))
                .param("username", byUsername)
                .param("name", byName)
                .param("body", text)
                .update();
    }

    List<Event> events(long documentId) {
        return jdbc.sql("SELECT id, document_id, kind, at, by_username, by_name, body FROM documents_incoming_event"
                        + " WHERE document_id = :document ORDER BY id")
                .param("document", documentId)
                .query((rs, n) -> new Event(
                        rs.getLong("id"),
                        rs.getLong("document_id"),
                        EventKind.valueOf(rs.getString("kind")),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("by_username"),
                        rs.getString("by_name"),
                        rs.getString("body")))
                .list();
    }

    List<Reader> readers(long documentId) {
        return jdbc.sql("SELECT id, document_id, person_id, person_name, position, circulated_at, read_at, read_kind,"
                        + " remark FROM documents_incoming_reader WHERE document_id = :document ORDER BY position")
                .param("document", documentId)
                .query((rs, n) -> reader(rs))
                .list();
    }

    /** Adds a leader at the end of the circulation. */
    void addReader(long documentId, long personId, String personName, String byUsername) {
        int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) FROM documents_incoming_reader"
                        + " WHERE document_id = :document")
                .param("document", documentId)
                .query(Integer.class)
                .single();
        jdbc.sql("INSERT INTO documents_incoming_reader (document_id, person_id, person_name, position,"
                        + " circulated_at, circulated_by) VALUES (:document, :person, :name, :position, :at, :by)")
                .param("document", documentId)
                .param("person", personId)
                .param("name", personName)
                .param("position", position + 1)
                .param("at", time(Instant.now()))
                .param("by", byUsername)
                .update();
    }

    /** Records a leader's reading; false if he had read it already (or it was never circulated to him). */
    boolean markRead(long documentId, long personId, IncomingReadKind kind, @Nullable String remark) {
        return jdbc.sql("UPDATE documents_incoming_reader SET read_at = :at, read_kind = :kind, remark = :remark"
                                + " WHERE document_id = :document AND person_id = :person AND read_at IS NULL")
                        .param("at", time(Instant.now()))
                        .param("kind", kind.name())
                        .param("remark", remark)
                        .param("document", documentId)
                        .param("person", personId)
                        .update()
                == 1;
    }

    boolean isCirculatedTo(long documentId, long personId) {
        return jdbc.sql("SELECT COUNT(*) FROM documents_incoming_reader WHERE document_id = :document"
                                + " AND person_id = :person")
                        .param("document", documentId)
                        .param("person", personId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The documents a leader has yet to read, oldest circulation first. */
    List<IncomingDocument> unreadBy(long personId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS.replaceAll("(^|, )", "$1d.") + " FROM documents_incoming d"
                        + " JOIN documents_incoming_reader r ON r.document_id = d.id"
                        + " WHERE r.person_id = :person AND r.read_at IS NULL ORDER BY r.circulated_at, d.id LIMIT "
                        + limit)
                .param("person", personId)
                .query((rs, n) -> row(rs))
                .list();
    }

    /** When each timer kind was sent for a document and deadline. */
    Map<String, Instant> remindersSent(long documentId, LocalDate deadline) {
        Map<String, Instant> sent = new HashMap<>();
        jdbc.sql("SELECT kind, sent_at FROM documents_incoming_reminder WHERE document_id = :document"
                        + " AND deadline = :deadline")
                .param("document", documentId)
                .param("deadline", deadline)
                .query(rs -> {
                    sent.put(
                            rs.getString("kind"),
                            rs.getObject("sent_at", OffsetDateTime.class).toInstant());
                });
        return sent;
    }

    boolean reminderSent(long documentId, String kind, LocalDate deadline) {
        return jdbc.sql("SELECT COUNT(*) FROM documents_incoming_reminder WHERE document_id = :document"
                                + " AND kind = :kind AND deadline = :deadline")
                        .param("document", documentId)
                        .param("kind", kind)
                        .param("deadline", deadline)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void recordReminder(long documentId, String kind, LocalDate deadline, String recipients) {
        jdbc.sql("INSERT INTO documents_incoming_reminder (document_id, kind, deadline, sent_at, recipients)"
                        + " VALUES (:document, :kind, :deadline, :at, :recipients)")
                .param("document", documentId)
                .param("kind", kind)
                .param("deadline", deadline)
                .param("at", time(Instant.now()))
                .param("recipients", recipients.length() > 1000 ? recipients.substring(0, 1000) : recipients)
                .update();
    }

    private static Map<String, Object> params(IncomingDocument d) {
        IncomingRegistration r = d.registration();
        Map<String, Object> p = new HashMap<>();
        p.put("state", d.state().name());
        p.put("year", d.receiptNumber() == null ? null : d.receiptNumber().year());
        p.put("seq", d.receiptNumber() == null ? null : d.receiptNumber().sequence());
        p.put("signedAt", time(d.signedAt()));
        p.put("signedBy", d.signedBy());
        p.put("signedByName", d.signedByName());
        p.put("channel", d.channel().name());
        p.put("senderUnit", r.senderUnitId());
        p.put("senderName", r.senderName());
        p.put("senderNumber", r.senderNumber());
        p.put("title", r.title());
        p.put("genre", r.genre() == null ? null : r.genre().name());
        p.put("urgency", r.urgency() == null ? null : r.urgency().name());
        p.put("classification", r.classification());
        p.put("copies", r.copies());
        p.put("pages", r.pages());
        p.put("attachments", r.attachments().isEmpty() ? null : String.join("\n", r.attachments()));
        p.put("receivedOn", r.receivedOn());
        p.put("answerBy", r.answerBy());
        p.put("registeredBy", d.registeredBy());
        p.put("registeredByPerson", d.registeredByPerson());
        p.put(
                "returnKind",
                d.returnReasonKind() == null ? null : d.returnReasonKind().name());
        p.put("returnReason", d.returnReason());
        p.put("handlingUnit", d.handlingUnitId());
        p.put("handlingUnitName", d.handlingUnitName());
        p.put("opinion", d.handlingOpinion());
        p.put("handlingDeadline", d.handlingDeadline());
        p.put("replyKind", d.replyKind() == null ? null : d.replyKind().name());
        p.put("replyReference", d.replyReference());
        p.put("replyOn", d.replyOn());
        p.put("closedAt", d.closedAt() == null ? null : time(d.closedAt()));
        return p;
    }

    private static IncomingDocument row(ResultSet rs) throws SQLException {
        Integer year = rs.getObject("receipt_year", Integer.class);
        Integer seq = rs.getObject("receipt_seq", Integer.class);
        String genre = rs.getString("genre");
        String urgency = rs.getString("urgency");
        String attachments = rs.getString("attachments");
        String returnKind = rs.getString("return_reason_kind");
        String replyKind = rs.getString("reply_kind");
        OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
        IncomingRegistration registration = new IncomingRegistration(
                rs.getObject("sender_unit_id", Long.class),
                rs.getString("sender_name"),
                rs.getString("sender_number"),
                rs.getString("title"),
                genre == null ? null : Genre.valueOf(genre),
                urgency == null ? null : IncomingUrgency.valueOf(urgency),
                rs.getString("classification"),
                rs.getInt("copies"),
                rs.getObject("pages", Integer.class),
                attachments == null ? List.of() : Arrays.asList(attachments.split("\n")),
                rs.getObject("received_on", LocalDate.class),
                rs.getObject("answer_by", LocalDate.class));
        return new IncomingDocument(
                rs.getLong("id"),
                IncomingState.valueOf(rs.getString("state")),
                year == null || seq == null ? null : new IncomingDocument.ReceiptNumber(year, seq),
                rs.getObject("signed_at", OffsetDateTime.class).toInstant(),
                rs.getString("signed_by"),
                rs.getString("signed_by_name"),
                IncomingChannel.valueOf(rs.getString("channel")),
                registration,
                rs.getString("registered_by"),
                rs.getObject("registered_by_person", Long.class),
                returnKind == null ? null : IncomingReturnReason.valueOf(returnKind),
                rs.getString("return_reason"),
                rs.getObject("handling_unit_id", Long.class),
                rs.getString("handling_unit_name"),
                rs.getString("handling_opinion"),
                rs.getObject("handling_deadline", LocalDate.class),
                replyKind == null ? null : IncomingReplyKind.valueOf(replyKind),
                rs.getString("reply_reference"),
                rs.getObject("reply_on", LocalDate.class),
                closed == null ? null : closed.toInstant(),
                rs.getLong("version"));
    }

    private static Reader reader(ResultSet rs) throws SQLException {
        OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
        String kind = rs.getString("read_kind");
        return new Reader(
                rs.getLong("id"),
                rs.getLong("document_id"),
                rs.getLong("person_id"),
                rs.getString("person_name"),
                rs.getInt("position"),
                rs.getObject("circulated_at", OffsetDateTime.class).toInstant(),
                read == null ? null : read.toInstant(),
                kind == null ? null : IncomingReadKind.valueOf(kind),
                rs.getString("remark"));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
