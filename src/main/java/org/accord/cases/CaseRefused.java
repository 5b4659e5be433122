package org.accord.cases;

/**
 * A step the case's or share's current state does not allow; nothing was changed. Answered with 409 and
 * the Chinese text of {@link #messageKey()}.
 */
class CaseRefused extends RuntimeException {

    private final String messageKey;

    CaseRefused(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
