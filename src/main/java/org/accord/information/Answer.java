package org.accord.information;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A unit's answer to a request. */
record Answer(
        long id,
        long requestId,
        long unitId,
        AnswerStatus status,
        AnswerValues values,
        boolean zero,
        @Nullable Instant submittedAt,
        boolean late,
        int timesSubmitted,
        String updatedBy,
        Instant updatedAt) {

    public boolean submitted() {
        return status == AnswerStatus.SUBMITTED;
    }
}
