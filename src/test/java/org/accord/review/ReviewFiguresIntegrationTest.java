package org.accord.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.accord.directory.Directory;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures against values worked out by hand on {@link ReviewFixture}'s March 2025 data set.
 *
 * <p>Cases taken in during March (Beijing time): 1 (lead ZJJ, satisfied, not reopened), 2 (lead ZJJ, unsatisfied,
 * reopened once), 3 (no lead, closed at first contact); 4 is taken in on 1 April Beijing time and 5 is merged, so
 * neither counts. Shares: case 1 ZJJ lead signed on time, replied 11 March 01:00 (deadline 10 March: late in
 * Beijing, though on time by the UTC date); case 1 SLJ signed late; case 2 ZJJ lead signed on time, replied on its
 * deadline; case 2 SLJ returned, never signed.
 *
 * <p>Tasks due in March: ZJJ's measure accepted on its deadline day (on time), ZJJ's case task accepted 16 March
 * 01:00 for a 15 March deadline (late), SLJ's measure still open after 20 March and escalated; SLJ's April task does
 * not count.
 */
@IntegrationTest
class ReviewFiguresIntegrationTest {

    @Autowired
    ReviewFigures figures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    ReviewFixture fixture;
    Period march;

    @BeforeEach
    void load() {
        fixture = ReviewFixture.load(jdbc, directory);
        march = new Period(Period.Kind.CUSTOM, ReviewFixture.FROM, ReviewFixture.TO);
    }

    @Test
    void theWholeOfficeByUnit() {
        ReviewFigures.Figures f = figures.figures(march, (Set<Long>) null, "UNIT");
        String zjj = String.valueOf(fixture.zjj);
        String slj = String.valueOf(fixture.slj);

        // First contact: cases 1, 2 under ZJJ (0 met), case 3 without a lead (met) → 1 of 3.
        assertTotal(f, "cases.FIRST_CONTACT", 3, 1);
        assertValue(f, "cases.FIRST_CONTACT", zjj, 2, 0);
        assertValue(f, "cases.FIRST_CONTACT", "-", 1, 1);
        // Satisfaction: visited cases 1 (satisfied) and 2 (unsatisfied) → 1 of 2.
        assertTotal(f, "cases.SATISFACTION", 2, 1);
        // Reopen: dispatched cases 1 and 2, case 2 reopened → 1 of 2.
        assertTotal(f, "cases.REOPEN", 2, 1);
        // On-time sign-for: signed shares c1-ZJJ (on time), c1-SLJ (late), c2-ZJJ (on time).
        assertValue(f, "cases.ON_TIME_SIGN", zjj, 2, 2);
        assertValue(f, "cases.ON_TIME_SIGN", slj, 1, 0);
        assertTotal(f, "cases.ON_TIME_SIGN", 3, 2);
        // On-time completion: ZJJ's two approved replies, case 1's a day late in Beijing → 1 of 2.
        assertValue(f, "cases.ON_TIME_COMPLETION", zjj, 2, 1);
        assertTotal(f, "cases.ON_TIME_COMPLETION", 2, 1);
        // Returns: four shares, c2-SLJ returned.
        assertValue(f, "cases.RETURN", zjj, 2, 0);
        assertValue(f, "cases.RETURN", slj, 2, 1);
        assertTotal(f, "cases.RETURN", 4, 1);

        // Tasks: on time 1 of 3 decided; overdue 2 of 3 (ZJJ's late acceptance, SLJ's open one); escalated 1 of 3.
        assertTotal(f, "supervision.ON_TIME", 3, 1);
        assertValue(f, "supervision.ON_TIME", zjj, 2, 1);
        assertTotal(f, "supervision.OVERDUE", 3, 2);
        assertValue(f, "supervision.OVERDUE", slj, 1, 1);
        assertTotal(f, "supervision.ESCALATED", 3, 1);
        assertValue(f, "supervision.ESCALATED", slj, 1, 1);
        assertThat(f.value("cases.ON_TIME_SIGN", zjj).rate()).isEqualTo(100.0);
        assertThat(f.value("cases.REOPEN", zjj).rate()).isEqualTo(50.0);
    }

    @Test
    void oneUnitSeesOnlyItsOwnWork() {
        ReviewFigures.Figures f = figures.figures(march, Set.of(fixture.zjj), "UNIT");

        assertTotal(f, "cases.FIRST_CONTACT", 2, 0);
        assertTotal(f, "cases.ON_TIME_SIGN", 2, 2);
        assertTotal(f, "cases.RETURN", 2, 0);
        assertTotal(f, "supervision.OVERDUE", 2, 1);
        assertTotal(f, "supervision.ESCALATED", 2, 0);
        assertThat(f.groups()).containsOnlyKeys(String.valueOf(fixture.zjj));
    }

    @Test
    void byCategoryTheGroupsSplitTheSameTotals() {
        ReviewFigures.Figures f = figures.figures(march, (Set<Long>) null, "CATEGORY");

        // All cases are 噪音; tasks split by source: MEASURE (2: one on time of 1 decided… both decided) and CASE (1).
        assertValue(f, "cases.FIRST_CONTACT", "NOISE", 3, 1);
        assertThat(f.value("cases.FIRST_CONTACT", "NOISE").name()).isEqualTo("噪音");
        assertValue(f, "supervision.ON_TIME", "MEASURE", 2, 1);
        assertValue(f, "supervision.ON_TIME", "CASE", 1, 0);
        assertTotal(f, "supervision.ON_TIME", 3, 1);
    }

    @Test
    void theDrillDownListsExactlyTheItemsCounted() {
        ReviewFigures.Figures f = figures.figures(march, (Set<Long>) null, "UNIT");
        for (ReviewFigures.Value total : f.totals()) {
            List<ReviewFigures.Item> items = figures.items(total.figure(), "UNIT", null, march, null, 0, 1000);
            assertThat(items).as(total.figure()).hasSize((int) total.base());
            assertThat(items.stream().filter(ReviewFigures.Item::met).count())
                    .as(total.figure())
                    .isEqualTo(total.met());
        }
        List<ReviewFigures.Item> slowReplies =
                figures.items("cases.ON_TIME_COMPLETION", "UNIT", String.valueOf(fixture.zjj), march, null, 0, 100);
        assertThat(slowReplies).extracting(ReviewFigures.Item::label).containsExactly("RV2025-2", "RV2025-1");
        assertThat(slowReplies.get(1).href()).startsWith("/cases/");
        assertThat(figures.items("cases.FIRST_CONTACT", "UNIT", "-", march, null, 0, 100))
                .extracting(ReviewFigures.Item::label)
                .containsExactly("RV2025-3");
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
