package org.accord.supervision;

/** Where a supervised task comes from. */
public enum SourceKind {
    /** A measure adopted in a coordination matter. */
    MEASURE,
    /** A task delegated by a leader or the office. */
    DELEGATION,
    /** A case's share handed to a unit. */
    CASE
}
