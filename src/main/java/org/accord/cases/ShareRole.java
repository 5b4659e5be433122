package org.accord.cases;

/** A unit's part in a case: the lead unit answers for it (主办), cooperating units help (协办). */
enum ShareRole {
    LEAD,
    COOPERATING
}
