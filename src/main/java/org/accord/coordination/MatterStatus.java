package org.accord.coordination;

/** Where a matter stands: opened, under consultation, measures adopted, closed. */
public enum MatterStatus {
    OPEN,
    CONSULTING,
    ADOPTED,
    CLOSED;

    public String messageKey() {
        return "coordination.status." + name();
    }
}
