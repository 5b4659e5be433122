package org.accord.information;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A unit asked by a request, with the office's grant to answer late and the missing-report flag. */
record RequestUnit(
        long requestId,
        long unitId,
        boolean lateAllowed,
        boolean flaggedMissing,
        @Nullable Instant remindedAt) {}
