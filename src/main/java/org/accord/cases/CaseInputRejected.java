package org.accord.cases;

/** Missing or bad input; nothing was changed. Answered with 400 and the Chinese text of the key. */
class CaseInputRejected extends RuntimeException {

    private final String messageKey;

    CaseInputRejected(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
