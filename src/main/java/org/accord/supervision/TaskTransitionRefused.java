package org.accord.supervision;

/**
 * A state change the task's current status does not allow; nothing was changed. Answered with
 * HTTP 409 and the Chinese text of {@link #messageKey()}.
 */
abstract class TaskTransitionRefused extends RuntimeException {

    private final String messageKey;

    TaskTransitionRefused(String messageKey, long taskId, TaskStatus status) {
        super("Task " + taskId + " is " + status + ": " + messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
