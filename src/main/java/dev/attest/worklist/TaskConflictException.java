package dev.attest.worklist;

/** Someone else got there first: the task is held by another user, or changed while you worked on it. */
public class TaskConflictException extends RuntimeException {

    public TaskConflictException(String message) {
        super(message);
    }
}
