package org.accord.duty;

/** Why someone was told: as the leader on duty, the leader overseeing the area, the next leader, a unit of the plan, a relayed instruction. */
enum NotificationKind {
    LEADER_ON_DUTY,
    OVERSEEING_LEADER,
    ESCALATED_LEADER,
    UNIT,
    INSTRUCTION;

    public boolean leader() {
        return this == LEADER_ON_DUTY || this == OVERSEEING_LEADER || this == ESCALATED_LEADER;
    }

    public String messageKey() {
        return "duty.notification.kind." + name();
    }
}
