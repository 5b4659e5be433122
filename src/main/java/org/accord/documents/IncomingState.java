package org.accord.documents;

/** Where an incoming document stands, from signing for it to its reply. */
enum IncomingState {
    /** 已签收: taken in, not yet registered. */
    SIGNED,
    /** 已登记: has its receipt number, awaits the check. */
    REGISTERED,
    /** 已退文: returned to the sender with a reason; registered again when it comes back. */
    RETURNED,
    /** 初审通过: awaits routing to the section that handles it. */
    ACCEPTED,
    /** 承办中: with the handling section until the reply. */
    ROUTED,
    /** 已办结: answered. */
    CLOSED;

    public String messageKey() {
        return "documents.incoming.state." + name();
    }
}
