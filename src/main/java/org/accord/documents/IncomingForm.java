package org.accord.documents;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The register form as typed (every field a text, so that a wrong value gets a Chinese 400 rather than a
 * binding error); the JSON API fills the same fields.
 *
 * @param attachments one name per line
 * @param register "false" to sign for it only and register later
 */
record IncomingForm(
        @Nullable String channel,
        @Nullable String signedAt,
        @Nullable String senderUnitId,
        @Nullable String senderName,
        @Nullable String senderNumber,
        @Nullable String title,
        @Nullable String genre,
        @Nullable String urgency,
        @Nullable String classification,
        @Nullable String copies,
        @Nullable String pages,
        @Nullable String attachments,
        @Nullable String receivedOn,
        @Nullable String answerBy,
        @Nullable String register) {

    IncomingChannel channelValue() {
        IncomingChannel value = option(IncomingChannel.class, channel, "documents.incoming.error.channel");
        if (value == null) {
            throw new IncomingInputRejected("documents.incoming.error.channel");
        }
        return value;
    }

    @Nullable
    LocalDateTime signedAtValue() {
        if (blank(signedAt)) {
            return null;
        }
        try {
            return LocalDateTime.parse(signedAt.strip());
        } catch (DateTimeParseException e) {
            throw new IncomingInputRejected("documents.incoming.error.signedAt");
        }
    }

    boolean registerNow() {
        return !"false".equals(register);
    }

    /** The registration, checked; the received date defaults to {@code today}. */
    IncomingRegistration registration(LocalDate today) {
        Long unit = null;
        if (!blank(senderUnitId)) {
            try {
                unit = Long.parseLong(senderUnitId.strip());
            } catch (NumberFormatException e) {
                throw new IncomingInputRejected("documents.incoming.error.sender");
            }
        }
        LocalDate received = date(receivedOn, "documents.incoming.error.receivedOn");
        return new IncomingRegistration(
                unit,
                // A unit from the directory is named from there; the text is for an outside sender.
                unit != null ? "-" : senderName,
                senderNumber,
                title,
                option(Genre.class, genre, "documents.incoming.error.genre"),
                option(IncomingUrgency.class, urgency, "documents.incoming.error.urgency"),
                classification,
                blank(copies) ? 1 : number(copies, "documents.incoming.error.copies"),
                blank(pages) ? null : number(pages, "documents.incoming.error.pages"),
                blank(attachments) ? List.of() : Arrays.asList(attachments.split("\\r?\\n")),
                received == null ? today : received,
                date(answerBy, "documents.incoming.error.answerBy"));
    }

    static @Nullable LocalDate date(@Nullable String text, String messageKey) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IncomingInputRejected(messageKey);
        }
    }

    static <E extends Enum<E>> @Nullable E option(Class<E> type, @Nullable String text, String messageKey) {
        if (blank(text)) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IncomingInputRejected(messageKey);
        }
    }

    private static int number(String text, String messageKey) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IncomingInputRejected(messageKey);
        }
    }

    static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
