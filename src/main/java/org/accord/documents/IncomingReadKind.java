package org.accord.documents;

/** What a leader did with a circulated document. */
enum IncomingReadKind {
    /** 圈阅: read, nothing written. */
    READ,
    /** 阅示意见 */
    COMMENT,
    /** 批示 */
    INSTRUCTION;

    public String messageKey() {
        return "documents.incoming.read." + name();
    }
}
