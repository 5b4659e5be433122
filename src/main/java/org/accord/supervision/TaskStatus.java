package org.accord.supervision;

/** Where a supervised task stands. Being overdue is not a status: see {@link Task#isOverdue}. */
enum TaskStatus {
    /** Opened; nothing reported yet. */
    OPEN,
    /** The lead unit has reported progress at least once. */
    IN_PROGRESS,
    /** The lead unit says it is done; the office has to review the evidence. */
    COMPLETION_REPORTED,
    /** The office accepted the completion (办结). Final. */
    COMPLETED
}
