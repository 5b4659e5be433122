package org.accord.information;

/** Where a unit's answer stands. A withdrawn answer is edited like a draft and submitted again. */
enum AnswerStatus {
    DRAFT,
    SUBMITTED,
    WITHDRAWN
}
