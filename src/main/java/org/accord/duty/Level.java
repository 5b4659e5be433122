package org.accord.duty;

/** An incident's preliminary level (事件等级): 特别重大 I, 重大 II, 较大 III, 一般 IV. */
enum Level {
    I("Extreme", "Immediate"),
    II("Severe", "Immediate"),
    III("Moderate", "Expected"),
    IV("Minor", "Expected");

    private final String capSeverity;
    private final String capUrgency;

    Level(String capSeverity, String capUrgency) {
        this.capSeverity = capSeverity;
        this.capUrgency = capUrgency;
    }

    /** Levels I and II are reported up at once, whatever the verification says. */
    public boolean major() {
        return this == I || this == II;
    }

    String capSeverity() {
        return capSeverity;
    }

    String capUrgency() {
        return capUrgency;
    }

    public String messageKey() {
        return "duty.level." + name();
    }
}
