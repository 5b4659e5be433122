package org.accord.coordination;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A point at issue on which the parties are asked to agree. */
public record Point(
        long id,
        String text,
        PointStatus status,
        @Nullable String brief,
        @Nullable String recommendation,
        @Nullable String ruling,
        @Nullable Long ruledBy,
        @Nullable Instant ruledAt) {}
