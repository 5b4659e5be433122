package org.accord.coordination;

/** A unit's answer on one point. */
public enum Stance {
    AGREE,
    AGREE_WITH_CONDITIONS,
    DISAGREE,
    NO_OPINION;

    public boolean agrees() {
        return this == AGREE || this == AGREE_WITH_CONDITIONS;
    }

    public String messageKey() {
        return "coordination.stance." + name();
    }
}
