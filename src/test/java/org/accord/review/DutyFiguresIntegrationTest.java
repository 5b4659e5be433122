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
 * The duty figure against values worked out by hand on a few incidents in March 2025 (Beijing time), written
 * straight into the duty tables because the module's flows stamp the present moment. General rules: level II phone
 * 30 and written 60 minutes, III 60 and 120, IV 120 and 240; jurisdiction RVTEST has its own level III phone rule of
 * 10 minutes.
 *
 * <ul>
 *   <li>1 (III, YJJ, accident, 5 March 10:00): phone 10:50, first report 11:55 → both in time, met.
 *   <li>2 (III, YJJ, accident, 6 March 10:00): phone 11:10, 70 minutes → late.
 *   <li>3 (III, RVTEST, SLJ, natural disaster, 7 March 10:00): phone 10:20, in time by the general 60 minutes but
 *       late by the jurisdiction's own 10 → late.
 *   <li>4 (IV, SLJ, natural disaster, 8 March 10:00): phone 10:30, the first report drafted but never submitted;
 *       its clock ran out at 14:00 → decided, late.
 *   <li>7 (II, no unit concerned, accident, 1 March 00:10 Beijing time, still February in UTC): phone 00:30, first
 *       report 01:05 → met.
 *   <li>Left out: 5, a drill; 6, received on 1 April 00:30 Beijing time (31 March in UTC).
 * </ul>
 *
 * Report clocks: base 5, met 2 (1 and 7).
 */
@IntegrationTest
class DutyFiguresIntegrationTest {

    @Autowired
    ReviewFigures figures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    long yjj;
    long slj;
    Period march;

    @BeforeEach
    void load() {
        yjj = directory.unitByCode("YJJ").orElseThrow().id();
        slj = directory.unitByCode("SLJ").orElseThrow().id();
        march = new Period(Period.Kind.CUSTOM, ReviewFixture.FROM, ReviewFixture.TO);
        boolean loaded = jdbc.sql("SELECT COUNT(*) FROM duty_incident WHERE title LIKE 'RV 事件%'")
                        .query(Long.class)
                        .single()
                > 0;
        if (!loaded) {
            write();
        }
    }

    @Test
    void reportClocksByUnit() {
        ReviewFigures.Figures f = figures.figures(march, (Set<Long>) null, "UNIT");

        assertTotal(f, "duty.REPORT_CLOCKS", 5, 2);
        assertValue(f, "duty.REPORT_CLOCKS", String.valueOf(yjj), 2, 1);
        assertValue(f, "duty.REPORT_CLOCKS", String.valueOf(slj), 2, 0);
        assertValue(f, "duty.REPORT_CLOCKS", "-", 1, 1);
        assertThat(f.total("duty.REPORT_CLOCKS").rate()).isEqualTo(40.0);
    }

    @Test
    void reportClocksByClassOfEvent() {
        ReviewFigures.Figures f = figures.figures(march, (Set<Long>) null, "CATEGORY");

        assertValue(f, "duty.REPORT_CLOCKS", "ACCIDENT", 3, 2);
        assertValue(f, "duty.REPORT_CLOCKS", "NATURAL_DISASTER", 2, 0);
        assertThat(f.value("duty.REPORT_CLOCKS", "NATURAL_DISASTER").name()).isEqualTo("自然灾害");
    }

    @Test
    void oneUnitSeesTheIncidentsConcerningIt() {
        assertTotal(figures.figures(march, Set.of(yjj), "UNIT"), "duty.REPORT_CLOCKS", 2, 1);
    }

    @Test
    void theDrillDownListsExactlyTheIncidentsCounted() {
        List<ReviewFigures.Item> items = figures.items("duty.REPORT_CLOCKS", "UNIT", null, march, null, 0, 100);

        assertThat(items)
                .extracting(ReviewFigures.Item::label)
                .containsExactly("RV 事件7", "RV 事件1", "RV 事件2", "RV 事件3", "RV 事件4");
        assertThat(items).extracting(ReviewFigures.Item::met).containsExactly(true, true, false, false, false);
        assertThat(items.get(0).date()).isEqualTo(ReviewFixture.FROM);
        assertThat(items.get(0).href()).startsWith("/duty/incidents/");
        assertThat(figures.items("duty.REPORT_CLOCKS", "UNIT", String.valueOf(slj), march, null, 0, 100))
                .extracting(ReviewFigures.Item::label)
                .containsExactly("RV 事件3", "RV 事件4");
    }

