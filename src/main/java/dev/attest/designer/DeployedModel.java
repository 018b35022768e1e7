package dev.attest.designer;

import java.time.Instant;

/**
 * One version of a deployed process or decision.
 *
 * @param id the engine's definition id
 * @param key the process or decision key (the id in the model)
 * @param name its name
 * @param kind BPMN or DMN
 * @param version the version number (1, 2, ...)
 * @param latest whether new cases use this version
 * @param runningInstances how many process instances run on this version (0 for decisions)
 * @param incidents how many open incidents those instances have
 * @param resourceName the file name it was deployed from
 * @param deploymentId the deployment that brought it
 * @param deployedAt when
 */
public record DeployedModel(String id, String key, String name, ModelKind kind, int version, boolean latest,
        long runningInstances, long incidents, String resourceName, String deploymentId, Instant deployedAt) {
}
