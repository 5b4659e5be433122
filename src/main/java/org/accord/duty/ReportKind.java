package org.accord.duty;

/** 初报, 续报, 终报. */
enum ReportKind {
    FIRST,
    FOLLOW_UP,
    FINAL;

    public String messageKey() {
        return "duty.report.kind." + name();
    }
}
