package org.accord.duty;

/** What a report clock counts down to: the phone report, the written report, the next follow-up, the final report. */
enum ClockChannel {
    PHONE,
    WRITTEN,
    FOLLOW_UP,
    FINAL;

    public String messageKey() {
        return "duty.clock." + name();
    }
}
