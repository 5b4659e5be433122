package org.accord.coordination;

/** Whether the units asked in a round see each other's positions before it closes. */
public enum RoundVisibility {
    OPEN,
    BLIND;

    public String messageKey() {
        return "coordination.visibility." + name();
    }
}
