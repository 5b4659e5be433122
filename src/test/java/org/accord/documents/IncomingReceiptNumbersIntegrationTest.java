package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.accord.calendar.WorkingCalendar;
import org.accord.security.SignedInAccount;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Receipt numbers under concurrent registrations: none twice, none skipped, none taken by a rollback. */
@IntegrationTest
class IncomingReceiptNumbersIntegrationTest {

    static final int REGISTRATIONS = 20;

    @Autowired
    IncomingDesk desk;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twentySimultaneousRegistrationsGetTwentyConsecutiveNumbers() throws Exception {
        SignedInAccount clerk = (SignedInAccount) accounts.loadUserByUsername("longminghui");
        int year = calendar.dateOf(Instant.now()).getYear();
        int before = lastNumber(year);
        ExecutorService pool = Executors.newFixedThreadPool(REGISTRATIONS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> results = new ArrayList<>();
        try {
            for (int i = 0; i < REGISTRATIONS; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return desk.signFor(
                            clerk, IncomingChannel.ELECTRONIC, null, registration("并发登记测试第" + n + "件"), true);
                }));
            }
            start.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<Long> result : results) {
                ids.add(result.get(120, TimeUnit.SECONDS));
            }
            List<Integer> numbers = jdbc.sql(
                            "SELECT receipt_seq FROM documents_incoming WHERE id IN (:ids)" + " ORDER BY receipt_seq")
                    .param("ids", ids)
                    .query(Integer.class)
                    .list();
            assertThat(numbers)
                    .as("each registration took the next number")
                    .containsExactlyElementsOf(IntStream.rangeClosed(before + 1, before + REGISTRATIONS)
                            .boxed()
                            .toList());
        } finally {
            pool.shutdownNow();
        }
        assertEveryNumberOfTheYearTakenOnce(year);
    }

    @Test
    void aRegistrationThatRollsBackGivesItsNumberBack() {
        SignedInAccount clerk = (SignedInAccount) accounts.loadUserByUsername("longminghui");
        int year = calendar.dateOf(Instant.now()).getYear();
        int before = lastNumber(year);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            desk.signFor(clerk, IncomingChannel.POST, null, registration("登记后撤销的来文"), true);
            assertThat(lastNumber(year)).isEqualTo(before + 1);
            status.setRollbackOnly();
        });
        assertThat(lastNumber(year)).isEqualTo(before);
        long id = desk.signFor(clerk, IncomingChannel.POST, null, registration("撤销后的下一件来文"), true);
        assertThat(jdbc.sql("SELECT receipt_seq FROM documents_incoming WHERE id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(before + 1);
        assertEveryNumberOfTheYearTakenOnce(year);
    }

    void assertEveryNumberOfTheYearTakenOnce(int year) {
        List<Integer> taken = jdbc.sql("SELECT receipt_seq FROM documents_incoming WHERE receipt_year = :year"
                        + " ORDER BY receipt_seq")
                .param("year", year)
                .query(Integer.class)
                .list();
        assertThat(taken)
                .as("numbers 1 to the last, each once")
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, lastNumber(year)).boxed().toList());
    }

    int lastNumber(int year) {
        return jdbc.sql("SELECT COALESCE(MAX(last_seq), 0) FROM documents_incoming_counter WHERE receipt_year = :year")
                .param("year", year)
                .query(Integer.class)
                .single();
    }

    static IncomingRegistration registration(String title) {
        return new IncomingRegistration(
                null, "示例省人民政府办公厅", null, title, Genre.NOTICE, null, null, 1, null, List.of(), LocalDate.now(), null);
    }
}