    private void write() {
        jdbc.sql("INSERT INTO duty_clock_rule (jurisdiction, level, channel, minutes, warn_before)"
                        + " VALUES ('RVTEST', 'III', 'PHONE', 10, 2)")
                .update();
        long i1 = incident(
                "RV 事件1", false, "III", "CITY", yjj, "ACCIDENT", "2025-03-05T10:00+08:00", "2025-03-05T10:50+08:00");
        report(i1, "2025-03-05T11:55+08:00");
        long i2 = incident(
                "RV 事件2", false, "III", "CITY", yjj, "ACCIDENT", "2025-03-06T10:00+08:00", "2025-03-06T11:10+08:00");
        report(i2, "2025-03-06T11:30+08:00");
        long i3 = incident(
                "RV 事件3",
                false,
                "III",
                "RVTEST",
                slj,
                "NATURAL_DISASTER",
                "2025-03-07T10:00+08:00",
                "2025-03-07T10:20+08:00");
        report(i3, "2025-03-07T11:00+08:00");
        long i4 = incident(
                "RV 事件4",
                false,
                "IV",
                "CITY",
                slj,
                "NATURAL_DISASTER",
                "2025-03-08T10:00+08:00",
                "2025-03-08T10:30+08:00");
        report(i4, null);
        long i5 = incident(
                "RV 事件5", true, "III", "CITY", yjj, "ACCIDENT", "2025-03-09T10:00+08:00", "2025-03-09T10:10+08:00");
        report(i5, "2025-03-09T10:40+08:00");
        long i6 = incident(
                "RV 事件6", false, "III", "CITY", yjj, "ACCIDENT", "2025-04-01T00:30+08:00", "2025-04-01T00:40+08:00");
        report(i6, "2025-04-01T01:00+08:00");
        long i7 = incident(
                "RV 事件7", false, "II", "CITY", null, "ACCIDENT", "2025-03-01T00:10+08:00", "2025-03-01T00:30+08:00");
        report(i7, "2025-03-01T01:05+08:00");
    }

    private long incident(
            String title,
            boolean drill,
            String level,
            String jurisdiction,
            Long concerned,
            String eventClass,
            String receivedAt,
            String phoneAt) {
        OffsetDateTime received = OffsetDateTime.parse(receivedAt);
        jdbc.sql("INSERT INTO duty_incident (matter_id, drill, title, received_at, recorded_at, recorded_by,"
                        + " reporter_name, reporter_authoritative, intake_channel, event_class, event_type, level,"
                        + " concerned_unit_id, jurisdiction, place, what, deaths, injured, missing, verification,"
                        + " verification_advised, status, phone_reported_at) VALUES (900001, ?, ?, ?, ?, 1, '报告人',"
                        + " TRUE, 'PHONE', ?, '回顾测试', ?, ?, ?, '回顾测试', '回顾测试', 0, 0, 0, 'VERIFIED', FALSE,"
                        + " 'CLOSED', ?)")
                .params(
                        drill,
                        title,
                        received,
                        received.plusMinutes(2),
                        eventClass,
                        level,
                        concerned,
                        jurisdiction,
                        OffsetDateTime.parse(phoneAt))
                .update();
        return jdbc.sql("SELECT id FROM duty_incident WHERE title = ?")
                .param(title)
                .query(Long.class)
                .single();
    }

    private void report(long incident, String submittedAt) {
        jdbc.sql("INSERT INTO duty_report (incident_id, kind, number, body, verification, correcting, created_at,"
                        + " created_by, submitted_at) VALUES (?, 'FIRST', 1, '首报', 'VERIFIED', FALSE, ?, 1, ?)")
                .params(
                        incident,
                        OffsetDateTime.parse("2025-02-01T00:00+08:00"),
                        submittedAt == null ? null : OffsetDateTime.parse(submittedAt))
                .update();
    }

    private static void assertTotal(ReviewFigures.Figures f, String figure, long base, long met) {
        ReviewFigures.Value v = f.total(figure);
        assertThat(v).as(figure).isNotNull();
        assertThat(new long[] {v.base(), v.met()}).as(figure).containsExactly(base, met);
    }

    private static void assertValue(ReviewFigures.Figures f, String figure, String key, long base, long met) {
        ReviewFigures.Value v = f.value(figure, key);
        assertThat(v).as(figure + " " + key).isNotNull();
        assertThat(new long[] {v.base(), v.met()}).as(figure + " " + key).containsExactly(base, met);
    }
}
