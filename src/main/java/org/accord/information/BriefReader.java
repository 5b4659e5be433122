package org.accord.information;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A leader a brief was sent to, and what he did with it. */
record BriefReader(
        long briefId,
        long leaderId,
        String leaderName,
        @Nullable Instant readAt,
        @Nullable String comment,
        @Nullable Instant commentedAt) {}
