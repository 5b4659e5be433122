package org.accord.audit;

import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores every {@link Audited} event once the transaction that published it has committed: asynchronously,
 * in a transaction of its own, through the event publication registry (an event whose storing fails stays
 * incomplete there and is published again on restart). Sealing follows behind, after this commit.
 */
@Component
class AuditRecorder {

    private final AuditRecords records;
    private final AuditSealer sealer;

    AuditRecorder(AuditRecords records, AuditSealer sealer) {
        this.records = records;
        this.sealer = sealer;
    }

    @ApplicationModuleListener
    void on(Audited event) {
        records.insert(event, Instant.now());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sealer.sealSoon();
                }
            });
        } else {
            sealer.sealSoon();
        }
    }
}
