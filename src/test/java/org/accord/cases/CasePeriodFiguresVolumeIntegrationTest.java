package org.accord.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements' shortcuts for volume (ADR 0025) leave the figures as they were: a share is counted with its
 * case's period however late it was assigned, and a share assigned within the period to a case taken in before
 * it is not; the drill-down pages through exactly the counted items. January 2020 (Beijing time), one unit of its
 * own making, so the demo data's cases never mix in.
 */
@IntegrationTest
class CasePeriodFiguresVolumeIntegrationTest {

    private static final Instant JANUARY =
            OffsetDateTime.parse("2020-01-01T00:00+08:00").toInstant();
    private static final Instant FEBRUARY =
            OffsetDateTime.parse("2020-02-01T00:00+08:00").toInstant();

    @Autowired
    CasePeriodFigures figures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sharesCountWithTheirCasesPeriodHoweverLateTheyWereAssigned() {
        long unit = 990_001;
        // Taken in on 31 January 23:30, dispatched three weeks later: January's.
        long late = hotlineCase("VOL-2020-LATE", "2020-01-31T23:30+08:00");
        share(late, unit, "2020-02-21T09:00+08:00", "2020-02-21T10:00+08:00");
        // Taken in on 31 December 23:00, dispatched on 5 January: December's, though its share is January's.
        long december = hotlineCase("VOL-2019-DEC", "2019-12-31T23:00+08:00");
        share(december, unit, "2020-01-05T09:00+08:00", "2020-01-05T16:00+08:00");
        // Taken in and dispatched in January, signed late.
        long early = hotlineCase("VOL-2020-EARLY", "2020-01-02T08:00+08:00");
        share(early, unit, "2020-01-02T09:00+08:00", "2020-01-02T15:00+08:00");
        // Written past the cases module: their days are counted again (docs/review.md, Scale).
        jdbc.sql("DELETE FROM case_figure_day_state").update();

        List<CasePeriodFigures.Count> counts = figures.counts("UNIT", JANUARY, FEBRUARY, Set.of(unit));

        assertThat(counts)
                .filteredOn(c -> c.figure().equals("ON_TIME_SIGN"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.key()).isEqualTo(String.valueOf(unit));
                    assertThat(c.base()).isEqualTo(2);
                    assertThat(c.met()).isEqualTo(1);
                });
        assertThat(figures.items("ON_TIME_SIGN", "UNIT", String.valueOf(unit), JANUARY, FEBRUARY, Set.of(unit), 0, 10))
                .extracting(CasePeriodFigures.Item::label, CasePeriodFigures.Item::met)
                .containsExactly(tuple("VOL-2020-LATE", true), tuple("VOL-2020-EARLY", false));
        // A page of one: the second page holds the second item, in the same order.
        assertThat(figures.items("ON_TIME_SIGN", "UNIT", null, JANUARY, FEBRUARY, Set.of(unit), 1, 1))
                .extracting(CasePeriodFigures.Item::label)
                .containsExactly("VOL-2020-EARLY");
    }

    private long hotlineCase(String number, String createdAt) {
        OffsetDateTime created = OffsetDateTime.parse(createdAt);
        jdbc.sql("INSERT INTO hotline_case (case_number, channel, confidential, description, status, lead_unit_id,"
                        + " reopen_count, escalated, created_by, created_at, updated_at, dispatched_at, category_code,"
                        + " district_code, urgent) VALUES (?, 'PHONE', FALSE, '容量测试', 'DISPATCHED', 990001, 0, FALSE,"
                        + " 'qianhaitao', ?, ?, ?, 'NOISE', 'DCQ', FALSE)")
                .params(number, created, created, created.plusHours(1))
                .update();
        return jdbc.sql("SELECT id FROM hotline_case WHERE case_number = ?")
                .param(number)
                .query(Long.class)
                .single();
    }

    private void share(long caseId, long unit, String assignedAt, String signedAt) {
        OffsetDateTime assigned = OffsetDateTime.parse(assignedAt);
        jdbc.sql("INSERT INTO case_share (case_id, unit_id, role, status, assigned_at, sign_due, signed_at)"
                        + " VALUES (?, ?, 'LEAD', 'SIGNED', ?, ?, ?)")
                .params(caseId, unit, assigned, assigned.plusHours(4), OffsetDateTime.parse(signedAt))
                .update();
    }
}
