package org.accord.coordination;

/** What a matter rests on: a leader's instruction, a decision, or a document. */
public enum BasisKind {
    INSTRUCTION,
    DECISION,
    DOCUMENT;

    public String messageKey() {
        return "coordination.basis." + name();
    }
}
