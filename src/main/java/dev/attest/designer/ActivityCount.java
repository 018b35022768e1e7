package dev.attest.designer;

/**
 * How many process instances wait in one activity, and how many incidents are open there.
 *
 * @param activityId the BPMN element id
 * @param name the element's name in the model, or {@code null} when it has none
 * @param instances instances there
 * @param incidents open incidents there
 */
public record ActivityCount(String activityId, String name, long instances, long incidents) {

    /** What a person calls the step: its name, or its id when the model gives it none. */
    public String label() {
        return name == null ? activityId : name;
    }
}
