package org.accord.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The result of walking the seal chain in {@code seq} order: intact, or the first broken link.
 *
 * @param intact whether every seal checked holds and nothing beyond the head was found
 * @param checkedSeals how many seals were checked before the result was known
 * @param firstSeq the first seq of the chain in the database (after the last archived range)
 * @param lastSeq the seq of the head of the chain when the walk started
 * @param lastHash the hash of that head (keep it elsewhere to anchor the chain)
 * @param unsealed records not yet sealed (normally only those written in the last seconds)
 * @param brokenSeq the first seq at which the chain is broken, if it is
 * @param problem what is wrong there, if anything
 * @param recordId the record that seal refers to, if known
 * @param checkedAt when the check finished
 */
public record AuditVerification(
        boolean intact,
        long checkedSeals,
        long firstSeq,
        long lastSeq,
        String lastHash,
        long unsealed,
        @Nullable Long brokenSeq,
        @Nullable Problem problem,
        @Nullable Long recordId,
        Instant checkedAt) {

    /** What a broken link shows. */
    public enum Problem {
        /** The record's content no longer gives the hash of its seal: the record (or the seal's hash) was changed. */
        RECORD_CHANGED,
        /** The seal refers to a record that is not there: the record was deleted. */
        RECORD_MISSING,
        /** No seal with this seq: a seal (and usually its record) was deleted. */
        SEAL_MISSING,
        /** The seal does not continue the previous seal's hash: a seal was inserted or replaced. */
        CHAIN_BROKEN,
        /** A seal beyond the head of the chain that the sealer never wrote: a seal was inserted. */
        SEAL_UNEXPECTED
    }

    /** One line for logs and the command line. */
    public String summary() {
        if (intact) {
            return "Audit chain intact: seals " + firstSeq + ".." + lastSeq + " checked (" + checkedSeals
                    + "), head hash " + lastHash + ", " + unsealed + " record(s) not yet sealed.";
        }
        return "Audit chain BROKEN at seq " + brokenSeq + ": " + problem
                + (recordId == null ? "" : " (record " + recordId + ")") + "; " + checkedSeals
                + " seal(s) checked, " + unsealed + " record(s) not yet sealed.";
    }
}
