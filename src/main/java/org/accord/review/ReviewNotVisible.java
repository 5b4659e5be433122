package org.accord.review;

/** A unit or leader that does not exist or lies outside the account's data scope: 404 either way. */
class ReviewNotVisible extends RuntimeException {

    private final String messageKey;

    ReviewNotVisible(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
