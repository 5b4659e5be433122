package org.accord.meetings;

/** The kinds of meeting the office organises. */
enum MeetingKind {
    /** 常务会议 */
    STANDING,
    /** 专题会议 */
    THEMATIC,
    /** 协调会 */
    COORDINATION,
    /** 工作会议 */
    WORK,
    /** 电视电话会议 */
    VIDEO;

    public String messageKey() {
        return "meetings.kind." + name();
    }
}
