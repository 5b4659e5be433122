package org.accord.meetings;

/** Who a unit must send, highest first: the order decides whether someone named in a receipt is a substitute. */
enum AttendanceLevel {
    /** 主要负责同志: the unit's head. */
    PRINCIPAL,
    /** 分管负责同志: the deputy in charge of the matter. */
    IN_CHARGE,
    /** 其他负责同志: another member of the unit's leadership. */
    OTHER_LEADER,
    /** 工作人员: staff. */
    STAFF;

    /** Someone of this level attending where {@code required} was asked for is a substitute (代会). */
    public boolean substitutesFor(AttendanceLevel required) {
        return ordinal() > required.ordinal();
    }

    public String messageKey() {
        return "meetings.level." + name();
    }
}
