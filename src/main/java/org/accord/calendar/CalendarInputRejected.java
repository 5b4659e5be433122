package org.accord.calendar;

/** Input to a calendar page or the API was not acceptable; nothing was changed. */
class CalendarInputRejected extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    CalendarInputRejected(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
