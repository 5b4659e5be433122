package org.accord.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals stored records into the SM3 chain, behind the write: never in the business transaction, in
 * order, in batches. Each batch is one short transaction that first locks the one row of
 * {@code audit_chain_head} ({@code SELECT ... FOR UPDATE}), so two instances never write the same
 * {@code seq}; then it takes the oldest unsealed records, appends one seal per record to
 * {@code audit_seal} and moves the head.
 *
 * <p>It runs after every stored record ({@link #sealSoon()}, coalesced on one thread per instance) and
 * every few seconds from db-scheduler, which also catches records left unsealed by a crash.
 */
@Component
class AuditSealer implements DisposableBean {

    static final int BATCH = 500;

    /**
     * How far behind the last sealed record id the sealer looks for unsealed records. Ids come from an
     * identity column in the order records were inserted, not committed: a record committed late can
     * have a smaller id than one already sealed. A full sweep (every {@value #FULL_SWEEP_EVERY} runs of
     * the recurring task) looks at all ids.
     */
    static final long LOOK_BACK = 10_000;

    static final int FULL_SWEEP_EVERY = 360;

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audit-sealer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private int runs;

    AuditSealer(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Asks for a sealing run on this instance's sealer thread; requests that arrive meanwhile share one run. */
    void sealSoon() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    try {
                        sealPending(false);
                    } catch (RuntimeException e) {
                        log.warn("Sealing the audit trail failed; the recurring task will try again: {}", e.toString());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                queued.set(false);
            }
        }
    }

    /** The recurring task's run: now and then looks at every record, not only the recent ones. */
    int sealFromSchedule() {
        boolean full;
        synchronized (this) {
            full = runs++ % FULL_SWEEP_EVERY == 0;
        }
        return sealPending(full);
    }

    /** Seals everything unsealed now, batch by batch. Returns how many records it sealed. */
    int sealPending(boolean fullSweep) {
        int total = 0;
        while (true) {
            Integer sealed = transaction.execute(status -> sealBatch(fullSweep));
            int count = sealed == null ? 0 : sealed;
            total += count;
            if (count < BATCH) {
                return total;
            }
        }
    }

    private int sealBatch(boolean fullSweep) {
        Head head = jdbc.sql("SELECT last_seq, last_hash, last_record_id FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .single();
        long from = fullSweep ? 0 : Math.max(0, head.lastRecordId() - LOOK_BACK);
        List<AuditRecord> unsealed = jdbc.sql("SELECT " + AuditRecords.COLUMNS
                        + " FROM audit_record r WHERE r.id > ?"
                        + " AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.record_id = r.id)"
                        + " ORDER BY r.id LIMIT ?")
                .params(from, BATCH)
                .query(AuditRecords.MAPPER)
                .list();
        if (unsealed.isEmpty()) {
            return 0;
        }
        long seq = head.lastSeq();
        String previous = head.lastHash();
        long lastRecordId = head.lastRecordId();
        var sealedAt = AuditRecords.timestamp(Instant.now());
        List<Object[]> seals = new ArrayList<>(unsealed.size());
        for (AuditRecord record : unsealed) {
            seq++;
            String hash = ChainHash.seal(seq, previous, record);
            seals.add(new Object[] {seq, record.id(), previous, hash, sealedAt});
            previous = hash;
            lastRecordId = Math.max(lastRecordId, record.id());
        }
        template.batchUpdate(
                "INSERT INTO audit_seal (seq, record_id, previous_hash, hash, sealed_at) VALUES (?, ?, ?, ?, ?)",
                seals);
        jdbc.sql("UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, last_record_id = ?, updated_at = ?"
                        + " WHERE id = 1")
                .params(seq, previous, lastRecordId, sealedAt)
                .update();
        return unsealed.size();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    private record Head(long lastSeq, String lastHash, long lastRecordId) {}
}
