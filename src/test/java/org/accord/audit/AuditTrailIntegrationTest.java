package org.accord.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Events become records, records get sealed, the chain verifies, and the rows cannot be changed. */
@IntegrationTest
class AuditTrailIntegrationTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditVerifyCommand command;

    AuditDatabase db;

    @BeforeEach
    void setUp() {
        db = new AuditDatabase(jdbc, dataSource);
    }

    String publishInTransaction(String action) {
        String objectId = UUID.randomUUID().toString();
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> events.publishEvent(
                        Audited.by("tester", "testing", "thing", objectId, action, "before\nline 2", "after")));
        return objectId;
    }

    @Test
    void anEventPublishedInATransactionBecomesASealedRecord() {
        String objectId = publishInTransaction("create");

        AuditDatabase.await(
                "the record", () -> !db.records("object_id = ?", objectId).isEmpty());
        AuditRecord record = db.records("object_id = ?", objectId).get(0);
        assertThat(record.actor()).isEqualTo("tester");
        assertThat(record.module()).isEqualTo("testing");
        assertThat(record.action()).isEqualTo("create");
        assertThat(record.before()).isEqualTo("before\nline 2");
        assertThat(record.after()).isEqualTo("after");

        AuditDatabase.await(
                "its seal", () -> db.count("SELECT COUNT(*) FROM audit_seal WHERE record_id = ?", record.id()) == 1);
        AuditVerification result = trail.verify();
        assertThat(result.intact()).as(result.summary()).isTrue();
        assertThat(result.problem()).isNull();
        assertThat(result.lastSeq()).isPositive();
        assertThat(result.checkedSeals()).isEqualTo(result.lastSeq());
        assertThat(result.lastHash()).matches("[0-9a-f]{64}");
    }

    @Test
    void anEventOfARolledBackTransactionLeavesNoRecord() {
        String rolledBack = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(Audited.by("tester", "testing", "thing", rolledBack, "create", null, null));
            status.setRollbackOnly();
        });
        // A later event in the same order of delivery arrives; the rolled-back one never does.
        String committed = publishInTransaction("create");
        AuditDatabase.await(
                "the committed record",
                () -> !db.records("object_id = ?", committed).isEmpty());
        assertThat(db.records("object_id = ?", rolledBack)).isEmpty();
    }

    @Test
    void recordOutsideATransactionStillReachesTheTrail() {
        String objectId = UUID.randomUUID().toString();
        trail.record(Audited.by("tester", "testing", "thing", objectId, "sign-in-failed", null, null));
        AuditDatabase.await(
                "the record", () -> !db.records("object_id = ?", objectId).isEmpty());
    }

    @Test
    void sealsFormAContiguousChainFromTheGenesisHash() {
        for (int i = 0; i < 5; i++) {
            publishInTransaction("chain");
        }
        AuditDatabase.await(
                "five records", () -> db.count("SELECT COUNT(*) FROM audit_record WHERE action = 'chain'") >= 5);
        db.awaitAllSealed();
        long last = db.lastSeq();
        assertThat(db.count("SELECT COUNT(*) FROM audit_seal")).isEqualTo(last);
        assertThat(db.seal(1).previousHash()).isEqualTo(ChainHash.GENESIS);
        for (long seq = 2; seq <= last; seq++) {
            assertThat(db.seal(seq).previousHash()).isEqualTo(db.seal(seq - 1).hash());
        }
        AuditDatabase.Seal seal = db.seal(last);
        assertThat(ChainHash.seal(last, seal.previousHash(), db.record(seal.recordId())))
                .isEqualTo(seal.hash());
    }

    @Test
    void theApplicationCannotUpdateOrDeleteAuditRows() {
        String objectId = publishInTransaction("guarded");
        AuditDatabase.await(
                "the record", () -> !db.records("object_id = ?", objectId).isEmpty());
        db.awaitAllSealed();
        long id = db.records("object_id = ?", objectId).get(0).id();
        String expected = db.isPostgreSql()
                ? "The audit trail is append-only: UPDATE on audit_record is refused"
                : "The audit trail is append-only: UPDATE is refused";

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_record SET after_text = 'forged' WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining(expected);
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_record WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only")
                .hasStackTraceContaining("DELETE");
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_seal SET hash = ? WHERE record_id = ?", "0".repeat(64), id))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_seal WHERE record_id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
        if (db.isPostgreSql()) {
            assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_record, audit_seal"))
                    .isInstanceOf(DataAccessException.class)
                    .hasStackTraceContaining("append-only");
        }
        assertThat(db.record(id).after()).isEqualTo("after");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void theVerificationCommandPrintsTheResult() {
        db.awaitAllSealed();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = command.verify(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Audit chain intact: seals 1..");
    }

    @Test
    void migrationsOfBothFoldersRan() {
        List<String> scripts = jdbc.queryForList(
                "SELECT \"script\" FROM \"flyway_schema_history\" WHERE \"script\" LIKE '%audit%'", String.class);
        assertThat(scripts).anyMatch(s -> s.endsWith("V202611270001__audit.sql"));
        assertThat(scripts).anyMatch(s -> s.endsWith("V202611270002__audit_append_only.sql"));
    }
}
