package dev.attest.designer;

/**
 * How many process instances wait in one activity, and how many incidents are open there.
 *
 * @param activityId the BPMN element id
 * @param instances instances there
 * @param incidents open incidents there
 */
public record ActivityCount(String activityId, long instances, long incidents) {
}
