package org.accord.duty;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The rows of an incident besides the incident itself, as read from the database. */
final class Rows {

    private Rows() {}

    /** One change of verification: from, to, who, how and when. */
    record VerificationStep(
            long id,
            VerificationState from,
            VerificationState to,
            long byPerson,
            String byName,
            String how,
            Instant at) {}

    /** Someone told about an incident or an instruction, and whether and when they acknowledged. */
    record Notified(
            long id,
            long incidentId,
            @Nullable Long instructionId,
            NotificationKind kind,
            @Nullable Long personId,
            @Nullable Long unitId,
            String name,
            Instant sentAt,
            @Nullable Instant acknowledgedAt,
            @Nullable String acknowledgedBy,
            @Nullable String ackNote,
            @Nullable Instant remindedAt,
            @Nullable Instant escalatedAt) {

        public boolean acknowledged() {
            return acknowledgedAt != null;
        }
    }

    /** A notification about to be written: one row of the fan-out batch. */
    record ToNotify(
            @Nullable Long instructionId,
            NotificationKind kind,
            @Nullable Long personId,
            @Nullable Long unitId,
            String name) {}

    /** A leader's instruction and the units it was relayed to. */
    record Instruction(
            long id,
            long incidentId,
            long leaderId,
            String text,
            boolean byPhone,
            long recordedBy,
            Instant at,
            String unitIds) {}

    /** A report sent up (or being written): first, follow-up or final. */
    record Report(
            long id,
            long incidentId,
            ReportKind kind,
            int number,
            String body,
            @Nullable String changes,
            VerificationState verification,
            boolean correcting,
            Instant createdAt,
            long createdBy,
            @Nullable Instant submittedAt,
            @Nullable Long submittedBy,
            @Nullable Long submittedTo) {

        public boolean submitted() {
            return submittedAt != null;
        }
    }

    /** A first arrangement: a unit, what to do, by when to the minute, and the supervised task it became. */
    record Arrangement(
            long id,
            long incidentId,
            long unitId,
            String what,
            Instant dueAt,
            @Nullable Long taskId) {}

    /** An entry of the duty log. */
    record LogEntry(
            long id, Instant at, String actor, @Nullable Long incidentId, String text) {}

    /** A row of the notification plan. */
    record PlanEntry(
            String eventType,
            Level level,
            String districtCode,
            @Nullable String unitCode,
            @Nullable String districtSuffix,
            String role,
            @Nullable String arrangement,
            @Nullable Integer arrangementMinutes) {}
}
