package org.accord.supervision;

/** Where a supervised task comes from. */
public enum SourceKind {
    /** A measure adopted in a coordination matter. */
    MEASURE,
    /** A task delegated by a leader or the office. */
    DELEGATION,
    /** A case's share handed to a unit. */
    CASE,
    /** A cooperation request to another section of the office, e.g. preparing a meeting room. */
    COOPERATION,
    /** A first arrangement of an incident plan, due within minutes or hours. */
    ARRANGEMENT,
    /** A leader's instruction (批示) handed to units to carry out. */
    INSTRUCTION
}
