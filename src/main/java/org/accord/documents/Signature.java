package org.accord.documents;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A review (核稿), sign-off (签发) or countersignature (会签): opinion, name, full date; void once the text changed. */
record Signature(
        long id,
        Kind kind,
        @Nullable Long personId,
        @Nullable Long unitId,
        String name,
        String opinion,
        LocalDate signedOn,
        Instant signedAt,
        String recordedBy,
        int revision,
        @Nullable Instant voidedAt,
        @Nullable String voidReason) {

    enum Kind {
        REVIEW,
        SIGN,
        COUNTERSIGN
    }

    public boolean valid() {
        return voidedAt == null;
    }
}
