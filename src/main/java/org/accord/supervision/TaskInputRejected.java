package org.accord.supervision;

/** A text that is missing or too long: 400, nothing changed. */
class TaskInputRejected extends RuntimeException {

    private final String messageKey;

    TaskInputRejected(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
