package org.accord.review;

/** Input a summary page refuses (HTTP 400, the message key's Chinese text on the page); nothing was changed. */
class SummaryInputRejected extends RuntimeException {

    private final String messageKey;

    SummaryInputRejected(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
