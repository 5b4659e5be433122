package org.accord.duty;

/** OPEN while it is handled, ENDED when the response is over (the final report is due), CLOSED after it. */
enum IncidentStatus {
    OPEN,
    ENDED,
    CLOSED;

    public String messageKey() {
        return "duty.status." + name();
    }
}
