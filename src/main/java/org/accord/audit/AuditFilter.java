package org.accord.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the auditor looks for; every part is optional and the parts combine with AND. Texts match exactly
 * (they are usernames, codes and action names); the period covers whole days, {@code to} included.
 */
record AuditFilter(
        @Nullable String actor,
        @Nullable Long unitId,
        @Nullable String objectType,
        @Nullable String objectId,
        @Nullable String action,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    AuditFilter {
        actor = blankToNull(actor);
        objectType = blankToNull(objectType);
        objectId = blankToNull(objectId);
        action = blankToNull(action);
    }

    static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }

    /** The WHERE clause (empty or starting with " WHERE ") and its parameters, in order. */
    Where where(ZoneId zone) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (actor != null) {
            conditions.add("actor = ?");
            params.add(actor);
        }
        if (unitId != null) {
            conditions.add("unit_id = ?");
            params.add(unitId);
        }
        if (objectType != null) {
            conditions.add("object_type = ?");
            params.add(objectType);
        }
        if (objectId != null) {
            conditions.add("object_id = ?");
            params.add(objectId);
        }
        if (action != null) {
            conditions.add("action = ?");
            params.add(action);
        }
        if (from != null) {
            conditions.add("occurred_at >= ?");
            params.add(AuditRecords.timestamp(startOf(from, zone)));
        }
        if (to != null) {
            conditions.add("occurred_at < ?");
            params.add(AuditRecords.timestamp(startOf(to.plusDays(1), zone)));
        }
        String sql = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new Where(sql, params);
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    record Where(String sql, List<Object> params) {}
}
