package org.accord.meetings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;

/**
 * A step on a meeting that its state or the input does not allow; nothing has changed. Each subclass is named
 * for the fact that refuses; pages answer with its status and the Chinese message.
 */
class MeetingRefused extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final Object[] arguments;

    MeetingRefused(HttpStatus status, String messageKey, Object... arguments) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    HttpStatus status() {
        return status;
    }

    String describe(MessageSource messages) {
        Object[] resolved = Arrays.stream(arguments)
                .map(argument -> argument instanceof String && ((String) argument).startsWith("meetings.")
                        ? messages.getMessage((String) argument, null, (String) argument, Locale.SIMPLIFIED_CHINESE)
                        : argument)
                .toArray();
        return messages.getMessage(messageKey, resolved, messageKey, Locale.SIMPLIFIED_CHINESE);
    }

    /** A field is empty, too long or not one of the choices. */
    static final class InputRejected extends MeetingRefused {
        InputRejected(String field) {
            super(HttpStatus.BAD_REQUEST, "meetings.refused.input", field);
        }
    }

    /** Only the organiser takes this step. */
    static final class NotTheOrganiser extends MeetingRefused {
        NotTheOrganiser() {
            super(HttpStatus.FORBIDDEN, "meetings.refused.notOrganiser");
        }
    }

    /** The meeting is concluded or cancelled. */
    static final class MeetingNotOpen extends MeetingRefused {
        MeetingNotOpen() {
            super(HttpStatus.CONFLICT, "meetings.refused.notOpen");
        }
    }

    /** The time or place collides with another meeting, or the room is too small. */
    static final class Conflicting extends MeetingRefused {
        private final List<Conflicts.Conflict> conflicts;

        Conflicting(List<Conflicts.Conflict> conflicts) {
            super(HttpStatus.CONFLICT, "meetings.refused.conflicting");
            this.conflicts = List.copyOf(conflicts);
        }

        List<Conflicts.Conflict> conflicts() {
            return conflicts;
        }
    }

    /** Receipts, reminders and sign-in wait for the notice. */
    static final class NoticeNotSent extends MeetingRefused {
        NoticeNotSent() {
            super(HttpStatus.CONFLICT, "meetings.refused.noticeNotSent");
        }
    }

    /** A notice needs agenda items and attending units. */
    static final class NoticeIncomplete extends MeetingRefused {
        NoticeIncomplete() {
            super(HttpStatus.CONFLICT, "meetings.refused.noticeIncomplete");
        }
    }

    /** Nothing to ask: no agenda item or no attending unit to consult. */
    static final class NothingToConsult extends MeetingRefused {
        NothingToConsult() {
            super(HttpStatus.CONFLICT, "meetings.refused.nothingToConsult");
        }
    }

    /** The pre-meeting consultation is still open. */
    static final class ConsultationStillOpen extends MeetingRefused {
        ConsultationStillOpen() {
            super(HttpStatus.CONFLICT, "meetings.refused.consultationOpen");
        }
    }

    /** The unit is already asked to attend. */
    static final class UnitAlreadyAsked extends MeetingRefused {
        UnitAlreadyAsked(String unit) {
            super(HttpStatus.CONFLICT, "meetings.refused.unitAlreadyAsked", unit);
        }
    }

    /** The unit's substitute is not waiting for a decision. */
    static final class NoSubstituteWaiting extends MeetingRefused {
        NoSubstituteWaiting() {
            super(HttpStatus.CONFLICT, "meetings.refused.noSubstitute");
        }
    }

    /** The attendee is already signed in. */
    static final class AlreadySignedIn extends MeetingRefused {
        AlreadySignedIn(String name) {
            super(HttpStatus.CONFLICT, "meetings.refused.alreadySignedIn", name);
        }
    }

    /** A declining unit, or a substitute refused by the organiser, does not sign in. */
    static final class NotExpected extends MeetingRefused {
        NotExpected() {
            super(HttpStatus.CONFLICT, "meetings.refused.notExpected");
        }
    }

    /** A cooperation request must be done before the meeting. */
    static final class DeadlineAfterMeeting extends MeetingRefused {
        DeadlineAfterMeeting() {
            super(HttpStatus.CONFLICT, "meetings.refused.deadlineAfterMeeting");
        }
    }

    /** The outcome is recorded once the meeting has begun. */
    static final class NotHeldYet extends MeetingRefused {
        NotHeldYet() {
            super(HttpStatus.CONFLICT, "meetings.refused.notHeldYet");
        }
    }

    /** Without minutes the decisions become measures at once, which the kernel refuses while a point is divided. */
    static final class PointStillDivided extends MeetingRefused {
        PointStillDivided(String point) {
            super(HttpStatus.CONFLICT, "meetings.refused.pointDivided", point);
        }
    }

    /** A decision that is to become a measure needs a lead unit and a deadline. */
    static final class DecisionIncomplete extends MeetingRefused {
        DecisionIncomplete(String decision) {
            super(HttpStatus.CONFLICT, "meetings.refused.decisionIncomplete", decision);
        }
    }
}
