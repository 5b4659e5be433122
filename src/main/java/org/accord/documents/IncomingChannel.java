package org.accord.documents;

/** How an incoming document reached the office. */
enum IncomingChannel {
    /** 机要交换 */
    CONFIDENTIAL_EXCHANGE,
    /** 邮寄 */
    POST,
    /** 电子公文 */
    ELECTRONIC,
    /** 当面 */
    IN_PERSON;

    public String messageKey() {
        return "documents.incoming.channel." + name();
    }
}
