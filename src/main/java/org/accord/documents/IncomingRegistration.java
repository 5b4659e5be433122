package org.accord.documents;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the clerk registers (登记) of an incoming document, already checked: the sender as a unit of the
 * directory (its name copied) or an outside sender by name.
 *
 * @param senderUnitId the sending unit, if it is in the directory
 * @param senderName the sender's name as shown
 * @param senderNumber the sender's document number (来文字号), if any
 * @param title the title
 * @param genre the genre, if it is one Accord knows
 * @param urgency 特急 / 加急, or null
 * @param classification the classification marking as printed, or null
 * @param copies how many copies came
 * @param pages how many pages, if counted
 * @param attachments the attachments' names
 * @param receivedOn the date it was received
 * @param answerBy the date by which the sender expects an answer, if it asks for one
 */
record IncomingRegistration(
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
        @Nullable LocalDate answerBy) {

    static final int TITLE_MAX = 300;
    static final int SENDER_MAX = 200;
    static final int NUMBER_MAX = 100;
    static final int CLASSIFICATION_MAX = 50;
    static final int ATTACHMENTS_MAX = 30;
    static final int ATTACHMENT_NAME_MAX = 200;

    IncomingRegistration {
        senderName = required(senderName, SENDER_MAX, "documents.incoming.error.sender");
        title = required(title, TITLE_MAX, "documents.incoming.error.title");
        senderNumber = optional(senderNumber, NUMBER_MAX, "documents.incoming.error.senderNumber");
        classification = optional(classification, CLASSIFICATION_MAX, "documents.incoming.error.classification");
        if (copies < 1 || copies > 9999) {
            throw new IncomingInputRejected("documents.incoming.error.copies");
        }
        if (pages != null && (pages < 1 || pages > 99999)) {
            throw new IncomingInputRejected("documents.incoming.error.pages");
        }
        attachments = attachments == null
                ? List.of()
                : attachments.stream()
                        .map(String::strip)
                        .filter(name -> !name.isEmpty())
                        .toList();
        if (attachments.size() > ATTACHMENTS_MAX
                || attachments.stream().anyMatch(name -> name.length() > ATTACHMENT_NAME_MAX)) {
            throw new IncomingInputRejected("documents.incoming.error.attachments");
        }
        if (receivedOn == null) {
            throw new IncomingInputRejected("documents.incoming.error.receivedOn");
        }
        if (answerBy != null && answerBy.isBefore(receivedOn)) {
            throw new IncomingInputRejected("documents.incoming.error.answerBy");
        }
    }

    static String required(@Nullable String text, int max, String messageKey) {
        if (text == null || text.isBlank() || text.strip().length() > max) {
            throw new IncomingInputRejected(messageKey);
        }
        return text.strip();
    }

    static @Nullable String optional(@Nullable String text, int max, String messageKey) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > max) {
            throw new IncomingInputRejected(messageKey);
        }
        return text.strip();
    }
}
