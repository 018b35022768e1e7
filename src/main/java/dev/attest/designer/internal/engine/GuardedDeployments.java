package dev.attest.designer.internal.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;

import dev.attest.designer.DeploymentGuard;
import dev.attest.designer.DeploymentRefusedException;
import dev.attest.designer.Violation;
import dev.attest.workflow.ProcessBeans;

/**
 * Puts the deployment guard in front of the engine's own deployers, so that every new deployment is checked,
 * however it is made: from the designer, the REST API, or the class path at start-up. A refusal throws before
 * the engine parses anything, and the deployment's transaction rolls back.
 */
@Component
class GuardedDeployments extends AbstractProcessEnginePlugin {

    private final ProcessBeans processBeans;

    GuardedDeployments(ProcessBeans processBeans) {
        this.processBeans = processBeans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> pre = new ArrayList<>();
        if (configuration.getCustomPreDeployers() != null) {
            pre.addAll(configuration.getCustomPreDeployers());
        }
        pre.add(new GuardDeployer(new DeploymentGuard(processBeans::allows)));
        configuration.setCustomPreDeployers(pre);
    }

    static final class GuardDeployer implements Deployer {

        private final DeploymentGuard guard;

        GuardDeployer(DeploymentGuard guard) {
            this.guard = guard;
        }

        @Override
        public void deploy(DeploymentEntity deployment) {
            if (!deployment.isNew()) {
                return; // already checked when it was deployed; now only being loaded into the cache
            }
            List<Violation> violations = new ArrayList<>();
            for (ResourceEntity resource : deployment.getResources().values()) {
                violations.addAll(guard.check(resource.getName(), resource.getBytes()));
            }
            if (!violations.isEmpty()) {
                throw new DeploymentRefusedException(violations);
            }
        }
    }
}
