package org.accord.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case figures of past days rolled up (ADR 0026) add up to exactly what counting the cases gives, for every
 * grouping and data scope, over periods that mix rolled-up days with days counted from the cases; a change to a
 * case through the store takes its day out of the roll-up until the task counts it again, also when the task
 * counted the day while the change was still in flight. 120 cases of units of this test's own making, on the ten
 * days that end three days ago, in a database of its own (the task rolls up every day since the first case).
 */
@IntegrationTest
// Its own database, and the task's runs left out: the test rolls up itself, at the moments it chooses.
@TestPropertySource(properties = {"accord.test.database-of-its-own=case-figure-days", "accord.cases.roll-up=false"})
class CaseFigureDaysIntegrationTest {

    private static final long UNIT_A = 990_101;
    private static final long UNIT_B = 990_102;
    private static final long UNIT_C = 990_103;
    private static final List<Set<Long>> SCOPES = List.of(Set.of(UNIT_A), Set.of(UNIT_A, UNIT_B, UNIT_C));

    @Autowired
    CasePeriodFigures figures;

    @Autowired
    CaseFigureDays days;

    @Autowired
    CaseStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    LocalDate first;
    LocalDate last;

    @BeforeEach
    void writeCasesOnceAndRollThemUp() {
        last = days.today().minusDays(3);
        first = last.minusDays(9);
        boolean written = jdbc.sql("SELECT COUNT(*) FROM hotline_case WHERE case_number LIKE 'FD-%'")
                        .query(Long.class)
                        .single()
                > 0;
        if (!written) {
            writeCases(new Random(20261127));
            // Written by SQL, past the store: their days are counted again (docs/review.md, Scale).
            jdbc.sql("DELETE FROM case_figure_day_state").update();
        }
        figures.rollUp();
    }

    @Test
    void rolledUpDaysAddUpToTheCountsOfTheCases() {
        assertThat(figures.rolledUpDays(first, last)).hasSize(10);
        // The ten days alone, and a period that runs on into yesterday and today, which are never rolled up.
        assertSameCounts(first, last.plusDays(1));
        assertSameCounts(first.minusDays(2), days.today().plusDays(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_figure_day WHERE intake_day >= :from AND intake_day <= :to")
                        .param("from", first)
                        .param("to", last)
                        .query(Long.class)
                        .single())
                .as("the counts of the ten days are read from their roll-up")
                .isPositive();
    }

    @Test
    void aChangeTakesItsDayOutOfTheRollUpUntilItIsCountedAgain() {
        LocalDate day = last.minusDays(4);
        long id = caseWithLeadShare(day);
        List<CasePeriodFigures.Count> before = figures.counts("UNIT", start(day), start(day.plusDays(1)), null);

        change(id);

        assertThat(figures.rolledUpDays(day, day)).isEmpty();
        List<CasePeriodFigures.Count> after = figures.counts("UNIT", start(day), start(day.plusDays(1)), null);
        assertThat(after).isNotEqualTo(before);
        assertSameCounts(first, last.plusDays(1));

        figures.rollUp();
        assertThat(figures.rolledUpDays(day, day)).containsExactly(day);
        assertThat(figures.counts("UNIT", start(day), start(day.plusDays(1)), null))
                .containsExactlyInAnyOrderElementsOf(after);
        assertSameCounts(first, last.plusDays(1));
    }

    @Test
    void aChangeStillInFlightWhenItsDayIsCountedLeavesTheDayToBeCountedAgain() throws Exception {
        LocalDate day = last.minusDays(6);
        long id = caseWithLeadShare(day);
        // The day is out of the roll-up; then a change is made and held open while the task counts the day.
        change(id);
        CountDownLatch changed = new CountDownLatch(1);
        CountDownLatch counted = new CountDownLatch(1);
        CompletableFuture<Void> inFlight = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> {
                    HotlineCase c = store.lock(id).orElseThrow();
                    c.satisfaction = c.satisfaction == Satisfaction.SATISFIED
                            ? Satisfaction.UNSATISFIED
                            : Satisfaction.SATISFIED;
                    store.update(c);
                    changed.countDown();
                    await(counted);
                }));
        assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();

        figures.rollUp();
        assertThat(figures.rolledUpDays(day, day))
                .as("counted while the change is in flight")
                .containsExactly(day);
        counted.countDown();
        inFlight.get(30, TimeUnit.SECONDS);

