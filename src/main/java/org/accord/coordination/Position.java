package org.accord.coordination;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A unit's answer on one point in one round. */
public record Position(
        long id,
        long roundId,
        long pointId,
        long unitId,
        Stance stance,
        @Nullable String condition,
        @Nullable String reason,
        @Nullable String counterProposal,
        String answeredBy,
        Instant at) {}
