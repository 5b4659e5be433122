package org.accord.coordination;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A matter as lists show it. */
public record MatterSummary(
        long id,
        String title,
        MatterKind kind,
        MatterStatus status,
        long ownerId,
        @Nullable Long decidingLeaderId,
        Instant createdAt) {}
