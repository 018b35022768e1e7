package dev.attest.worklist;

/**
 * A task was given to a named person by someone else (a senior analyst or manager, a colleague handing it over, or
 * automatic assignment), published in the assigning transaction. Claiming a task for oneself publishes nothing.
 *
 * @param taskId the engine's task id
 * @param taskName the task's name
 * @param caseId the case's public id, or {@code null} for a task outside any case
 * @param caseReference the case's reference, or {@code null}
 * @param assignee who holds the task now
 * @param assignedBy who gave it ({@code system} for automatic assignment)
 * @param note what the giver wrote (a hand-over note), or {@code null}
 */
public record TaskAssigned(String taskId, String taskName, String caseId, String caseReference, String assignee,
        String assignedBy, String note) {
}
