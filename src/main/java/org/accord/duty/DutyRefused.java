package org.accord.duty;

/**
 * A duty step that the incident's state does not allow, or input that cannot be taken. Nothing has changed;
 * pages and the API answer with the Chinese message under {@link #messageKey()}: 409 for a refusal, 400 for
 * bad input.
 */
class DutyRefused extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    DutyRefused(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments.clone();
    }

    /** Bad input: a missing or too long field, an unknown unit. Answered with 400. */
    static final class InputRejected extends DutyRefused {
        InputRejected(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }

    /** The verification cannot go from its state to the one asked. */
    static final class VerificationAlreadySettled extends DutyRefused {
        VerificationAlreadySettled(VerificationState from, VerificationState to) {
            super("duty.refused.verification", from.messageKey(), to.messageKey());
        }
    }

    /** The incident is closed; nothing more can be done on it. */
    static final class IncidentAlreadyClosed extends DutyRefused {
        IncidentAlreadyClosed() {
            super("duty.refused.closed");
        }
    }

    /** A level III/IV report from a doubtful source waits for verification before it goes up (per-level setting). */
    static final class ForwardingWaitsForVerification extends DutyRefused {
        ForwardingWaitsForVerification() {
            super("duty.refused.waitsForVerification");
        }
    }

    /** The report was submitted already; it cannot be edited or submitted again. */
    static final class ReportAlreadySubmitted extends DutyRefused {
        ReportAlreadySubmitted() {
            super("duty.refused.reportSubmitted");
        }
    }

    /** A follow-up or final report before the first report went up, or a second final report. */
    static final class ReportOutOfOrder extends DutyRefused {
        ReportOutOfOrder() {
            super("duty.refused.reportOrder");
        }
    }

    /** The notification was acknowledged already. */
    static final class AlreadyAcknowledged extends DutyRefused {
        AlreadyAcknowledged() {
            super("duty.refused.acknowledged");
        }
    }

    /** The incident is not in the state the step needs (e.g. ending an incident that has ended). */
    static final class IncidentNotOpen extends DutyRefused {
        IncidentNotOpen() {
            super("duty.refused.notOpen");
        }
    }

    /** A step only the duty officers (office staff) or the incident's leaders may take. */
    static final class NotYourStep extends DutyRefused {
        NotYourStep() {
            super("duty.refused.notYours");
        }
    }
}
