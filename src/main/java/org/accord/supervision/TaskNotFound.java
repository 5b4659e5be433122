package org.accord.supervision;

/** No such task, or none the signed-in account may see: answered with 404 either way. */
class TaskNotFound extends RuntimeException {

    TaskNotFound(long taskId) {
        super("Task " + taskId + " not found or outside the data scope");
    }
}
