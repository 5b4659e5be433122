package org.accord.audit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail as other modules and operators use it. Modules normally just publish {@link Audited}
 * with their {@code ApplicationEventPublisher} inside the transaction of the change; {@link #record}
 * is for code that runs outside one (e.g. a failed sign-in).
 */
@Service
public class AuditTrail {

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ChainVerifier verifier;

    AuditTrail(ApplicationEventPublisher events, PlatformTransactionManager transactions, ChainVerifier verifier) {
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.verifier = verifier;
    }

    /**
     * Publishes {@code event} in the caller's transaction, or in a short one of its own when there is none
     * (an event published outside a transaction would not reach the audit trail).
     */
    public void record(Audited event) {
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }

    /** Walks the whole chain and reports the first broken link, if any. Read-only. */
    public AuditVerification verify() {
        return verifier.verify();
    }
}
