package org.accord.documents;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A consulted unit's comment on the version sent in a round: on the whole text or on a quoted passage
 * (with where it stood), with an optional replacement; and the drafter's answer (意见采纳情况).
 */
record Comment(
        long id,
        long roundId,
        int revision,
        long unitId,
        String author,
        String authorName,
        @Nullable String quote,
        @Nullable Integer anchorStart,
        @Nullable String proposed,
        String text,
        Instant createdAt,
        @Nullable Adoption adoption,
        @Nullable String adoptionReason,
        @Nullable String adoptedBy,
        @Nullable Instant adoptedAt) {

    enum Adoption {
        ADOPTED,
        PARTLY,
        NOT_ADOPTED;

        public String messageKey() {
            return "documents.adoption." + name();
        }
    }

    public boolean onPassage() {
        return quote != null;
    }
}
