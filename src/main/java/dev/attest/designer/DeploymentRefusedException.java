package dev.attest.designer;

import java.util.List;

/** A model was refused by the deployment guard or the engine's parser; nothing was deployed. */
public class DeploymentRefusedException extends RuntimeException {

    private final transient List<Violation> violations;

    public DeploymentRefusedException(List<Violation> violations) {
        super("Deployment refused: " + String.join("; ", violations.stream().map(Violation::toString).toList()));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
