package dev.attest.worklist;

import java.time.Instant;
import java.time.LocalDate;

import dev.attest.cases.CaseType;
import dev.attest.cases.Priority;
import dev.attest.sla.Escalation;

/**
 * A task as the task list shows it, with the case it belongs to.
 *
 * @param id the engine's task id
 * @param name what to do
 * @param taskKey the BPMN element id ({@code Task_ReviewRecovery})
 * @param description the task's instructions, if any
 * @param caseId the case's public id, or {@code null} for a task outside any case
 * @param caseReference the case's reference
 * @param clientName the client's name
 * @param caseType the case's type
 * @param casePriority the case's priority
 * @param created when the task was created
 * @param due when it is due, if set
 * @param assignee who holds it, if anyone
 * @param assigneeName the holder's display name
 * @param escalation how far the task was escalated for running late, or {@code null} (in JSON its name:
 *        {@code WARNING}, {@code SENIOR_ANALYSTS}, {@code MANAGERS})
 * @param followUp the day the task was snoozed until (it is out of "My tasks" before then), or {@code null}
 */
public record WorkItem(String id, String name, String taskKey, String description, String caseId,
        String caseReference, String clientName, CaseType caseType, Priority casePriority, Instant created,
        Instant due, String assignee, String assigneeName, Escalation.Level escalation, LocalDate followUp) {
}
