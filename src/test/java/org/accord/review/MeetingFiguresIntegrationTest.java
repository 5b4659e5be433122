package org.accord.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.accord.directory.Directory;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The meeting figures against values worked out by hand on a small March 2025 data set (Beijing time), written
 * straight into the meetings tables because the module's flows stamp the present moment.
 *
 * <p>Meeting 1 (协调会, held 10 March 09:00, receipts due 7 March 17:00): ZJJ asked for its deputy, answered on 6
 * March sending its head, signed in; SLJ asked for its head, answered late on 8 March sending the deputy (a
 * substitute), signed in; CGJ asked for its deputy, never answered. Meeting 4 (专题会议, 1 March 00:30 Beijing
 * time, still 28 February in UTC, so it counts in March): ZJJ asked for staff, answered exactly at the deadline,
 * did not sign in; SLJ declined on time. Left out: a cancelled meeting in March, and one on 1 April 00:30 Beijing
 * time (31 March in UTC).
 *
 * <ul>
 *   <li>Receipts on time: base 5 (every unit asked, all deadlines passed); met 3 (M1 ZJJ, M4 ZJJ, M4 SLJ).
 *   <li>Attendance as required: base 5 (both meetings held); met 1 (M1 ZJJ: head for deputy). SLJ's deputy for
 *       its head is below the level asked, M4 ZJJ did not sign in, a declined or missing receipt is not attendance.
 *   <li>Substitutes: base 3 (receipts saying the unit attends: M1 ZJJ, M1 SLJ, M4 ZJJ); met 1 (M1 SLJ).
 * </ul>
 */
@IntegrationTest
class MeetingFiguresIntegrationTest {

    @Autowired
    ReviewFigures figures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    long zjj;
    long slj;
    long cgj;
    Period march;

    @BeforeEach
    void load() {
        zjj = directory.unitByCode("ZJJ").orElseThrow().id();
        slj = directory.unitByCode("SLJ").orElseThrow().id();
        cgj = directory.unitByCode("CGJ").orElseThrow().id();
        march = new Period(Period.Kind.CUSTOM, ReviewFixture.FROM, ReviewFixture.TO);
        boolean loaded = jdbc.sql("SELECT COUNT(*) FROM meetings_meeting WHERE uid LIKE 'rv2025-%'")
                        .query(Long.class)
                        .single()
                > 0;
        if (!loaded) {
            write();
        }
    }

    @Test
    void theWholeOfficeByUnit() {
        ReviewFigures.Figures f = figures.figures(march, (Set<Long>) null, "UNIT");

        assertTotal(f, "meetings.RECEIPT_ON_TIME", 5, 3);
        assertValue(f, "meetings.RECEIPT_ON_TIME", zjj, 2, 2);
        assertValue(f, "meetings.RECEIPT_ON_TIME", slj, 2, 1);
        assertValue(f, "meetings.RECEIPT_ON_TIME", cgj, 1, 0);
        assertTotal(f, "meetings.ATTENDANCE_AS_REQUIRED", 5, 1);
        assertValue(f, "meetings.ATTENDANCE_AS_REQUIRED", zjj, 2, 1);
        assertValue(f, "meetings.ATTENDANCE_AS_REQUIRED", slj, 2, 0);
        assertValue(f, "meetings.ATTENDANCE_AS_REQUIRED", cgj, 1, 0);
        assertTotal(f, "meetings.SUBSTITUTES", 3, 1);
        assertValue(f, "meetings.SUBSTITUTES", zjj, 2, 0);
        assertValue(f, "meetings.SUBSTITUTES", slj, 1, 1);
        // CGJ never answered, so it has no receipt saying it attends: no substitutes figure for it.
        assertThat(f.value("meetings.SUBSTITUTES", String.valueOf(cgj))).isNull();
        assertThat(f.total("meetings.RECEIPT_ON_TIME").rate()).isEqualTo(60.0);
    }

    @Test
    void byKindOfMeeting() {
        ReviewFigures.Figures f = figures.figures(march, (Set<Long>) null, "CATEGORY");

        assertValue(f, "meetings.RECEIPT_ON_TIME", "COORDINATION", 3, 1);
        assertValue(f, "meetings.RECEIPT_ON_TIME", "THEMATIC", 2, 2);
        assertThat(f.value("meetings.RECEIPT_ON_TIME", "COORDINATION").name()).isEqualTo("协调会");
        assertTotal(f, "meetings.RECEIPT_ON_TIME", 5, 3);
    }

    @Test
    void oneUnitSeesOnlyItsOwnAttendance() {
        ReviewFigures.Figures f = figures.figures(march, Set.of(zjj), "UNIT");

        assertTotal(f, "meetings.RECEIPT_ON_TIME", 2, 2);
        assertTotal(f, "meetings.ATTENDANCE_AS_REQUIRED", 2, 1);
        assertTotal(f, "meetings.SUBSTITUTES", 2, 0);
    }

