package org.accord.information;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A situation request (调度情况): what the office asks, on which form, by when. */
record SituationRequest(
        long id,
        String title,
        String description,
        String basis,
        String example,
        RequestForm form,
        Instant deadline,
        boolean zeroReport,
        @Nullable Long seriesId,
        @Nullable LocalDate occurrenceDate,
        long createdBy,
        String createdByName,
        Instant createdAt) {

    public boolean pastDeadline(Instant now) {
        return now.isAfter(deadline);
    }
}
