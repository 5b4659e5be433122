package org.accord.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.accord.directory.Directory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small fixed set of issued documents and duty incidents in May 2025 (Asia/Shanghai), written straight into the
 * documents and duty tables because the modules' flows stamp the present moment. May keeps it apart from
 * {@link ReviewFixture}'s March. Worked out by hand:
 *
 * <p><b>Documents</b> (drafters 黄海涛 of 秘书科 and 龙明辉 of 文电科):
 *
 * <ul>
 *   <li>A (黄海涛, 通知): first draft 5 May 09:00, issued 9 May 09:00 → 4.0 days; 1 round asking SLJ; SLJ's two
 *       comments ADOPTED and NOT_ADOPTED.
 *   <li>B (龙明辉, 意见): first draft 2 May 10:00, issued 12 May 10:00 → 10.0 days; 3 rounds asking ZJJ and SLJ;
 *       ZJJ's comment PARTLY, SLJ's ADOPTED, a second ZJJ comment not answered yet (not in the base).
 *   <li>C (黄海涛, 通知): first draft 10 May 08:00, issued 13 May 20:00 → 3.5 days; never sent for comments (out of
 *       the rounds' base).
 *   <li>Left out: D, still being drafted, with 2 rounds and a comment; E, issued 1 June 00:30 Beijing time (still 31
 *       May in UTC).
 * </ul>
 *
 * Rounds to consensus: (1 + 3) / 2 = 2.0. Comments adopted: 3 of 4 = 75.0 %. Days to issuance: (4 + 10 + 3.5) / 3
 * = 5.8; per section 秘书科 (4 + 3.5) / 2 = 3.75 → 3.8 and 文电科 10.0, whose plain mean 6.9 would be wrong.
 *
 * <p><b>Duty</b> (incidents concerning YJJ and SLJ):
 *
 * <ul>
 *   <li>1 (YJJ, 6 May): leader on duty told 10:05, acknowledged 10:17; overseeing leader told 10:05, acknowledged
 *       10:11 → first acknowledgment after 6 minutes. Units YJJ and XFZD told 10:06, acknowledged 10:20 and 10:36 →
 *       30 minutes to the last. An instruction relayed at 11:00 and not acknowledged does not count.
 *   <li>2 (YJJ, 7 May): leader on duty told 09:00, never acknowledged; escalated leader told 09:05, acknowledged
 *       09:24 → 24 minutes from the first telling. Units YJJ (acknowledged 09:10) and WJW (not yet) → left out of
 *       the units' average.
 *   <li>3 (SLJ, 8 May): leader on duty told 14:00, acknowledged 14:30 → 30. Unit SLJ told 14:01, acknowledged
 *       14:13 → 12.
 *   <li>Left out: 4, a drill with acknowledgments; 5, nobody told.
 * </ul>
 *
 * Leader acknowledgment: (6 + 24 + 30) / 3 = 20.0 (YJJ 15.0, SLJ 30.0). All units: (30 + 12) / 2 = 21.0 (YJJ 30.0,
 * SLJ 12.0).
 */
final class AveragesFixture {

    static final LocalDate FROM = LocalDate.of(2025, 5, 1);
    static final LocalDate TO = LocalDate.of(2025, 5, 31);
    static final String MAY = "period=CUSTOM&from=2025-05-01&to=2025-05-31";

    final long zjj;
    final long slj;
    final long yjj;
    final long secretariat;
    final long documentsSection;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final long huang;
    private final long long_;
    private long round = 990_100;

    private AveragesFixture(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
        zjj = directory.unitByCode("ZJJ").orElseThrow().id();
        slj = directory.unitByCode("SLJ").orElseThrow().id();
        yjj = directory.unitByCode("YJJ").orElseThrow().id();
        huang = directory.personByCode("P0011").orElseThrow().id();
        long_ = directory.personByCode("P0022").orElseThrow().id();
        secretariat = directory.person(huang).orElseThrow().unitId();
        documentsSection = directory.person(long_).orElseThrow().unitId();
    }

    /** Writes the data set once per database. */
    static AveragesFixture load(JdbcClient jdbc, Directory directory) {
        AveragesFixture fixture = new AveragesFixture(jdbc, directory);
        boolean loaded = jdbc.sql("SELECT COUNT(*) FROM document_revision WHERE title LIKE 'RA 公文%'")
                        .query(Long.class)
                        .single()
                > 0;
        if (!loaded) {
            fixture.writeDocuments();
            fixture.writeIncidents();
        }
        return fixture;
    }

    private void writeDocuments() {
        long a = document("RA 公文A", huang, "NOTICE", "ISSUED", "2025-05-05T09:00+08:00", "2025-05-09T09:00+08:00");
        long roundA = round(a, 1, slj);
        comment(a, roundA, slj, "ADOPTED");
        comment(a, roundA, slj, "NOT_ADOPTED");

        long b = document("RA 公文B", long_, "OPINION", "ISSUED", "2025-05-02T10:00+08:00", "2025-05-12T10:00+08:00");
        long roundB = round(b, 1, zjj, slj);
        comment(b, roundB, zjj, "PARTLY");
        round(b, 2, zjj, slj);
        long lastB = round(b, 3, zjj, slj);
        comment(b, lastB, slj, "ADOPTED");
        comment(b, lastB, zjj, null);

        document("RA 公文C", huang, "NOTICE", "ISSUED", "2025-05-10T08:00+08:00", "2025-05-13T20:00+08:00");

        long d = document("RA 公文D", huang, "NOTICE", "DRAFTING", "2025-05-03T08:00+08:00", null);
        long roundD = round(d, 1, slj);
        round(d, 2, slj);
        comment(d, roundD, slj, "ADOPTED");

        document("RA 公文E", long_, "NOTICE", "ISSUED", "2025-05-20T08:00+08:00", "2025-06-01T00:30+08:00");
    }

    private long document(
            String title, long drafter, String genre, String status, String firstDraft, @Nullable String issued) {
        OffsetDateTime drafted = OffsetDateTime.parse(firstDraft);
        jdbc.sql("INSERT INTO document (matter_id, genre, status, drafter_id, issuer_unit_id, issuer_code, signer_id,"
                        + " revision, created_at, updated_at, issued_at, number_text)"
                        + " VALUES (990001, ?, ?, ?, ?, '示例府办发', ?, 2, ?, ?, ?, ?)")
                .params(
                        genre,
                        status,
                        drafter,
                        secretariat,
                        huang,
                        drafted,
                        drafted,
                        issued == null ? null : OffsetDateTime.parse(issued),
                        issued == null ? null : "示例府办发〔2025〕" + title.charAt(title.length() - 1) + "号")
                .update();
        long id = jdbc.sql("SELECT MAX(id) FROM document WHERE matter_id = 990001")
                .query(Long.class)
                .single();
        // Two revisions: the first draft, and a later one (the current) a day on, which must not move the start.
        revision(id, 1, title, drafted);
        revision(id, 2, title, drafted.plusDays(1));
        return id;
    }

    private void revision(long document, int number, String title, OffsetDateTime savedAt) {
        jdbc.sql("INSERT INTO document_revision (document_id, number, title, main_addressees, copy_to, co_issuers,"
                        + " body, attachments, present, excused, observers, full_text, saved_by, saved_by_name,"
                        + " saved_at) VALUES (?, ?, ?, '', '', '', '正文', '', '', '', '', '正文', 'huanghaitao',"
                        + " '黄海涛', ?)")
                .params(document, number, title, savedAt)
                .update();
    }

    private long round(long document, int number, long... units) {
        long id = round++;
        StringBuilder asked = new StringBuilder();
        for (long unit : units) {
            asked.append(asked.isEmpty() ? "" : ",").append(unit);
            jdbc.sql("INSERT INTO document_recipient (document_id, unit_id, reason, since) SELECT ?, ?, 'ROUND', ?"
                            + " WHERE NOT EXISTS (SELECT 1 FROM document_recipient WHERE document_id = ? AND"
                            + " unit_id = ? AND reason = 'ROUND')")
                    .params(document, unit, OffsetDateTime.parse("2025-05-01T00:00+08:00"), document, unit)
                    .update();
        }
        jdbc.sql("INSERT INTO document_round (round_id, document_id, number, point_id, revision, units, deadline,"
                        + " silence_agrees, opened_at) VALUES (?, ?, ?, 990001, 1, ?, ?, TRUE, ?)")
                .params(
                        id,
                        document,
                        number,
                        asked.toString(),
                        LocalDate.of(2025, 5, 20),
                        OffsetDateTime.parse("2025-05-01T00:00+08:00"))
                .update();
        return id;
    }

    private void comment(long document, long round, long unit, @Nullable String adoption) {
        jdbc.sql("INSERT INTO document_comment (document_id, round_id, revision, unit_id, author, author_name, text,"
                        + " created_at, adoption, adoption_reason) VALUES (?, ?, 1, ?, 'weilijuan', '魏丽娟', '意见',"
                        + " ?, ?, ?)")
                .params(
                        document,
                        round,
                        unit,
                        OffsetDateTime.parse("2025-05-03T00:00+08:00"),
                        adoption,
                        adoption == null || adoption.equals("ADOPTED") ? null : "理由")
                .update();
    }

    private void writeIncidents() {
        long wjw = directory.unitByCode("WJW").orElseThrow().id();
        long xfzd = directory.unitByCode("XFZD").orElseThrow().id();
        long i1 = incident("RA 事件1", false, yjj, "2025-05-06T10:00+08:00");
        notification(i1, "LEADER_ON_DUTY", null, "2025-05-06T10:05+08:00", "2025-05-06T10:17+08:00");
        notification(i1, "OVERSEEING_LEADER", null, "2025-05-06T10:05+08:00", "2025-05-06T10:11+08:00");
        notification(i1, "UNIT", yjj, "2025-05-06T10:06+08:00", "2025-05-06T10:20+08:00");
        notification(i1, "UNIT", xfzd, "2025-05-06T10:06+08:00", "2025-05-06T10:36+08:00");
        notification(i1, "INSTRUCTION", yjj, "2025-05-06T11:00+08:00", null);

        long i2 = incident("RA 事件2", false, yjj, "2025-05-07T08:55+08:00");
        notification(i2, "LEADER_ON_DUTY", null, "2025-05-07T09:00+08:00", null);
        notification(i2, "ESCALATED_LEADER", null, "2025-05-07T09:05+08:00", "2025-05-07T09:24+08:00");
        notification(i2, "UNIT", yjj, "2025-05-07T09:02+08:00", "2025-05-07T09:10+08:00");
        notification(i2, "UNIT", wjw, "2025-05-07T09:02+08:00", null);

        long i3 = incident("RA 事件3", false, slj, "2025-05-08T13:55+08:00");
        notification(i3, "LEADER_ON_DUTY", null, "2025-05-08T14:00+08:00", "2025-05-08T14:30+08:00");
        notification(i3, "UNIT", slj, "2025-05-08T14:01+08:00", "2025-05-08T14:13+08:00");

        long i4 = incident("RA 事件4", true, yjj, "2025-05-09T10:00+08:00");
        notification(i4, "LEADER_ON_DUTY", null, "2025-05-09T10:01+08:00", "2025-05-09T10:02+08:00");
        notification(i4, "UNIT", yjj, "2025-05-09T10:01+08:00", "2025-05-09T10:03+08:00");

        incident("RA 事件5", false, slj, "2025-05-10T10:00+08:00");
    }

    private long incident(String title, boolean drill, long concerned, String receivedAt) {
        OffsetDateTime received = OffsetDateTime.parse(receivedAt);
        jdbc.sql("INSERT INTO duty_incident (matter_id, drill, title, received_at, recorded_at, recorded_by,"
                        + " reporter_name, reporter_authoritative, intake_channel, event_class, event_type, level,"
                        + " concerned_unit_id, jurisdiction, place, what, deaths, injured, missing, verification,"
                        + " verification_advised, status, phone_reported_at) VALUES (990001, ?, ?, ?, ?, 1, '报告人',"
                        + " TRUE, 'PHONE', 'ACCIDENT', '回顾测试', 'III', ?, 'CITY', '回顾测试', '回顾测试', 0, 0, 0,"
                        + " 'VERIFIED', FALSE, 'CLOSED', ?)")
                .params(drill, title, received, received.plusMinutes(2), concerned, received.plusMinutes(20))
                .update();
        return jdbc.sql("SELECT id FROM duty_incident WHERE title = ?")
                .param(title)
                .query(Long.class)
                .single();
    }

    private void notification(
            long incident, String kind, @Nullable Long unit, String sentAt, @Nullable String acknowledgedAt) {
        jdbc.sql("INSERT INTO duty_notification (incident_id, kind, person_id, unit_id, name, sent_at,"
                        + " acknowledged_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        incident,
                        kind,
                        unit == null ? huang : null,
                        unit,
                        unit == null ? "领导" : "单位",
                        OffsetDateTime.parse(sentAt),
                        acknowledgedAt == null ? null : OffsetDateTime.parse(acknowledgedAt))
                .update();
    }
}
