package org.accord.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Walks the seals in {@code seq} order from the base of the chain and stops at the first broken link.
 * Reads only; it needs no lock, and sealing goes on while it runs (it checks up to the head it saw first).
 */
@Component
class ChainVerifier {

    static final int PAGE = 1000;

    private final JdbcClient jdbc;

    ChainVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Head(long baseSeq, String baseHash, long lastSeq, String lastHash) {}

    private record SealRow(
            long seq,
            long recordId,
            String previousHash,
            String hash,
            @Nullable AuditRecord record) {}

    AuditVerification verify() {
        Head head = head();
        long expected = head.baseSeq() + 1;
        String previous = head.baseHash();
        long checked = 0;
        while (expected <= head.lastSeq()) {
            List<SealRow> page = jdbc.sql("SELECT s.seq, s.record_id, s.previous_hash, s.hash, r.id, r.occurred_at,"
                            + " r.actor, r.address, r.module, r.object_type, r.object_id, r.action, r.unit_id,"
                            + " r.before_text, r.after_text, r.recorded_at"
                            + " FROM audit_seal s LEFT JOIN audit_record r ON r.id = s.record_id"
                            + " WHERE s.seq >= ? AND s.seq <= ? ORDER BY s.seq LIMIT ?")
                    .params(expected, head.lastSeq(), PAGE)
                    .query((rs, n) -> {
                        rs.getLong(5);
                        AuditRecord record = rs.wasNull() ? null : AuditRecords.read(rs, 4);
                        return new SealRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), record);
                    })
                    .list();
            if (page.isEmpty()) {
                return broken(head, checked, expected, AuditVerification.Problem.SEAL_MISSING, null);
            }
            for (SealRow seal : page) {
                if (seal.seq() != expected) {
                    return broken(head, checked, expected, AuditVerification.Problem.SEAL_MISSING, null);
                }
                if (!seal.previousHash().equals(previous)) {
                    return broken(head, checked, seal.seq(), AuditVerification.Problem.CHAIN_BROKEN, seal.recordId());
                }
                if (seal.record() == null) {
                    return broken(head, checked, seal.seq(), AuditVerification.Problem.RECORD_MISSING, seal.recordId());
                }
                if (!ChainHash.seal(seal.seq(), previous, seal.record()).equals(seal.hash())) {
                    return broken(head, checked, seal.seq(), AuditVerification.Problem.RECORD_CHANGED, seal.recordId());
                }
                previous = seal.hash();
                expected++;
                checked++;
            }
        }
        if (!previous.equals(head.lastHash())) {
            // Every seal holds, but the chain does not end where the sealer says it does.
            return broken(head, checked, head.lastSeq(), AuditVerification.Problem.CHAIN_BROKEN, null);
        }
        // Seals and the head are written in one transaction: whatever seal exists now, a head read after it
        // has reached it. A seal beyond that head was not written by the sealer.
        Long maxSeq = jdbc.sql("SELECT MAX(seq) FROM audit_seal")
                .query(Long.class)
                .optional()
                .orElse(null);
        long headNow = head().lastSeq();
        if (maxSeq != null && maxSeq > headNow) {
            return broken(head, checked, headNow + 1, AuditVerification.Problem.SEAL_UNEXPECTED, null);
        }
        return new AuditVerification(
                true,
                checked,
                head.baseSeq() + 1,
                head.lastSeq(),
                head.lastHash(),
                unsealed(),
                null,
                null,
                null,
                Instant.now());
    }

    private AuditVerification broken(
            Head head, long checked, long seq, AuditVerification.Problem problem, @Nullable Long recordId) {
        return new AuditVerification(
                false,
                checked,
                head.baseSeq() + 1,
                head.lastSeq(),
                head.lastHash(),
                unsealed(),
                seq,
                problem,
                recordId,
                Instant.now());
    }

    private Head head() {
        return jdbc.sql("SELECT base_seq, base_hash, last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .single();
    }

    private long unsealed() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record r"
                        + " WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.record_id = r.id)")
                .query(Long.class)
                .single();
    }
}
