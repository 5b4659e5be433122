package org.accord.duty;

/** The four classes of emergencies, with the CAP 1.2 category each one maps to. */
enum EventClass {
    NATURAL_DISASTER("Geo"),
    ACCIDENT("Safety"),
    PUBLIC_HEALTH("Health"),
    SOCIAL_SECURITY("Security");

    private final String capCategory;

    EventClass(String capCategory) {
        this.capCategory = capCategory;
    }

    /** The CAP category: the class's own, refined by a few event types where CAP has a closer one. */
    String capCategory(String eventType) {
        if (eventType.contains("火")) {
            return "Fire";
        }
        if (this == NATURAL_DISASTER
                && (eventType.contains("暴雨") || eventType.contains("台风") || eventType.contains("雪"))) {
            return "Met";
        }
        if (this == ACCIDENT && (eventType.contains("交通") || eventType.contains("道路"))) {
            return "Transport";
        }
        if (this == ACCIDENT && (eventType.contains("垮塌") || eventType.contains("倒塌") || eventType.contains("桥"))) {
            return "Infra";
        }
        return capCategory;
    }

    public String messageKey() {
        return "duty.class." + name();
    }
}
