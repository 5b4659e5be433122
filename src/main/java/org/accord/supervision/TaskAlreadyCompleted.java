package org.accord.supervision;

/** The task was completed (办结) already: nothing more can be reported or reviewed. */
class TaskAlreadyCompleted extends TaskTransitionRefused {

    TaskAlreadyCompleted(long taskId, TaskStatus status) {
        super("supervision.refused.completed", taskId, status);
    }
}
