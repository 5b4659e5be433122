package org.accord.documents;

/** The urgency marked on an incoming document (紧急程度); none when it is not marked. */
enum IncomingUrgency {
    /** 特急 */
    EXTRA_URGENT,
    /** 加急 */
    URGENT;

    public String messageKey() {
        return "documents.incoming.urgency." + name();
    }
}
