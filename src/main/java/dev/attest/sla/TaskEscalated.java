package dev.attest.sla;

/**
 * A late task was escalated (warned, offered to senior analysts, or to managers), published in the transaction that
 * recorded the {@link Escalation}: the engine's, when the SLA timer fired.
 *
 * @param caseReference the case's reference, or {@code null} for a task outside any case
 * @param taskId the engine's task id
 * @param taskName the task's name
 * @param level how far it went
 * @param assignee who held the task then, or {@code null} when nobody did
 */
public record TaskEscalated(String caseReference, String taskId, String taskName, Escalation.Level level,
        String assignee) {
}
