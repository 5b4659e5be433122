package org.accord.cases;

/** The citizen's five-level satisfaction at the return visit. */
enum Satisfaction {
    VERY_SATISFIED,
    SATISFIED,
    BASICALLY_SATISFIED,
    UNSATISFIED,
    VERY_UNSATISFIED;

    boolean satisfied() {
        return this == VERY_SATISFIED || this == SATISFIED || this == BASICALLY_SATISFIED;
    }
}
