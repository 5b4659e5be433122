package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class DocumentNumbersIntegrationTest {

    @Autowired
    DocumentNumbers numbers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void fiftySimultaneousAllocationsTakeOneToFiftyOnce() throws Exception {
        String code = "示例府办发";
        int year = 2031;
        int issuers = 50;
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(issuers);
        try {
            List<Future<Integer>> taken = new ArrayList<>();
            for (int document = 1; document <= issuers; document++) {
                long documentId = 1000 + document;
                taken.add(pool.submit(() -> {
                    start.await();
                    return take(inTransaction, code, year, documentId);
                }));
            }
            start.countDown();
            List<Integer> sequences = new ArrayList<>();
            for (Future<Integer> future : taken) {
                sequences.add(future.get(60, TimeUnit.SECONDS));
            }
            assertThat(sequences)
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.rangeClosed(1, issuers).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT sequence FROM document_number WHERE issuer_code = :code AND number_year = :year"
                                + " ORDER BY sequence")
                        .param("code", code)
                        .param("year", year)
                        .query(Integer.class)
                        .list())
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, issuers).boxed().toList());
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT document_id) FROM document_number WHERE issuer_code = :code"
                                + " AND number_year = :year")
                        .param("code", code)
                        .param("year", year)
                        .query(Integer.class)
                        .single())
                .isEqualTo(issuers);
    }

    @Test
    void aRolledBackAllocationLeavesNoGap() {
        String code = "示例府办函";
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        assertThat(take(inTransaction, code, 2032, 1)).isEqualTo(1);
        Integer abandoned = inTransaction.execute(status -> {
            int sequence = numbers.allocate(code, 2032, 2);
            status.setRollbackOnly();
            return sequence;
        });
        assertThat(abandoned).isEqualTo(2);
        assertThat(take(inTransaction, code, 2032, 3)).isEqualTo(2);
        assertThat(issued(code, 2032)).containsExactly("1:1:ISSUED", "2:3:ISSUED");
    }

    @Test
    void eachIssuerCodeAndYearCountsFromOne() {
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        assertThat(take(inTransaction, "示例政发", 2033, 10)).isEqualTo(1);
        assertThat(take(inTransaction, "示例政发", 2034, 11)).isEqualTo(1);
        assertThat(take(inTransaction, "示例府发", 2033, 12)).isEqualTo(1);
        assertThat(take(inTransaction, "示例政发", 2033, 13)).isEqualTo(2);
    }

    @Test
    void aVoidedNumberStaysTakenWithItsReason() {
        String code = "示例府办电";
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        take(inTransaction, code, 2035, 21);
        inTransaction.executeWithoutResult(status -> numbers.voidNumber(code, 2035, 1, "文件撤回，不再印发", "longminghui"));
        assertThat(take(inTransaction, code, 2035, 22)).isEqualTo(2);
        assertThat(issued(code, 2035)).containsExactly("1:21:VOIDED", "2:22:ISSUED");
        assertThat(jdbc.sql("SELECT void_reason FROM document_number WHERE issuer_code = :code AND sequence = 1")
                        .param("code", code)
                        .query(String.class)
                        .single())
                .isEqualTo("文件撤回，不再印发");
        assertThatThrownBy(() -> numbers.voidNumber(code, 2035, 1, "再次作废", "longminghui"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> numbers.voidNumber(code, 2035, 3, "未发出的号", "longminghui"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> numbers.voidNumber(code, 2035, 2, " ", "longminghui"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(issued(code, 2035)).containsExactly("1:21:VOIDED", "2:22:ISSUED");
    }

    @Test
    void aBlankIssuerCodeOrAnImpossibleYearTakesNoNumber() {
        assertThatThrownBy(() -> numbers.allocate(" ", 2036, 31)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> numbers.allocate("示例府办发", 26, 31)).isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document_number WHERE document_id = 31")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theNumberIsPrintedWithHexagonalBracketsAndNoLeadingZeros() {
        assertThat(DocumentNumbers.format("示例府办发", 2026, 12)).isEqualTo("示例府办发〔2026〕12号");
    }

    private int take(TransactionTemplate inTransaction, String code, int year, long documentId) {
        Integer sequence = inTransaction.execute(status -> numbers.allocate(code, year, documentId));
        assertThat(sequence).isNotNull();
        return sequence;
    }

    private List<String> issued(String code, int year) {
        return jdbc.sql("SELECT sequence, document_id, status FROM document_number WHERE issuer_code = :code"
                        + " AND number_year = :year ORDER BY sequence")
                .param("code", code)
                .param("year", year)
                .query((row, i) -> row.getInt(1) + ":" + row.getLong(2) + ":" + row.getString(3))
                .list();
    }
}
