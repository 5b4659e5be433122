package org.accord.information;

/** Bad or missing input: 400, nothing changed. The message key names what is wrong, with its arguments. */
class InformationInputRejected extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    InformationInputRejected(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments;
    }
}
