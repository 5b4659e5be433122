package org.accord.cases;

/** Where a case stands in the 12345 loop; the Chinese names are {@code cases.status.*}. */
enum CaseStatus {
    /** Taken in, not dispatched yet (待派单). */
    RECEIVED,
    /** Dispatched to a lead unit and its cooperating units, being handled (办理中). */
    DISPATCHED,
    /** The lead unit's approved reply awaits the office's review (答复待审核). */
    REPLIED,
    /** The reply was accepted; the citizen is to be called back (待回访). */
    VISIT,
    /** The citizen was not satisfied; the office reopens or closes it with a reason (不满意待处理). */
    UNSATISFIED,
    /** Finished (已办结), at first contact, after a visit, or with a recorded reason. */
    CLOSED,
    /** A duplicate merged into its master case (已并案). */
    MERGED;

    boolean finished() {
        return this == CLOSED || this == MERGED;
    }
}
