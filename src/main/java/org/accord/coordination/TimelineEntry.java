package org.accord.coordination;

import java.time.Instant;
import org.accord.directory.Direction;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened on a matter. A relay names the entry it passes on, which is shown beside it.
 */
public record TimelineEntry(
        long id,
        Instant at,
        String actor,
        String action,
        @Nullable Direction direction,
        @Nullable String toParty,
        String text,
        @Nullable Long relayedEntryId) {}
