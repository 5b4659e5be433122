package org.accord.meetings;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A cooperation request to a section of the office, followed as a supervised task. */
record Cooperation(
        long id,
        long sectionUnitId,
        String sectionName,
        CooperationKind kind,
        String detail,
        LocalDate deadline,
        @Nullable Long taskId) {}
