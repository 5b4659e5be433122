package org.accord.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One stored row of the audit trail, as the auditor reads it. */
record AuditRecord(
        long id,
        Instant occurredAt,
        String actor,
        @Nullable String address,
        String module,
        String objectType,
        @Nullable String objectId,
        String action,
        @Nullable Long unitId,
        @Nullable String before,
        @Nullable String after,
        Instant recordedAt) {}
