package org.accord.supervision;

/** There is no reported completion to review. */
class CompletionNotReported extends TaskTransitionRefused {

    CompletionNotReported(long taskId, TaskStatus status) {
        super("supervision.refused.notReported", taskId, status);
    }
}
