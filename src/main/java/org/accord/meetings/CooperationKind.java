package org.accord.meetings;

/** What a meeting asks of another section of the office. */
enum CooperationKind {
    /** 会场布置 */
    ROOM,
    /** 安全保卫 */
    SECURITY,
    /** 会议材料 */
    MATERIALS,
    /** 车辆保障 */
    CAR,
    /** 就餐安排 */
    CATERING;

    public String messageKey() {
        return "meetings.cooperation." + name();
    }
}
