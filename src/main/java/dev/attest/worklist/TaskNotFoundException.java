package dev.attest.worklist;

/** The task does not exist (any more), or the caller may not see it. */
public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(String taskId) {
        super("No open task " + taskId + " that you may see");
    }
}