    @Test
    void theDrillDownListsExactlyTheUnitsCounted() {
        ReviewFigures.Figures f = figures.figures(march, (Set<Long>) null, "UNIT");
        for (String figure :
                List.of("meetings.RECEIPT_ON_TIME", "meetings.ATTENDANCE_AS_REQUIRED", "meetings.SUBSTITUTES")) {
            ReviewFigures.Value total = f.total(figure);
            List<ReviewFigures.Item> items = figures.items(figure, "UNIT", null, march, null, 0, 1000);
            assertThat(items).as(figure).hasSize((int) total.base());
            assertThat(items.stream().filter(ReviewFigures.Item::met).count())
                    .as(figure)
                    .isEqualTo(total.met());
        }
        List<ReviewFigures.Item> slj =
                figures.items("meetings.RECEIPT_ON_TIME", "UNIT", String.valueOf(this.slj), march, null, 0, 100);
        // Met first: the declined receipt for meeting 4 on time, then meeting 1's late one.
        assertThat(slj).extracting(ReviewFigures.Item::label).containsExactly("RV 专题会", "RV 协调会");
        assertThat(slj).extracting(ReviewFigures.Item::met).containsExactly(true, false);
        assertThat(slj.get(0).date()).isEqualTo(ReviewFixture.FROM);
        assertThat(slj.get(1).href()).startsWith("/meetings/");
    }

    private void write() {
        long m1 = meeting(
                "rv2025-1", "RV 协调会", "COORDINATION", "CONCLUDED", "2025-03-10T09:00+08:00", "2025-03-07T17:00+08:00");
        unit(m1, zjj, "IN_CHARGE");
        unit(m1, slj, "PRINCIPAL");
        unit(m1, cgj, "IN_CHARGE");
        receipt(m1, zjj, true, "PRINCIPAL", false, "2025-03-06T10:00+08:00", "2025-03-10T08:50+08:00");
        receipt(m1, slj, true, "IN_CHARGE", true, "2025-03-08T09:00+08:00", "2025-03-10T08:55+08:00");

        long m2 =
                meeting("rv2025-2", "RV 取消的会", "WORK", "CANCELLED", "2025-03-12T09:00+08:00", "2025-03-11T17:00+08:00");
        unit(m2, zjj, "PRINCIPAL");

        long m3 = meeting(
                "rv2025-3", "RV 四月的会", "THEMATIC", "NOTIFIED", "2025-04-01T00:30+08:00", "2025-03-31T12:00+08:00");
        unit(m3, zjj, "PRINCIPAL");

        long m4 = meeting(
                "rv2025-4", "RV 专题会", "THEMATIC", "CONCLUDED", "2025-03-01T00:30+08:00", "2025-02-28T12:00+08:00");
        unit(m4, zjj, "STAFF");
        unit(m4, slj, "IN_CHARGE");
        receipt(m4, zjj, true, "STAFF", false, "2025-02-28T12:00+08:00", null);
        receipt(m4, slj, false, null, false, "2025-02-27T12:00+08:00", null);
    }

    private long meeting(String uid, String title, String kind, String status, String startsAt, String deadline) {
        OffsetDateTime starts = OffsetDateTime.parse(startsAt);
        jdbc.sql("INSERT INTO meetings_meeting (matter_id, title, kind, status, chair_person_id,"
                        + " organiser_person_id, organiser_unit_id, place, starts_at, ends_at, receipt_deadline,"
                        + " background, purpose, basis, contact_name, contact_phone, urgent, uid, sequence,"
                        + " created_at) VALUES (900001, ?, ?, ?, 1, 1, ?, '第一会议室', ?, ?, ?, '回顾测试', '回顾测试',"
                        + " '回顾测试', '联系人', '0000', FALSE, ?, 0, ?)")
                .params(
                        title,
                        kind,
                        status,
                        zjj,
                        starts,
                        starts.plusHours(2),
                        OffsetDateTime.parse(deadline),
                        uid,
                        starts.minusDays(10))
                .update();
        return jdbc.sql("SELECT id FROM meetings_meeting WHERE uid = ?")
                .param(uid)
                .query(Long.class)
                .single();
    }

    private void unit(long meeting, long unit, String level) {
        jdbc.sql("INSERT INTO meetings_attending_unit (meeting_id, unit_id, level, important, observer)"
                        + " VALUES (?, ?, ?, FALSE, FALSE)")
                .params(meeting, unit, level)
                .update();
    }

    private void receipt(
            long meeting,
            long unit,
            boolean attending,
            String level,
            boolean substitute,
            String answeredAt,
            String signedInAt) {
        jdbc.sql("INSERT INTO meetings_receipt (meeting_id, unit_id, attending, attendee_name, attendee_level,"
                        + " substitute, answered_by, answered_at, token, signed_in_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'weilijuan', ?, ?, ?)")
                .params(
                        meeting,
                        unit,
                        attending,
                        attending ? "参会人" : null,
                        level,
                        substitute,
                        OffsetDateTime.parse(answeredAt),
                        "rv-" + meeting + "-" + unit,
                        signedInAt == null ? null : OffsetDateTime.parse(signedInAt))
                .update();
    }

    private static void assertTotal(ReviewFigures.Figures f, String figure, long base, long met) {
        ReviewFigures.Value v = f.total(figure);
        assertThat(v).as(figure).isNotNull();
        assertThat(new long[] {v.base(), v.met()}).as(figure).containsExactly(base, met);
    }

    private static void assertValue(ReviewFigures.Figures f, String figure, Object key, long base, long met) {
        ReviewFigures.Value v = f.value(figure, String.valueOf(key));
        assertThat(v).as(figure + " " + key).isNotNull();
        assertThat(new long[] {v.base(), v.met()}).as(figure + " " + key).containsExactly(base, met);
    }
}
