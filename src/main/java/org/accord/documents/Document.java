package org.accord.documents;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A document's register entry: what it is, where it stands, who drafts, reviews and signs it, its number. */
record Document(
        long id,
        long matterId,
        Genre genre,
        DocumentStatus status,
        long drafterId,
        long issuerUnitId,
        String issuerCode,
        long signerId,
        @Nullable Long reviewerId,
        @Nullable Long meetingId,
        @Nullable String minutesHeading,
        @Nullable String number,
        @Nullable LocalDate date,
        int revision,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant issuedAt) {}
