package org.accord.cases;

/** The case is visible, but this step belongs to someone else (another unit, the office, the unit's head): 403. */
class NotYourStep extends RuntimeException {

    private final String messageKey;

    NotYourStep(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
