package org.accord.directory;

/**
 * The direction of a message, derived from the directory and never typed by hand. It decides the
 * genre, the tone of templates and the routing. See docs/direction.md for the rule.
 */
public enum Direction {
    /** To leaders or to a superior government and its organs (对上). */
    UP,
    /** To subordinate units (对下). */
    DOWN,
    /** Within one institution, e.g. between sections of the general office (对内). */
    INTERNAL,
    /** To peers that are neither above nor below (平行). */
    PARALLEL;

    public String messageKey() {
        return "direction." + name();
    }
}
