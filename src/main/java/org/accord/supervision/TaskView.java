package org.accord.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A task as pages and the API show it.
 *
 * @param overdue past the deadline (from the day after it) and not completed
 */
record TaskView(
        long id,
        SourceKind sourceKind,
        long sourceId,
        String title,
        long leadUnitId,
        String leadUnitName,
        List<Long> cooperatingUnitIds,
        List<String> cooperatingUnitNames,
        LocalDate deadline,
        TaskStatus status,
        boolean overdue,
        @Nullable String evidence,
        @Nullable String reviewNote,
        Instant openedAt,
        @Nullable Instant completedAt) {}
