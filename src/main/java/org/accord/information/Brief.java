package org.accord.information;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A brief sent up to leaders, with its number of the year. */
record Brief(
        long id,
        BriefKind kind,
        int year,
        int number,
        String title,
        String body,
        String sourceKind,
        @Nullable Long sourceId,
        @Nullable Long concernId,
        long authorId,
        String authorName,
        long authorUnitId,
        Instant sentAt) {}
