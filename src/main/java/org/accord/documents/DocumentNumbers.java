package org.accord.documents;

/**
 * Document numbers (发文字号) per issuer code and year: allocated at registration, never twice, without gaps;
 * a number that will not be used is voided with a reason, never reused.
 */
interface DocumentNumbers {

    /**
     * The next number for this issuer code and year, recorded as issued to the document, inside the
     * caller's transaction: if that transaction rolls back, so does the allocation.
     *
     * @param issuerCode the issuer code as printed, e.g. "示例府办发"
     * @param year the year of the number
     * @param documentId the document that takes it
     * @return the sequence number (1, 2, …)
     */
    int allocate(String issuerCode, int year, long documentId);

    /** Formats a number as printed: issuerCode〔year〕sequence号. */
    static String format(String issuerCode, int year, int sequence) {
        return issuerCode + "〔" + year + "〕" + sequence + "号";
    }

    /** Records that an issued number will not be used, and why; it stays taken. */
    void voidNumber(String issuerCode, int year, int sequence, String reason, String byWhom);
}
