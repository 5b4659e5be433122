package org.accord.cases;

/** Whether the citizen says the problem was solved, asked at the return visit. */
enum Solved {
    SOLVED,
    PARTLY,
    NOT_SOLVED
}
