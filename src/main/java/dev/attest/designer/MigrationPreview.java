package dev.attest.designer;

import java.util.List;

/**
 * A planned move of running instances from one version of a process to another, as the engine validated it.
 *
 * @param sourceId the version the instances run on
 * @param targetId the version they would move to
 * @param planProblems why the plan itself is invalid (empty when it is valid)
 * @param instances each running instance and whether it can move
 */
public record MigrationPreview(String sourceId, String targetId, List<String> planProblems,
        List<InstanceMove> instances) {

    /**
     * @param processInstanceId the instance
     * @param caseReference its case
     * @param activities where it waits now (element ids)
     * @param steps the same places by their names in the model (the id where an element has no name)
     * @param canMove whether the engine accepts moving it
     * @param reason why not, when it cannot
     */
    public record InstanceMove(String processInstanceId, String caseReference, List<String> activities,
            List<String> steps, boolean canMove, String reason) {
    }

    public boolean planValid() {
        return planProblems.isEmpty();
    }

    public List<String> movable() {
        return instances.stream().filter(InstanceMove::canMove).map(InstanceMove::processInstanceId).toList();
    }
}
