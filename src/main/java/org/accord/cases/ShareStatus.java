package org.accord.cases;

/** Where one unit's share of a case stands. */
enum ShareStatus {
    /** Dispatched, not signed for yet (待签收). */
    ASSIGNED,
    /** Signed for, being handled (办理中). */
    SIGNED,
    /** The unit asked to return it; the office decides (退单待审). */
    RETURN_REQUESTED,
    /** Returned with the office's consent; no longer the unit's (已退单). */
    RETURNED,
    /** A cooperating unit reported to the lead unit (已报送主办). */
    REPORTED,
    /** The lead unit's reply is drafted and awaits the unit head's approval (答复待本单位领导审批). */
    DRAFTED,
    /** The lead unit's reply was approved and sent to the office (已答复). */
    REPLIED;

    boolean active() {
        return this != RETURNED;
    }
}
