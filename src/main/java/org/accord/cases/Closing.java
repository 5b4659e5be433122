package org.accord.cases;

/** How a case was closed, for the figures. */
enum Closing {
    /** Answered at once from the knowledge base (首呼解决). */
    FIRST_CONTACT,
    /** After a return visit with a satisfied citizen. */
    SATISFIED,
    /** Unsatisfied, closed with a recorded reason. */
    WITH_REASON
}
