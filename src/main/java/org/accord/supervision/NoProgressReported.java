package org.accord.supervision;

/** Completion cannot be reported before any progress. */
class NoProgressReported extends TaskTransitionRefused {

    NoProgressReported(long taskId, TaskStatus status) {
        super("supervision.refused.noProgress", taskId, status);
    }
}
