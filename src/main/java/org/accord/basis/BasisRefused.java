package org.accord.basis;

/** A citation that cannot be made or withdrawn; the message key says why, in Chinese. */
class BasisRefused extends RuntimeException {

    private final String messageKey;

    BasisRefused(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
