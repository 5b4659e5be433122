package org.accord.duty;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An incident as taken at intake and handled since; it is also a kernel matter ({@code matterId}). The steps
 * on it check their preconditions here and throw a {@link DutyRefused} named for the fact before anything is
 * written.
 */
record Incident(
        long id,
        long matterId,
        boolean drill,
        String title,
        Instant receivedAt,
        Instant recordedAt,
        long recordedBy,
        @Nullable Long reporterUnitId,
        String reporterName,
        @Nullable String reporterPosition,
        @Nullable String reporterPhone,
        boolean reporterAuthoritative,
        IntakeChannel intakeChannel,
        EventClass eventClass,
        String eventType,
        Level level,
        @Nullable Long districtUnitId,
        @Nullable Long concernedUnitId,
        String jurisdiction,
        String place,
        String what,
        int deaths,
        int injured,
        int missing,
        @Nullable String measuresTaken,
        @Nullable String doubtful,
        VerificationState verification,
        boolean verificationAdvised,
        @Nullable String verificationReasons,
        IncidentStatus status,
        @Nullable Instant phoneReportedAt,
        @Nullable Instant endedAt,
        @Nullable Instant closedAt) {

    /** Checks that the verification may move to {@code to}. */
    void changeVerification(VerificationState to) {
        requireNotClosed();
        if (!verification.next().contains(to)) {
            throw new DutyRefused.VerificationAlreadySettled(verification, to);
        }
    }

    /**
     * Whether sending the first report up must wait for verification: never for level I and II (the report goes
     * up marked 未核实); for III and IV as the per-level setting says, and only while verification is advised and
     * not settled.
     */
    boolean forwardingWaits(Map<Level, Boolean> waitSetting) {
        if (level.major() || !verificationAdvised || verification.settled()) {
            return false;
        }
        return waitSetting.getOrDefault(level, false);
    }

    void requireNotClosed() {
        if (status == IncidentStatus.CLOSED) {
            throw new DutyRefused.IncidentAlreadyClosed();
        }
    }

    void end() {
        if (status != IncidentStatus.OPEN) {
            throw new DutyRefused.IncidentNotOpen();
        }
    }

    boolean open() {
        return status != IncidentStatus.CLOSED;
    }

    int casualties() {
        return deaths + injured + missing;
    }
}
