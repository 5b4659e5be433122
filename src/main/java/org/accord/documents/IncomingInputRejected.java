package org.accord.documents;

/** Input that is missing, too long or inconsistent: 400, nothing changed. */
class IncomingInputRejected extends RuntimeException {

    private final String messageKey;

    IncomingInputRejected(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
