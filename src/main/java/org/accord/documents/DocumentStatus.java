package org.accord.documents;

/**
 * Where a document stands: drafted (with its consultation rounds), under review (核稿), waiting for the
 * authorised leader's sign-off (签发), for the co-issuers' countersignatures (会签), for the final check
 * (复核), registered with its number, issued.
 */
enum DocumentStatus {
    DRAFTING,
    REVIEW,
    SIGNING,
    COUNTERSIGNING,
    FINAL_CHECK,
    REGISTERED,
    ISSUED;

    /** Whether the leader has signed off the text as it stands. */
    public boolean signedOff() {
        return this == COUNTERSIGNING || this == FINAL_CHECK;
    }

    public String messageKey() {
        return "documents.status." + name();
    }
}