        assertThat(figures.rolledUpDays(day, day))
                .as("the day counted without the change that committed after it is not taken as rolled up")
                .isEmpty();
        assertSameCounts(first, last.plusDays(1));
        figures.rollUp();
        assertSameCounts(first, last.plusDays(1));
    }

    @Test
    void aDayCountedWithOtherFiguresIsCountedAgain() {
        LocalDate day = last.minusDays(2);
        // As if a release before this one had counted the day with figures defined otherwise.
        jdbc.sql("UPDATE case_figure_day_state SET fingerprint = 'an earlier release' WHERE intake_day = ?")
                .param(day)
                .update();

        assertThat(figures.rolledUpDays(first, last)).hasSize(9).doesNotContain(day);
        assertSameCounts(first, last.plusDays(1));
        figures.rollUp();
        assertThat(figures.rolledUpDays(first, last)).hasSize(10);
        assertSameCounts(first, last.plusDays(1));
    }

    @Test
    void aChangeToACaseTakenInTodayLeavesTheDaysAlone() {
        long id = caseWithLeadShare(days.today());
        int states = jdbc.sql("SELECT COUNT(*) FROM case_figure_day_state")
                .query(Integer.class)
                .single();

        change(id);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_figure_day_state")
                        .query(Integer.class)
                        .single())
                .isEqualTo(states);
        assertThat(figures.rolledUpDays(first, last)).hasSize(10);
    }

    private void assertSameCounts(LocalDate from, LocalDate toExclusive) {
        for (String grouping : CasePeriodFigures.GROUPINGS) {
            List<Collection<Long>> scopes = new ArrayList<>(SCOPES);
            scopes.add(null);
            for (Collection<Long> units : scopes) {
                assertThat(figures.counts(grouping, start(from), start(toExclusive), units))
                        .as("%s over %s", grouping, units)
                        .containsExactlyInAnyOrderElementsOf(
                                figures.countedFromCases(grouping, start(from), start(toExclusive), units));
            }
        }
    }

    private Instant start(LocalDate day) {
        return days.startOf(day);
    }

    /** Signs the lead share late, or on time if it was late, and changes the satisfaction: two figures move. */
    private void change(long id) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            HotlineCase c = store.lock(id).orElseThrow();
            Share lead = c.shares.get(0);
            lead.signedAt =
                    lead.signedAt.isAfter(lead.signDue) ? lead.signDue.minusSeconds(60) : lead.signDue.plusSeconds(60);
            c.satisfaction =
                    c.satisfaction == Satisfaction.SATISFIED ? Satisfaction.UNSATISFIED : Satisfaction.SATISFIED;
            store.update(c);
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long caseWithLeadShare(LocalDate day) {
        OffsetDateTime at = at(day, LocalTime.of(10, 0));
        long id = insertCase(
                "FD-X-" + System.nanoTime(),
                "VISIT",
                UNIT_A,
                at,
                "NOISE",
                "DCQ",
                "qianhaitao",
                null,
                "SATISFIED",
                0,
                day.plusDays(5));
        insertShare(id, UNIT_A, "LEAD", "SIGNED", at.plusHours(1), at.plusHours(2), null);
        jdbc.sql("DELETE FROM case_figure_day_state WHERE intake_day = ?")
                .param(day)
                .update();
        figures.rollUp();
        return id;
    }

    private void writeCases(Random random) {
        String[] statuses = {"DISPATCHED", "REPLIED", "CLOSED", "MERGED", "VISIT"};
        Long[] leads = {UNIT_A, UNIT_B, UNIT_C, null};
        String[] categories = categories();
        String[] districts = {"DCQ", "XHQ", null};
        String[] operators = {"qianhaitao", "caiyuxuan"};
        String[] closings = {"FIRST_CONTACT", null, null};
        String[] satisfactions = {"VERY_SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED", null};
        String[] shareStatuses = {"ASSIGNED", "SIGNED", "RETURNED", "REPLIED", "REPLIED"};
        long[] units = {UNIT_A, UNIT_B, UNIT_C};
        for (int n = 0; n < 120; n++) {
            LocalDate day = first.plusDays(random.nextInt(10));
            OffsetDateTime at = at(day, LocalTime.of(random.nextInt(24), random.nextInt(60)));
            long id = insertCase(
                    "FD-" + n,
                    statuses[random.nextInt(statuses.length)],
                    leads[random.nextInt(leads.length)],
                    at,
                    categories[random.nextInt(categories.length)],
                    districts[random.nextInt(districts.length)],
                    operators[random.nextInt(operators.length)],
                    closings[random.nextInt(closings.length)],
                    satisfactions[random.nextInt(satisfactions.length)],
                    random.nextInt(3) == 0 ? 1 : 0,
                    random.nextInt(4) == 0 ? null : day.plusDays(random.nextInt(8)));
            for (int s = 0; s < random.nextInt(3); s++) {
                OffsetDateTime assigned = at.plusHours(random.nextInt(60));
                String status = shareStatuses[random.nextInt(shareStatuses.length)];
                insertShare(
                        id,
                        units[random.nextInt(units.length)],
                        s == 0 ? "LEAD" : "COOPERATING",
                        status,
                        assigned,
                        status.equals("ASSIGNED") ? null : assigned.plusHours(random.nextInt(8)),
                        status.equals("REPLIED") ? assigned.plusDays(random.nextInt(12)) : null);
            }
        }
    }

    private String[] categories() {
        return jdbc.sql("SELECT code FROM case_category ORDER BY code").query(String.class).list().stream()
                .limit(3)
                .toArray(String[]::new);
    }

    private OffsetDateTime at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(days.zone()).toOffsetDateTime();
    }

    private long insertCase(
            String number,
            String status,
            Long lead,
            OffsetDateTime at,
            String category,
            String district,
            String operator,
            String closing,
            String satisfaction,
            int reopens,
            LocalDate deadline) {
        jdbc.sql("INSERT INTO hotline_case (case_number, channel, confidential, description, status, lead_unit_id,"
                        + " reopen_count, escalated, created_by, created_at, updated_at, dispatched_at, category_code,"
                        + " district_code, urgent, closing, satisfaction, deadline)"
                        + " VALUES (?, 'PHONE', FALSE, '按日汇总测试', ?, ?, ?, FALSE, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)")
                .params(
                        number,
                        status,
                        lead,
                        reopens,
                        operator,
                        at,
                        at,
                        closing == null ? at.plusMinutes(30) : null,
                        category,
                        district,
                        closing,
                        satisfaction,
                        deadline)
                .update();
        return jdbc.sql("SELECT id FROM hotline_case WHERE case_number = ?")
                .param(number)
                .query(Long.class)
                .single();
    }

    private void insertShare(
            long caseId,
            long unit,
            String role,
            String status,
            OffsetDateTime assigned,
            OffsetDateTime signed,
            OffsetDateTime reported) {
        jdbc.sql("INSERT INTO case_share (case_id, unit_id, role, status, assigned_at, sign_due, signed_at,"
                        + " reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(caseId, unit, role, status, assigned, assigned.plusHours(4), signed, reported)
                .update();
    }
}
