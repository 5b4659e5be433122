package org.accord.security;

/**
 * An administrator's or holder's change that the rules refuse; nothing was changed. The message is the key
 * of a Chinese text in {@code i18n/security.properties}.
 */
class AccountRefused extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    AccountRefused(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
