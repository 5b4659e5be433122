package org.accord.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An incoming document as pages and the API show it. For the sender's liaison the office's internal
 * handling (section, proposed handling) is left out.
 *
 * @param receiptNumber the receipt number as printed (收文〔2026〕15号), null before registration
 * @param stateText the state in Chinese
 * @param deadline the deadline that counts now (handling deadline once routed, else the sender's)
 * @param due how the deadline stands: overdue, soon, ok, or none (no deadline, or closed)
 * @param workingDaysLeft working days from today to the deadline (negative when past), if there is one
 */
record IncomingView(
        long id,
        @Nullable String receiptNumber,
        IncomingState state,
        String stateText,
        Instant signedAt,
        String signedByName,
        IncomingChannel channel,
        @Nullable Long senderUnitId,
        String senderName,
        @Nullable String senderNumber,
        String title,
        @Nullable Genre genre,
        @Nullable IncomingUrgency urgency,
        @Nullable String classification,
        int copies,
        @Nullable Integer pages,
        List<String> attachments,
        LocalDate receivedOn,
        @Nullable LocalDate answerBy,
        @Nullable IncomingReturnReason returnReasonKind,
        @Nullable String returnReason,
        @Nullable Long handlingUnitId,
        @Nullable String handlingUnitName,
        @Nullable String handlingOpinion,
        @Nullable LocalDate handlingDeadline,
        @Nullable IncomingReplyKind replyKind,
        @Nullable String replyReference,
        @Nullable LocalDate replyOn,
        @Nullable Instant closedAt,
        @Nullable LocalDate deadline,
        String due,
        @Nullable Integer workingDaysLeft) {

    /** The attachments' names one per line, as the form's text area shows them. */
    public String attachmentsText() {
        return String.join("\n", attachments);
    }

    /** What the sending unit's liaison may see of it. */
    IncomingView forSender() {
        return new IncomingView(
                id,
                receiptNumber,
                state,
                stateText,
                signedAt,
                signedByName,
                channel,
                senderUnitId,
                senderName,
                senderNumber,
                title,
                genre,
                urgency,
                classification,
                copies,
                pages,
                attachments,
                receivedOn,
                answerBy,
                returnReasonKind,
                returnReason,
                null,
                null,
                null,
                null,
                replyKind,
                replyReference,
                replyOn,
                closedAt,
                answerBy,
                "none",
                null);
    }
}
