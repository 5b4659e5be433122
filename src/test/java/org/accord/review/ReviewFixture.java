package org.accord.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.accord.directory.Directory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small fixed set of hotline cases and supervised tasks in March 2025 (Asia/Shanghai), long before the demo
 * city's own data, written straight into the owning modules' tables because the modules' flows stamp the present
 * moment and these figures need known past timestamps. Expected figures are worked out by hand in
 * {@link ReviewFiguresIntegrationTest}.
 *
 * <p>Two items sit on a boundary where the zone matters: case 4 is taken in on 1 April 00:30 Beijing time (still
 * 31 March in UTC), and two replies or acceptances fall after midnight Beijing time on the day after their
 * deadline (still the deadline's date in UTC).
 */
final class ReviewFixture {

    static final LocalDate FROM = LocalDate.of(2025, 3, 1);
    static final LocalDate TO = LocalDate.of(2025, 3, 31);

    final long zjj;
    final long slj;

    private final JdbcClient jdbc;

    private ReviewFixture(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.zjj = directory.unitByCode("ZJJ").orElseThrow().id();
        this.slj = directory.unitByCode("SLJ").orElseThrow().id();
    }

    /** Writes the data set once per database. */
    static ReviewFixture load(JdbcClient jdbc, Directory directory) {
        ReviewFixture fixture = new ReviewFixture(jdbc, directory);
        boolean loaded = jdbc.sql("SELECT COUNT(*) FROM hotline_case WHERE case_number LIKE 'RV2025-%'")
                        .query(Long.class)
                        .single()
                > 0;
        if (!loaded) {
            fixture.write();
        }
        return fixture;
    }

    private void write() {
        long c1 = hotlineCase(
                "RV2025-1", "CLOSED", zjj, "2025-03-03T10:00+08:00", true, null, "SATISFIED", 0, "2025-03-10");
        share(c1, zjj, "LEAD", "REPLIED", "2025-03-03T18:00+08:00", "2025-03-03T12:00+08:00", "2025-03-11T01:00+08:00");
        share(c1, slj, "COOPERATING", "SIGNED", "2025-03-03T18:00+08:00", "2025-03-04T09:00+08:00", null);
        long c2 = hotlineCase(
                "RV2025-2", "CLOSED", zjj, "2025-03-05T09:00+08:00", true, null, "UNSATISFIED", 1, "2025-03-12");
        share(c2, zjj, "LEAD", "REPLIED", "2025-03-05T18:00+08:00", "2025-03-05T11:00+08:00", "2025-03-12T10:00+08:00");
        share(c2, slj, "COOPERATING", "RETURNED", "2025-03-05T18:00+08:00", null, null);
        hotlineCase("RV2025-3", "CLOSED", null, "2025-03-20T15:00+08:00", false, "FIRST_CONTACT", null, 0, null);
        long c4 =
                hotlineCase("RV2025-4", "DISPATCHED", zjj, "2025-04-01T00:30+08:00", true, null, null, 0, "2025-04-08");
        share(c4, zjj, "LEAD", "SIGNED", "2025-04-01T18:00+08:00", "2025-04-01T09:00+08:00", null);
        hotlineCase("RV2025-5", "MERGED", zjj, "2025-03-06T09:00+08:00", false, null, null, 0, null);

        task(900001, "MEASURE", "RV 措施一", zjj, "2025-03-10", "COMPLETED", "2025-03-10T20:00+08:00");
        task(900002, "CASE", "RV 工单督办", zjj, "2025-03-15", "COMPLETED", "2025-03-16T01:00+08:00");
        long t3 = task(900003, "MEASURE", "RV 措施三", slj, "2025-03-20", "OPEN", null);
        task(900004, "MEASURE", "RV 措施四", slj, "2025-04-02", "OPEN", null);
        jdbc.sql("INSERT INTO supervision_reminder (task_id, kind, sent_at, recipients) VALUES (?, 'ESCALATE', ?, 'x')")
                .params(t3, OffsetDateTime.parse("2025-03-22T09:00+08:00"))
                .update();
        // The cases were written past the cases module: their days are counted again (docs/review.md, Scale).
        jdbc.sql("DELETE FROM case_figure_day_state WHERE intake_day >= ? AND intake_day <= ?")
                .params(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-04-30"))
                .update();
    }

    private long hotlineCase(
            String number,
            String status,
            Long lead,
            String createdAt,
            boolean dispatched,
            String closing,
            String satisfaction,
            int reopens,
            String deadline) {
        OffsetDateTime created = OffsetDateTime.parse(createdAt);
        jdbc.sql(
                        "INSERT INTO hotline_case (case_number, channel, confidential, description, status, lead_unit_id,"
                                + " reopen_count, escalated, created_by, created_at, updated_at, dispatched_at, closing,"
                                + " satisfaction, deadline, category_code, district_code, urgent)"
                                + " VALUES (?, 'PHONE', FALSE, '回顾测试', ?, ?, ?, FALSE, 'qianhaitao', ?, ?, ?, ?, ?, ?, ?, ?, FALSE)")
                .params(
                        number,
                        status,
                        lead,
                        reopens,
                        created,
                        created,
                        dispatched ? created.plusHours(1) : null,
                        closing,
                        satisfaction,
                        deadline == null ? null : LocalDate.parse(deadline),
                        "NOISE",
                        "DCQ")
                .update();
        return jdbc.sql("SELECT id FROM hotline_case WHERE case_number = ?")
                .param(number)
                .query(Long.class)
                .single();
    }

    private void share(
            long caseId, long unit, String role, String status, String signDue, String signedAt, String reportedAt) {
        jdbc.sql("INSERT INTO case_share (case_id, unit_id, role, status, assigned_at, sign_due, signed_at,"
                        + " reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        caseId,
                        unit,
                        role,
                        status,
                        OffsetDateTime.parse(signDue).minusHours(4),
                        OffsetDateTime.parse(signDue),
                        signedAt == null ? null : OffsetDateTime.parse(signedAt),
                        reportedAt == null ? null : OffsetDateTime.parse(reportedAt))
                .update();
    }

    private long task(
            long sourceId, String kind, String title, long lead, String deadline, String status, String completedAt) {
        jdbc.sql("INSERT INTO supervision_task (source_kind, source_id, title, lead_unit_id, deadline, status,"
                        + " opened_at, completed_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(
                        kind,
                        sourceId,
                        title,
                        lead,
                        LocalDate.parse(deadline),
                        status,
                        OffsetDateTime.parse("2025-03-01T09:00+08:00"),
                        completedAt == null ? null : OffsetDateTime.parse(completedAt))
                .update();
        return jdbc.sql("SELECT id FROM supervision_task WHERE source_kind = ? AND source_id = ?")
                .params(kind, sourceId)
                .query(Long.class)
                .single();
    }
}
