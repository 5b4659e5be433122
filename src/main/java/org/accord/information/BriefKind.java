package org.accord.information;

/** 信息专报 (a considered report) or 快报 (a quick one); each kind is numbered on its own per year. */
enum BriefKind {
    SPECIAL,
    FLASH;

    public String messageKey() {
        return "information.brief.kind." + name();
    }
}
