package org.accord.search;

/** The kinds of item in the index; the names are stable, the index and URLs carry them. */
public enum SearchKind {
    MATTER,
    MEETING,
    DOCUMENT,
    CASE,
    INCIDENT,
    INSTRUCTION,
    DECISION,
    BRIEF
}
