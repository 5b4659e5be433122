package org.accord.duty;

/** The persisted timers of the duty desk (db-scheduler one-time tasks), each firing once per instance. */
enum DutyTimer {
    /** A report clock is about to run out. Instance {@code incident:CHANNEL:seq}. */
    CLOCK_WARN,
    /** A report clock ran out. Instance {@code incident:CHANNEL:seq}. */
    CLOCK_ALARM,
    /** Leaders who have not acknowledged: tell the next leader. Instance {@code incident:round}. */
    ESCALATE,
    /** Units who have not acknowledged: remind them. Instance {@code incident:sent-epoch-second}. */
    REMIND,
    /** A first arrangement is due. Instance {@code arrangement}. */
    ARRANGEMENT_DUE;

    String taskName() {
        return "duty-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
