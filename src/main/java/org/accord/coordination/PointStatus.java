package org.accord.coordination;

/**
 * Where a point at issue stands: not yet settled, agreed by all asked parties, divided after a closed
 * round, escalated to the deciding leader, or ruled by him.
 */
public enum PointStatus {
    OPEN,
    AGREED,
    DIVIDED,
    ESCALATED,
    RULED;

    /** Agreed or ruled: nothing left to settle. */
    public boolean settled() {
        return this == AGREED || this == RULED;
    }

    public String messageKey() {
        return "coordination.point." + name();
    }
}
