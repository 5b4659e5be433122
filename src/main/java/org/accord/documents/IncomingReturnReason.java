package org.accord.documents;

/** Why a document goes back to its sender (退文): the usual faults of a 请示 from a unit, or another reason. */
enum IncomingReturnReason {
    /** 一文多事 */
    SEVERAL_MATTERS,
    /** 多头主送 */
    SEVERAL_ADDRESSEES,
    /** 越级行文 */
    SKIPPED_LEVEL,
    /** 未经负责人签发 */
    NOT_SIGNED,
    /** 其他 (the reason is then written out) */
    OTHER;

    public String messageKey() {
        return "documents.incoming.return." + name();
    }
}
