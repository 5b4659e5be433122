package org.accord.documents;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Why a draft cannot go to review (送核稿) as it stands. The service refuses the submission with it and the page
 * shows it in place of the form, so that the page never offers what the service would refuse.
 *
 * @param detail what the message names: the point, the number of comments, the rule findings; null for none
 */
record SubmitHold(Reason reason, @Nullable Object detail) {

    enum Reason {
        ROUND_OPEN("roundOpen", "roundOpen"),
        /** Divided, or left open by a closed round, and not put to the leader. */
        POINT_UNSETTLED("pointUnsettled", "pointUnsettled"),
        /** Put to the leader: the refusal is the unsettled point's, the page says the ruling comes first. */
        AWAITING_RULING("awaitingRuling", "pointUnsettled"),
        COMMENTS_UNANSWERED("commentsUnanswered", "commentsUnanswered"),
        RULE_ERRORS("ruleErrors", "ruleErrors");

        private final String key;
        private final String refusalKey;

        Reason(String key, String refusalKey) {
            this.key = key;
            this.refusalKey = refusalKey;
        }
    }

    /** The 409 the service answers, worded as it always was. */
    DocumentRefused refusal() {
        return detail == null
                ? DocumentRefused.conflict(reason.refusalKey)
                : DocumentRefused.conflict(reason.refusalKey, detail);
    }

    /** What the page says where the form would be, with {@link #detail()} as its argument. */
    public String messageKey() {
        return "documents.submit." + reason.key;
    }

    /** The page element's id, one per reason: {@code submit-awaiting-ruling}. */
    public String elementId() {
        return "submit-" + reason.key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
