package org.accord.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.accord.documents.Comment.Adoption;
import org.accord.documents.Revision.Decision;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The documents' tables. */
@Repository
class DocumentStore {

    private static final String DOCUMENT_COLUMNS =
            "id, matter_id, genre, status, drafter_id, issuer_unit_id, issuer_code,"
                    + " signer_id, reviewer_id, meeting_id, minutes_heading, number_text, document_date, revision,"
                    + " created_at, updated_at, issued_at";

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertDocument(
            long matterId,
            Genre genre,
            long drafterId,
            long issuerUnitId,
            String issuerCode,
            long signerId,
            @Nullable Long meetingId,
            @Nullable String minutesHeading,
            Instant now) {
        return insert(
                jdbc.sql("INSERT INTO document (matter_id, genre, status, drafter_id, issuer_unit_id, issuer_code,"
                                + " signer_id, reviewer_id, meeting_id, minutes_heading, number_year, number_sequence, number_text,"
                                + " document_date, revision, created_at, updated_at, issued_at) VALUES (:matter, :genre,"
                                + " :status, :drafter, :issuer, :code, :signer, NULL, :meeting, :heading, NULL, NULL, NULL, NULL,"
                                + " 0, :now, :now, NULL)")
                        .param("matter", matterId)
                        .param("genre", genre.name())
                        .param("status", DocumentStatus.DRAFTING.name())
                        .param("drafter", drafterId)
                        .param("issuer", issuerUnitId)
                        .param("code", issuerCode)
                        .param("signer", signerId)
                        .param("meeting", meetingId)
                        .param("heading", minutesHeading)
                        .param("now", param(now)));
    }

    /** Locks the document's row until the transaction ends, so steps on one document run one after another. */
    Optional<Document> lock(long id) {
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM document WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(DocumentStore::document)
                .optional();
    }

    Optional<Document> find(long id) {
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM document WHERE id = :id")
                .param("id", id)
                .query(DocumentStore::document)
                .optional();
    }

    /** Every document (office), newest first. */
    List<Document> all(int limit) {
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM document ORDER BY updated_at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query(DocumentStore::document)
                .list();
    }

