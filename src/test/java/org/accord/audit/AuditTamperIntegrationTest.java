package org.accord.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Tampering with sealed rows the way someone with direct database access would, and the verification
 * finding the first broken seal. Each test lifts the append-only guard, tampers, verifies, and puts every
 * row back as it was, so the chain is whole again for the next. The property gives this class (and
 * {@link AuditWiringIntegrationTest}) an application context, and so a database, of their own.
 */
@IntegrationTest
@TestPropertySource(properties = "accord.audit.test-context=own")
class AuditTamperIntegrationTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    AuditDatabase db;
    AuditDatabase.Paused paused;
    long last;
    long k;
    AuditDatabase.Seal sealK;
    AuditRecord recordK;

    @BeforeEach
    void sealSomeRecordsThenHoldTheSealerOff() {
        db = new AuditDatabase(jdbc, dataSource);
        String batch = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            trail.record(Audited.by("tester", "testing", "thing", batch, "tamper-" + i, null, "value " + i));
        }
        AuditDatabase.await(
                "five records", () -> db.count("SELECT COUNT(*) FROM audit_record WHERE object_id = ?", batch) == 5);
        db.awaitAllSealed();
        paused = db.pauseSealing();
        assertThat(trail.verify().intact()).isTrue();
        last = db.lastSeq();
        k = last - 2;
        sealK = db.seal(k);
        recordK = db.record(sealK.recordId());
    }

    @AfterEach
    void chainIsWholeAgain() throws Exception {
        AuditVerification result = trail.verify();
        paused.close();
        assertThat(result.intact()).as(result.summary()).isTrue();
    }

    @Test
    void anEditedRecordIsFoundAtItsSeal() {
        db.withoutGuard(
                () -> jdbc.update("UPDATE audit_record SET after_text = ? WHERE id = ?", "forged", recordK.id()));

        AuditVerification result = trail.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(k);
        assertThat(result.problem()).isEqualTo(AuditVerification.Problem.RECORD_CHANGED);
        assertThat(result.recordId()).isEqualTo(recordK.id());
        assertThat(result.checkedSeals()).isEqualTo(k - 1);

        db.withoutGuard(() ->
                jdbc.update("UPDATE audit_record SET after_text = ? WHERE id = ?", recordK.after(), recordK.id()));
    }

    @Test
    void aDeletedRecordIsFoundAtItsSeal() {
        db.withoutGuard(() -> jdbc.update("DELETE FROM audit_record WHERE id = ?", recordK.id()));

        AuditVerification result = trail.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(k);
        assertThat(result.problem()).isEqualTo(AuditVerification.Problem.RECORD_MISSING);
        assertThat(result.recordId()).isEqualTo(recordK.id());

        db.insert(recordK);
    }

    @Test
    void aDeletedRecordWithItsSealLeavesAGap() {
        db.withoutGuard(() -> {
            jdbc.update("DELETE FROM audit_seal WHERE seq = ?", k);
            jdbc.update("DELETE FROM audit_record WHERE id = ?", recordK.id());
        });

        AuditVerification result = trail.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(k);
        assertThat(result.problem()).isEqualTo(AuditVerification.Problem.SEAL_MISSING);

        db.insert(recordK);
        db.insert(sealK);
    }

    @Test
    void theLastRecordDeletedWithItsSealIsFoundAgainstTheHead() {
        AuditDatabase.Seal lastSeal = db.seal(last);
        AuditRecord lastRecord = db.record(lastSeal.recordId());
        db.withoutGuard(() -> {
            jdbc.update("DELETE FROM audit_seal WHERE seq = ?", last);
            jdbc.update("DELETE FROM audit_record WHERE id = ?", lastRecord.id());
        });

        AuditVerification result = trail.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(last);
        assertThat(result.problem()).isEqualTo(AuditVerification.Problem.SEAL_MISSING);

        db.insert(lastRecord);
        db.insert(lastSeal);
    }

    @Test
    void aRecordInsertedInTheMiddleBreaksTheChainAfterIt() {
        // Whoever does this knows the algorithm: the forged seal itself is computed correctly.
        AuditRecord forged = forgedRecord();
        db.withoutGuard(() -> jdbc.update("DELETE FROM audit_seal WHERE seq = ?", k));
        String previous = db.seal(k - 1).hash();
        db.insert(new AuditDatabase.Seal(k, forged.id(), previous, ChainHash.seal(k, previous, forged)));

        AuditVerification result = trail.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(k + 1);
        assertThat(result.problem()).isEqualTo(AuditVerification.Problem.CHAIN_BROKEN);
        assertThat(result.unsealed()).as("the record whose seal was replaced").isEqualTo(1);

        db.withoutGuard(() -> {
            jdbc.update("DELETE FROM audit_seal WHERE seq = ?", k);
            jdbc.update("DELETE FROM audit_record WHERE id = ?", forged.id());
        });
        db.insert(sealK);
    }

    @Test
    void aRecordAppendedWithAForgedSealIsFoundBeyondTheHead() {
        AuditRecord forged = forgedRecord();
        String previous = db.seal(last).hash();
        db.insert(new AuditDatabase.Seal(last + 1, forged.id(), previous, ChainHash.seal(last + 1, previous, forged)));

        AuditVerification result = trail.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenSeq()).isEqualTo(last + 1);
        assertThat(result.problem()).isEqualTo(AuditVerification.Problem.SEAL_UNEXPECTED);

        db.withoutGuard(() -> {
            jdbc.update("DELETE FROM audit_seal WHERE seq = ?", last + 1);
            jdbc.update("DELETE FROM audit_record WHERE id = ?", forged.id());
        });
    }

    @Test
    void aSealWithAWrongPredecessorIsFound() {
        db.withoutGuard(() -> jdbc.update("UPDATE audit_seal SET previous_hash = ? WHERE seq = ?", "f".repeat(64), k));

        AuditVerification result = trail.verify();
        assertThat(result.brokenSeq()).isEqualTo(k);
        assertThat(result.problem()).isEqualTo(AuditVerification.Problem.CHAIN_BROKEN);

        db.withoutGuard(
                () -> jdbc.update("UPDATE audit_seal SET previous_hash = ? WHERE seq = ?", sealK.previousHash(), k));
    }

    private AuditRecord forgedRecord() {
        String marker = UUID.randomUUID().toString();
        Instant now = Instant.now();
        jdbc.update(
                "INSERT INTO audit_record (occurred_at, actor, module, object_type, object_id, action, recorded_at)"
                        + " VALUES (?, 'intruder', 'testing', 'thing', ?, 'forged', ?)",
                AuditRecords.timestamp(now),
                marker,
                AuditRecords.timestamp(now));
        return db.records("object_id = ?", marker).get(0);
    }
}
