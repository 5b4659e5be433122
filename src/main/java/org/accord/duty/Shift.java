package org.accord.duty;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A duty shift: from when to when, the leader on duty (带班领导) and the staff on duty; double staffed on
 * holidays and in sensitive periods.
 */
record Shift(
        long id,
        Instant startsAt,
        Instant endsAt,
        long leaderId,
        List<Long> staffIds,
        boolean doubleStaffed,
        @Nullable String note) {

    Shift {
        staffIds = List.copyOf(staffIds);
    }

    public boolean covers(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }
}
