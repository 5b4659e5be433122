package org.accord.duty;

/** How a report reached the duty room. */
enum IntakeChannel {
    PHONE,
    FAX,
    SYSTEM,
    MESSAGE,
    IN_PERSON;

    public String messageKey() {
        return "duty.channel." + name();
    }
}
