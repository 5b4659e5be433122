package org.accord.coordination;

/** The part a unit or a person plays in a matter. */
public enum PartyRole {
    LEAD,
    COOPERATING,
    CONSULTED,
    INFORMED,
    DECIDING_LEADER;

    public String messageKey() {
        return "coordination.role." + name();
    }
}
