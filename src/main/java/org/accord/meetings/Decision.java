package org.accord.meetings;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A decision (议定事项) under an agenda item; a measure in the kernel once adopted. */
record Decision(
        long id,
        long itemId,
        String text,
        @Nullable Long leadUnitId,
        List<Long> cooperatingUnitIds,
        @Nullable LocalDate deadline,
        @Nullable Long measureId) {}
