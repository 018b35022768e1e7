package dev.attest.designer;

import java.time.Instant;

/**
 * An open incident: a job that failed all its retries (or another engine incident).
 *
 * @param id the incident id
 * @param type e.g. failedJob
 * @param activityId where it happened
 * @param activityName that step's name in the model, or {@code null} when it has none
 * @param message the error
 * @param processInstanceId the instance
 * @param processDefinitionId its version
 * @param caseReference the case (business key), if any
 * @param at when it was raised
 * @param retryable whether it can be retried (failed jobs can)
 */
public record OpenIncident(String id, String type, String activityId, String activityName, String message,
        String processInstanceId, String processDefinitionId, String caseReference, Instant at, boolean retryable) {

    /** What a person calls the step: its name, or its id when the model gives it none. */
    public String activityLabel() {
        return activityName == null ? activityId : activityName;
    }
}
