package org.accord.documents;

/**
 * A step the incoming document's state does not allow; nothing was changed. Answered with 409 and the
 * Chinese text of {@link #messageKey()}.
 */
class IncomingRefused extends RuntimeException {

    private final String messageKey;

    IncomingRefused(String messageKey, long documentId, IncomingState state) {
        super("Incoming document " + documentId + " is " + state + ": " + messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
