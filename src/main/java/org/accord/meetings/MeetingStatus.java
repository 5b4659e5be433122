package org.accord.meetings;

/** PLANNED → NOTIFIED (notice sent) → CONCLUDED (outcome recorded); CANCELLED from either of the first two. */
enum MeetingStatus {
    PLANNED,
    NOTIFIED,
    CONCLUDED,
    CANCELLED;

    public boolean open() {
        return this == PLANNED || this == NOTIFIED;
    }

    public String messageKey() {
        return "meetings.status." + name();
    }
}
