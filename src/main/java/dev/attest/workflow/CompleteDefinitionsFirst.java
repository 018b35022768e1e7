package dev.attest.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.model.Properties;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.springframework.stereotype.Component;

/**
 * Closes a race in the engine's deployment cache. When a node loads a process definition it has not used yet (every
 * definition on a node that did not deploy it, or after the cache was emptied), the engine's BPMN deployer puts the
 * parsed definition into the shared cache first and only then gives its timers and asynchronous steps the ids of
 * their job definitions. Another thread that needs the same definition in between takes it from the cache without
 * those ids, and every job it creates then fails ("Invalid process definition id: processDefinitionId is null" in
 * Camunda 7.24): seen on two nodes when a hundred follow-up tasks started their SLA timers at once.
 *
 * <p>Here a definition loaded into the cache is completed first and published after. New deployments keep the
 * engine's order (their definitions are not visible to other transactions until they commit, and their start
 * timers look the definition up in the cache while it is being deployed).
 */
@Component
class CompleteDefinitionsFirst extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = new ArrayList<>();
        for (Deployer deployer : configuration.getDeployers()) {
            deployers.add(deployer.getClass() == BpmnDeployer.class
                    ? new CompletingBpmnDeployer((BpmnDeployer) deployer) : deployer);
        }
        configuration.setDeployers(deployers);
        configuration.getDeploymentCache().setDeployers(deployers);
    }

    /** The engine's BPMN deployer, but a definition loaded into the cache is published only once complete. */
    static class CompletingBpmnDeployer extends BpmnDeployer {

        CompletingBpmnDeployer(BpmnDeployer engineDeployer) {
            setExpressionManager(engineDeployer.getExpressionManager());
            setBpmnParser(engineDeployer.getBpmnParser());
            setIdGenerator(engineDeployer.getIdGenerator());
        }

        @Override
        protected void registerDefinition(DeploymentEntity deployment, ProcessDefinitionEntity definition,
                Properties properties) {
            if (deployment.isNew()) {
                super.registerDefinition(deployment, definition, properties);
                return;
            }
            definitionAddedToDeploymentCache(deployment, definition, properties); // job definition ids set here
            addDefinitionToDeploymentCache(getDeploymentCache(), definition);
            deployment.addDeployedArtifact(definition);
        }
    }
}
