package org.accord.supervision;

/** The account may see the task but this action belongs to someone else (e.g. review to the office): 403. */
class NotYourPart extends RuntimeException {

    private final String messageKey;

    NotYourPart(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
