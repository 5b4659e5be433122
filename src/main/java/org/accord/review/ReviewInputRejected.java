package org.accord.review;

/** A request to the review pages with a value that cannot be used: 400 with the Chinese message of the key. */
class ReviewInputRejected extends RuntimeException {

    private final String messageKey;

    ReviewInputRejected(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
