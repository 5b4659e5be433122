package org.accord.meetings;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A unit's receipt (回执): who attends, or why it declines. A substitute (代会) of a lower level than required
 * waits for the organiser's decision ({@code substituteDecision} null, ACCEPTED or REFUSED).
 */
record Receipt(
        long id,
        long unitId,
        boolean attending,
        @Nullable String attendeeName,
        @Nullable String attendeePosition,
        @Nullable String attendeePhone,
        @Nullable Long attendeePersonId,
        @Nullable AttendanceLevel attendeeLevel,
        @Nullable String declineReason,
        boolean substitute,
        @Nullable String substituteDecision,
        String answeredBy,
        Instant answeredAt,
        String token,
        @Nullable Instant signedInAt,
        @Nullable String signedInBy) {

    static final String ACCEPTED = "ACCEPTED";
    static final String REFUSED = "REFUSED";

    public boolean awaitingAcceptance() {
        return attending && substitute && substituteDecision == null;
    }

    /** Expected at the meeting: attending, and not a substitute the organiser refused. */
    public boolean expected() {
        return attending && !REFUSED.equals(substituteDecision);
    }

    public boolean signedIn() {
        return signedInAt != null;
    }
}
