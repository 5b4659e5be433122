package org.accord.documents;

/** How an incoming document was answered. */
enum IncomingReplyKind {
    /** 以公文答复: the reference is the issued document's number. */
    DOCUMENT,
    /** 函复 */
    LETTER,
    /** 电话答复 */
    PHONE;

    public String messageKey() {
        return "documents.incoming.reply." + name();
    }
}
