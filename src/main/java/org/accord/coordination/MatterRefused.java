package org.accord.coordination;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A step on a matter that its state does not allow. Nothing has changed; pages and the API answer 409
 * with the Chinese message under {@link #messageKey()}. Each subclass is named for the fact that refuses.
 */
public class MatterRefused extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    MatterRefused(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** The Chinese message; arguments that are message keys (field names) are resolved too. */
    public String describe(MessageSource messages) {
        Object[] resolved = Arrays.stream(arguments)
                .map(argument -> argument instanceof String && ((String) argument).startsWith("coordination.")
                        ? messages.getMessage((String) argument, null, (String) argument, Locale.SIMPLIFIED_CHINESE)
                        : argument)
                .toArray();
        return messages.getMessage(messageKey, resolved, messageKey, Locale.SIMPLIFIED_CHINESE);
    }

    /** The matter is closed; nothing more can be done on it. */
    public static final class MatterAlreadyClosed extends MatterRefused {
        MatterAlreadyClosed() {
            super("coordination.refused.closed");
        }
    }

    /** A point is neither agreed nor ruled. */
    public static final class PointStillDivided extends MatterRefused {
        PointStillDivided(String point) {
            super("coordination.refused.pointDivided", point);
        }
    }

    /** A round is still open; it must be closed first. */
    public static final class RoundStillOpen extends MatterRefused {
        RoundStillOpen() {
            super("coordination.refused.roundOpen");
        }
    }

    /** There is no open round to close or to answer in. */
    public static final class NoRoundOpen extends MatterRefused {
        NoRoundOpen() {
            super("coordination.refused.noRound");
        }
    }

    /** The point is already agreed, escalated or ruled, so it is not asked again. */
    public static final class PointAlreadySettled extends MatterRefused {
        PointAlreadySettled(String point) {
            super("coordination.refused.pointSettled", point);
        }
    }

    /** Only a point divided after a closed round can be escalated. */
    public static final class PointNotDivided extends MatterRefused {
        PointNotDivided(String point) {
            super("coordination.refused.pointNotDivided", point);
        }
    }

    /** Only an escalated point can be ruled. */
    public static final class PointNotEscalated extends MatterRefused {
        PointNotEscalated(String point) {
            super("coordination.refused.pointNotEscalated", point);
        }
    }

    /** The matter has no deciding leader to escalate to. */
    public static final class NoDecidingLeader extends MatterRefused {
        NoDecidingLeader() {
            super("coordination.refused.noLeader");
        }
    }

    /** The matter already has its deciding leader. */
    public static final class DecidingLeaderAlreadyNamed extends MatterRefused {
        DecidingLeaderAlreadyNamed() {
            super("coordination.refused.leaderNamed");
        }
    }

    /** The unit or person already takes part. */
    public static final class PartyAlreadyAdded extends MatterRefused {
        PartyAlreadyAdded() {
            super("coordination.refused.partyAdded");
        }
    }

    /** A unit asked or named is not a party of the matter. */
    public static final class NotAParty extends MatterRefused {
        NotAParty() {
            super("coordination.refused.notParty");
        }
    }

    /** A round needs at least one point and one unit. */
    public static final class NothingToAsk extends MatterRefused {
        NothingToAsk() {
            super("coordination.refused.nothingToAsk");
        }
    }

    /** The unit or the point was not asked in this round. */
    public static final class NotAsked extends MatterRefused {
        NotAsked() {
            super("coordination.refused.notAsked");
        }
    }

    /** A disagreement needs its reason, a conditional agreement its condition. */
    public static final class StanceUnexplained extends MatterRefused {
        StanceUnexplained(Stance stance) {
            super("coordination.refused.unexplained." + stance.name());
        }
    }

    /** There is no measure waiting to be adopted. */
    public static final class NoMeasureToAdopt extends MatterRefused {
        NoMeasureToAdopt() {
            super("coordination.refused.noMeasure");
        }
    }

    /** A required field was left empty or is too long. */
    public static final class InputMissing extends MatterRefused {
        InputMissing(String fieldKey) {
            super("coordination.refused.input", fieldKey);
        }
    }

    /** Only the matter's owner may take this step (403). */
    public static final class NotTheOwner extends MatterRefused {
        NotTheOwner() {
            super("coordination.refused.notOwner");
        }
    }

    /** Only the matter's deciding leader may rule (403). */
    public static final class NotTheDecidingLeader extends MatterRefused {
        NotTheDecidingLeader() {
            super("coordination.refused.notLeader");
        }
    }
}
