package org.accord.coordination;

/** What a matter is: a meeting, a document, a case, an incident, a piece of information, or anything else. */
public enum MatterKind {
    MEETING,
    DOCUMENT,
    CASE,
    INCIDENT,
    INFORMATION,
    GENERAL;

    public String messageKey() {
        return "coordination.kind." + name();
    }
}
