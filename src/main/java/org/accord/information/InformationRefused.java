package org.accord.information;

/** A step the object's state does not allow (e.g. answering after the deadline): 409, nothing changed. */
class InformationRefused extends RuntimeException {

    private final String messageKey;

    InformationRefused(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
