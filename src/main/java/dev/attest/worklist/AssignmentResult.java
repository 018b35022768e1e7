package dev.attest.worklist;

/**
 * What became of one task of a bulk assignment.
 *
 * @param id the task's id
 * @param status as an HTTP status: 200 done (or nothing to do), 400 the assignee may not take it, 403 the caller
 *        may not, 404 no such task (or not visible to the caller), 409 it ended or changed meanwhile
 * @param message what happened, for the user
 */
public record AssignmentResult(String id, int status, String message) {

    public boolean done() {
        return status == 200;
    }
}
