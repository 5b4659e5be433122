package org.accord.supervision;

/** Completion was reported and awaits the office's review. */
class CompletionAwaitingReview extends TaskTransitionRefused {

    CompletionAwaitingReview(long taskId, TaskStatus status) {
        super("supervision.refused.awaitingReview", taskId, status);
    }
}