    /** The documents a leader signs or decides on. */
    List<Document> forLeader(long personId, int limit) {
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM document WHERE signer_id = :person ORDER BY updated_at"
                        + " DESC, id DESC LIMIT :limit")
                .param("person", personId)
                .param("limit", limit)
                .query(DocumentStore::document)
                .list();
    }

    /** The documents waiting for this leader's sign-off, newest first: filtered here, so none is crowded out. */
    List<Document> awaitingSignOff(long personId, int limit) {
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM document WHERE signer_id = :person AND status = :status"
                        + " ORDER BY updated_at DESC, id DESC LIMIT :limit")
                .param("person", personId)
                .param("status", DocumentStatus.SIGNING.name())
                .param("limit", limit)
                .query(DocumentStore::document)
                .list();
    }

    /** The documents a leader signs, and those sent to the units routed to him. */
    List<Document> forLeader(long personId, Set<Long> routedUnits, int limit) {
        if (routedUnits.isEmpty()) {
            return forLeader(personId, limit);
        }
        return jdbc.sql("SELECT " + DOCUMENT_COLUMNS + " FROM document WHERE signer_id = :person OR id IN (SELECT"
                        + " document_id FROM document_recipient WHERE unit_id IN (:units)) ORDER BY updated_at DESC,"
                        + " id DESC LIMIT :limit")
                .param("person", personId)
                .param("units", routedUnits)
                .param("limit", limit)
                .query(DocumentStore::document)
                .list();
    }

    /** Whether the document was sent to one of these units. */
    boolean sentToAny(long documentId, Set<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM document_recipient WHERE document_id = :doc AND unit_id IN (:units)")
                        .param("doc", documentId)
                        .param("units", unitIds)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The documents sent to one of these units (for comments, as addressee or copy-to, as co-issuer). */
    List<Document> forUnits(Set<Long> unitIds, int limit) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "SELECT " + DOCUMENT_COLUMNS + " FROM document WHERE id IN (SELECT document_id FROM"
                                + " document_recipient WHERE unit_id IN (:units)) ORDER BY updated_at DESC, id DESC LIMIT :limit")
                .param("units", unitIds)
                .param("limit", limit)
                .query(DocumentStore::document)
                .list();
    }

    /** Since when the unit may see the document, if at all. */
    Optional<Instant> recipientSince(long documentId, long unitId) {
        return jdbc
                .sql("SELECT since FROM document_recipient WHERE document_id = :doc AND unit_id = :unit")
                .param("doc", documentId)
                .param("unit", unitId)
                .query((rs, n) -> required(rs, "since"))
                .list()
                .stream()
                .min(Instant::compareTo);
    }

    void addRecipient(long documentId, long unitId, String reason, Instant since) {
        int exists = jdbc.sql("SELECT COUNT(*) FROM document_recipient WHERE document_id = :doc AND unit_id = :unit AND"
                        + " reason = :reason")
                .param("doc", documentId)
                .param("unit", unitId)
                .param("reason", reason)
                .query(Integer.class)
                .single();
        if (exists == 0) {
            jdbc.sql(
                            "INSERT INTO document_recipient (document_id, unit_id, reason, since) VALUES (:doc, :unit, :reason,"
                                    + " :since)")
                    .param("doc", documentId)
                    .param("unit", unitId)
                    .param("reason", reason)
                    .param("since", param(since))
                    .update();
        }
    }

    void setStatus(long id, DocumentStatus status, Instant now) {
        jdbc.sql("UPDATE document SET status = :status, updated_at = :now WHERE id = :id")
                .param("status", status.name())
                .param("now", param(now))
                .param("id", id)
                .update();
    }

    void setReviewer(long id, long reviewerId) {
        jdbc.sql("UPDATE document SET reviewer_id = :reviewer WHERE id = :id")
                .param("reviewer", reviewerId)
                .param("id", id)
                .update();
    }

    void setDate(long id, @Nullable LocalDate date) {
        jdbc.sql("UPDATE document SET document_date = :date WHERE id = :id")
                .param("date", date)
                .param("id", id)
                .update();
    }

    void setNumber(long id, int year, int sequence, String text) {
        jdbc.sql(
                        "UPDATE document SET number_year = :year, number_sequence = :sequence, number_text = :text WHERE id = :id")
                .param("year", year)
                .param("sequence", sequence)
                .param("text", text)
                .param("id", id)
                .update();
    }

    void setIssued(long id, Instant now) {
        jdbc.sql("UPDATE document SET status = :status, issued_at = :now, updated_at = :now WHERE id = :id")
                .param("status", DocumentStatus.ISSUED.name())
                .param("now", param(now))
                .param("id", id)
                .update();
    }

    long insertRevision(long documentId, int number, Revision revision, Instant now) {
        long id = insert(jdbc.sql("INSERT INTO document_revision (document_id, number, title, urgency, classification,"
                        + " main_addressees, copy_to, co_issuers, body, attachments, note, printing_unit, present, excused,"
                        + " observers, full_text, ruling_point_id, saved_by, saved_by_name, saved_at) VALUES (:doc,"
                        + " :number, :title, :urgency, :classification, :main, :copy, :co, :body, :attachments, :note,"
                        + " :printing, :present, :excused, :observers, :full, :ruling, :by, :byName, :at)")
                .param("doc", documentId)
                .param("number", number)
                .param("title", revision.title())
                .param("urgency", revision.urgency())
                .param("classification", revision.classification())
                .param("main", join(revision.mainAddressees()))
                .param("copy", join(revision.copyTo()))
                .param("co", join(revision.coIssuers()))
                .param("body", revision.body())
                .param("attachments", String.join("\n", revision.attachments()))
                .param("note", revision.note())
                .param("printing", revision.printingUnit())
                .param("present", String.join("\n", revision.present()))
                .param("excused", String.join("\n", revision.excused()))
                .param("observers", String.join("\n", revision.observers()))
                .param("full", revision.fullText())
                .param("ruling", revision.rulingPointId())
                .param("by", revision.savedBy())
                .param("byName", revision.savedByName())
                .param("at", param(now)));
        int position = 0;
        for (Decision decision : revision.decisions()) {
            jdbc.sql("INSERT INTO document_decision (revision_id, position, text, lead_unit_id, cooperating, deadline)"
                            + " VALUES (:revision, :position, :text, :lead, :cooperating, :deadline)")
                    .param("revision", id)
                    .param("position", position++)
                    .param("text", decision.text())
                    .param("lead", decision.leadUnitId())
                    .param("cooperating", join(decision.cooperatingUnitIds()))
                    .param("deadline", decision.deadline())
                    .update();
        }
        jdbc.sql("UPDATE document SET revision = :number, updated_at = :now WHERE id = :id")
                .param("number", number)
                .param("now", param(now))
                .param("id", documentId)
                .update();
        return id;
    }

    /** The title of each document's latest revision, in one query; documents without a revision are absent. */
    Map<Long, String> latestTitles(Collection<Long> documentIds) {
        if (documentIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> titles = new HashMap<>();
        jdbc.sql("SELECT r.document_id, r.title FROM document_revision r WHERE r.document_id IN (:docs)"
                        + " AND r.number = (SELECT MAX(l.number) FROM document_revision l"
                        + " WHERE l.document_id = r.document_id)")
                .param("docs", documentIds)
                .query(rs -> {
                    titles.put(rs.getLong("document_id"), rs.getString("title"));
                });
        return titles;
    }

    List<Revision> revisions(long documentId) {
        List<Revision> bare = jdbc.sql("SELECT * FROM document_revision WHERE document_id = :doc ORDER BY number")
                .param("doc", documentId)
                .query((rs, n) -> revision(rs, List.of()))
                .list();
        if (bare.isEmpty()) {
            return bare;
        }
        Map<Long, List<Decision>> decisions = new HashMap<>();
        jdbc.sql("SELECT d.revision_id, d.text, d.lead_unit_id, d.cooperating, d.deadline FROM document_decision d"
                        + " JOIN document_revision r ON r.id = d.revision_id WHERE r.document_id = :doc"
                        + " ORDER BY d.revision_id, d.position")
                .param("doc", documentId)
                .query(rs -> {
                    decisions
                            .computeIfAbsent(rs.getLong("revision_id"), key -> new ArrayList<>())
                            .add(decision(rs));
                });
        List<Revision> result = new ArrayList<>();
        for (Revision revision : bare) {
            result.add(withDecisions(revision, decisions.getOrDefault(revision.id(), List.of())));
        }
        return result;
    }

    private static Decision decision(ResultSet rs) throws SQLException {
        return new Decision(
                rs.getString("text"),
                nullableLong(rs, "lead_unit_id"),
                split(rs.getString("cooperating")),
                rs.getObject("deadline", LocalDate.class));
    }

    void insertRound(ConsultationRound round) {
        jdbc.sql("INSERT INTO document_round (round_id, document_id, number, point_id, revision, units, deadline,"
                        + " silence_agrees, opened_at) VALUES (:round, :doc, :number, :point, :revision, :units, :deadline,"
                        + " :silence, :at)")
                .param("units", join(round.unitIds()))
                .param("round", round.roundId())
                .param("doc", round.documentId())
                .param("number", round.number())
                .param("point", round.pointId())
                .param("revision", round.revision())
                .param("deadline", round.deadline())
                .param("silence", round.silenceAgrees())
                .param("at", param(round.openedAt()))
                .update();
    }

    List<ConsultationRound> rounds(long documentId) {
        return jdbc.sql("SELECT * FROM document_round WHERE document_id = :doc ORDER BY number")
                .param("doc", documentId)
                .query(DocumentStore::round)
                .list();
    }

    Optional<ConsultationRound> round(long roundId) {
        return jdbc.sql("SELECT * FROM document_round WHERE round_id = :round")
                .param("round", roundId)
                .query(DocumentStore::round)
                .optional();
    }

    void recordSilence(long roundId, long unitId, Instant at) {
        jdbc.sql("INSERT INTO document_round_silence (round_id, unit_id, recorded_at) VALUES (:round, :unit, :at)")
                .param("round", roundId)
                .param("unit", unitId)
                .param("at", param(at))
                .update();
    }

    /** Per round, the units whose silence was recorded as no different opinion. */
    List<long[]> silences(long documentId) {
        return jdbc.sql(
                        "SELECT s.round_id, s.unit_id FROM document_round_silence s JOIN document_round r ON r.round_id ="
                                + " s.round_id WHERE r.document_id = :doc")
                .param("doc", documentId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
    }

    long insertComment(
            long documentId,
            long roundId,
            int revision,
            long unitId,
            String author,
            String authorName,
            @Nullable String quote,
            @Nullable Integer anchorStart,
            @Nullable String proposed,
            String text,
            Instant now) {
        return insert(
                jdbc.sql("INSERT INTO document_comment (document_id, round_id, revision, unit_id, author, author_name,"
                                + " quote, anchor_start, proposed, text, created_at, adoption, adoption_reason, adopted_by,"
                                + " adopted_at) VALUES (:doc, :round, :revision, :unit, :author, :name, :quote, :start,"
                                + " :proposed, :text, :at, NULL, NULL, NULL, NULL)")
                        .param("doc", documentId)
                        .param("round", roundId)
                        .param("revision", revision)
                        .param("unit", unitId)
                        .param("author", author)
                        .param("name", authorName)
                        .param("quote", quote)
                        .param("start", anchorStart)
                        .param("proposed", proposed)
                        .param("text", text)
                        .param("at", param(now)));
    }

    List<Comment> comments(long documentId) {
        return jdbc.sql("SELECT * FROM document_comment WHERE document_id = :doc ORDER BY id")
                .param("doc", documentId)
                .query(DocumentStore::comment)
                .list();
    }

    void adopt(long commentId, Adoption adoption, String reason, String by, Instant now) {
        jdbc.sql("UPDATE document_comment SET adoption = :adoption, adoption_reason = :reason, adopted_by = :by,"
                        + " adopted_at = :at WHERE id = :id")
                .param("adoption", adoption.name())
                .param("reason", reason)
                .param("by", by)
                .param("at", param(now))
                .param("id", commentId)
                .update();
    }

    long insertSignature(
            long documentId,
            Signature.Kind kind,
            @Nullable Long personId,
            @Nullable Long unitId,
            String name,
            String opinion,
            LocalDate signedOn,
            String recordedBy,
            int revision,
            Instant now) {
        return insert(jdbc.sql("INSERT INTO document_signature (document_id, kind, person_id, unit_id, name, opinion,"
                        + " signed_on, signed_at, recorded_by, revision, voided_at, void_reason) VALUES (:doc, :kind,"
                        + " :person, :unit, :name, :opinion, :on, :at, :by, :revision, NULL, NULL)")
                .param("doc", documentId)
                .param("kind", kind.name())
                .param("person", personId)
                .param("unit", unitId)
                .param("name", name)
                .param("opinion", opinion)
                .param("on", signedOn)
                .param("at", param(now))
                .param("by", recordedBy)
                .param("revision", revision));
    }

    List<Signature> signatures(long documentId) {
        return jdbc.sql("SELECT * FROM document_signature WHERE document_id = :doc ORDER BY id")
                .param("doc", documentId)
                .query(DocumentStore::signature)
                .list();
    }

    /** Voids every valid signature of these kinds; returns how many. */
    int voidSignatures(long documentId, Collection<Signature.Kind> kinds, String reason, Instant now) {
        return jdbc.sql(
                        "UPDATE document_signature SET voided_at = :at, void_reason = :reason WHERE document_id = :doc AND"
                                + " voided_at IS NULL AND kind IN (:kinds)")
                .param("at", param(now))
                .param("reason", reason)
                .param("doc", documentId)
                .param("kinds", kinds.stream().map(Enum::name).toList())
                .update();
    }

    long insertSeed(
            long meetingId,
            long matterId,
            long organiserId,
            long chairId,
            String title,
            String kind,
            LocalDateTime start,
            String place,
            List<String> present,
            List<String> absent,
            List<String> observers,
            String outcomes,
            List<Decision> decisions,
            Instant now) {
        long id =
                insert(jdbc.sql("INSERT INTO minutes_seed (meeting_id, matter_id, organiser_id, chair_id, title, kind,"
                                + " start_at, place, present, absent, observers, outcomes, received_at, document_id) VALUES"
                                + " (:meeting, :matter, :organiser, :chair, :title, :kind, :start, :place, :present, :absent,"
                                + " :observers, :outcomes, :at, NULL)")
                        .param("meeting", meetingId)
                        .param("matter", matterId)
                        .param("organiser", organiserId)
                        .param("chair", chairId)
                        .param("title", title)
                        .param("kind", kind)
                        .param("start", start)
                        .param("place", place)
                        .param("present", String.join("\n", present))
                        .param("absent", String.join("\n", absent))
                        .param("observers", String.join("\n", observers))
                        .param("outcomes", outcomes)
                        .param("at", param(now)));
        int position = 0;
        for (Decision decision : decisions) {
            jdbc.sql("INSERT INTO minutes_seed_decision (seed_id, position, text, lead_unit_id, cooperating, deadline)"
                            + " VALUES (:seed, :position, :text, :lead, :cooperating, :deadline)")
                    .param("seed", id)
                    .param("position", position++)
                    .param("text", decision.text())
                    .param("lead", decision.leadUnitId())
                    .param("cooperating", join(decision.cooperatingUnitIds()))
                    .param("deadline", decision.deadline())
                    .update();
        }
        return id;
    }

    boolean seedExists(long meetingId) {
        return jdbc.sql("SELECT COUNT(*) FROM minutes_seed WHERE meeting_id = :meeting")
                        .param("meeting", meetingId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    List<MinutesSeed> seeds(@Nullable Long organiserId) {
        String where = organiserId == null ? "" : " WHERE organiser_id = :organiser";
        JdbcClient.StatementSpec spec =
                jdbc.sql("SELECT * FROM minutes_seed" + where + " ORDER BY received_at DESC, id DESC");
        if (organiserId != null) {
            spec = spec.param("organiser", organiserId);
        }
        List<MinutesSeed> bare = spec.query((rs, n) -> seed(rs, List.of())).list();
        List<MinutesSeed> result = new ArrayList<>();
        for (MinutesSeed seed : bare) {
            result.add(withSeedDecisions(seed));
        }
        return result;
    }

    Optional<MinutesSeed> lockSeed(long id) {
        return jdbc.sql("SELECT * FROM minutes_seed WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, n) -> seed(rs, List.of()))
                .optional()
                .map(this::withSeedDecisions);
    }

    void seedDrafted(long seedId, long documentId) {
        jdbc.sql("UPDATE minutes_seed SET document_id = :doc WHERE id = :id")
                .param("doc", documentId)
                .param("id", seedId)
                .update();
    }

    private MinutesSeed withSeedDecisions(MinutesSeed seed) {
        List<Decision> decisions = jdbc.sql(
                        "SELECT text, lead_unit_id, cooperating, deadline FROM minutes_seed_decision"
                                + " WHERE seed_id = :seed ORDER BY position")
                .param("seed", seed.id())
                .query((rs, n) -> decision(rs))
                .list();
        return new MinutesSeed(
                seed.id(),
                seed.meetingId(),
                seed.matterId(),
                seed.organiserId(),
                seed.chairId(),
                seed.title(),
                seed.kind(),
                seed.start(),
                seed.place(),
                seed.present(),
                seed.absent(),
                seed.observers(),
                seed.outcomes(),
                decisions,
                seed.receivedAt(),
                seed.documentId());
    }

    private static MinutesSeed seed(ResultSet rs, List<Decision> decisions) throws SQLException {
        return new MinutesSeed(
                rs.getLong("id"),
                rs.getLong("meeting_id"),
                rs.getLong("matter_id"),
                rs.getLong("organiser_id"),
                rs.getLong("chair_id"),
                rs.getString("title"),
                rs.getString("kind"),
                rs.getObject("start_at", LocalDateTime.class),
                rs.getString("place"),
                lines(rs.getString("present")),
                lines(rs.getString("absent")),
                lines(rs.getString("observers")),
                rs.getString("outcomes"),
                decisions,
                required(rs, "received_at"),
                nullableLong(rs, "document_id"));
    }

    private static Document document(ResultSet rs, int n) throws SQLException {
        return new Document(
                rs.getLong("id"),
                rs.getLong("matter_id"),
                Genre.valueOf(rs.getString("genre")),
                DocumentStatus.valueOf(rs.getString("status")),
                rs.getLong("drafter_id"),
                rs.getLong("issuer_unit_id"),
                rs.getString("issuer_code"),
                rs.getLong("signer_id"),
                nullableLong(rs, "reviewer_id"),
                nullableLong(rs, "meeting_id"),
                rs.getString("minutes_heading"),
                rs.getString("number_text"),
                rs.getObject("document_date", LocalDate.class),
                rs.getInt("revision"),
                required(rs, "created_at"),
                required(rs, "updated_at"),
                instant(rs, "issued_at"));
    }

    private static Revision revision(ResultSet rs, List<Decision> decisions) throws SQLException {
        return new Revision(
                rs.getLong("id"),
                rs.getInt("number"),
                rs.getString("title"),
                rs.getString("urgency"),
                rs.getString("classification"),
                split(rs.getString("main_addressees")),
                split(rs.getString("copy_to")),
                split(rs.getString("co_issuers")),
                rs.getString("body"),
                lines(rs.getString("attachments")),
                rs.getString("note"),
                rs.getString("printing_unit"),
                lines(rs.getString("present")),
                lines(rs.getString("excused")),
                lines(rs.getString("observers")),
                decisions,
                rs.getString("full_text"),
                nullableLong(rs, "ruling_point_id"),
                rs.getString("saved_by"),
                rs.getString("saved_by_name"),
                required(rs, "saved_at"));
    }

    private static Revision withDecisions(Revision r, List<Decision> decisions) {
        return new Revision(
                r.id(),
                r.number(),
                r.title(),
                r.urgency(),
                r.classification(),
                r.mainAddressees(),
                r.copyTo(),
                r.coIssuers(),
                r.body(),
                r.attachments(),
                r.note(),
                r.printingUnit(),
                r.present(),
                r.excused(),
                r.observers(),
                decisions,
                r.fullText(),
                r.rulingPointId(),
                r.savedBy(),
                r.savedByName(),
                r.savedAt());
    }

    private static ConsultationRound round(ResultSet rs, int n) throws SQLException {
        return new ConsultationRound(
                rs.getLong("round_id"),
                rs.getLong("document_id"),
                rs.getInt("number"),
                rs.getLong("point_id"),
                rs.getInt("revision"),
                split(rs.getString("units")),
                rs.getObject("deadline", LocalDate.class),
                rs.getBoolean("silence_agrees"),
                required(rs, "opened_at"));
    }

    private static Comment comment(ResultSet rs, int n) throws SQLException {
        String adoption = rs.getString("adoption");
        int start = rs.getInt("anchor_start");
        Integer anchor = rs.wasNull() ? null : start;
        return new Comment(
                rs.getLong("id"),
                rs.getLong("round_id"),
                rs.getInt("revision"),
                rs.getLong("unit_id"),
                rs.getString("author"),
                rs.getString("author_name"),
                rs.getString("quote"),
                anchor,
                rs.getString("proposed"),
                rs.getString("text"),
                required(rs, "created_at"),
                adoption == null ? null : Adoption.valueOf(adoption),
                rs.getString("adoption_reason"),
                rs.getString("adopted_by"),
                instant(rs, "adopted_at"));
    }

    private static Signature signature(ResultSet rs, int n) throws SQLException {
        return new Signature(
                rs.getLong("id"),
                Signature.Kind.valueOf(rs.getString("kind")),
                nullableLong(rs, "person_id"),
                nullableLong(rs, "unit_id"),
                rs.getString("name"),
                rs.getString("opinion"),
                rs.getObject("signed_on", LocalDate.class),
                required(rs, "signed_at"),
                rs.getString("recorded_by"),
                rs.getInt("revision"),
                instant(rs, "voided_at"),
                rs.getString("void_reason"));
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

    private static OffsetDateTime param(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
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
        return Arrays.stream(ids.split(","))
                .map(String::strip)
                .map(Long::valueOf)
                .toList();
    }

    static List<String> lines(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
