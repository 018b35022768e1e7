package dev.attest.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.attest.AttestTest;

/**
 * A node loading a definition it has not used yet puts it where other threads find it only once its timers know
 * their job definitions. (With the engine's own deployer, a thread that took the definition in that instant created
 * jobs without a process definition, which failed: two nodes starting a hundred SLA ladders at once, and a stress
 * run of 400 starts while the cache was emptied every 3 ms, hit it.)
 */
@AttestTest
class DefinitionCacheRaceTests {

    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;

    List<Deployer> engineDeployers;
    String deploymentId;
    String definitionId;

    /** For each definition put into the cache: were all its timers given their job definition before? */
    final List<Boolean> completeWhenShown = new ArrayList<>();

    @BeforeEach
    void deployAProcessWithTimers() {
        engineDeployers = engine.getDeployers();
        deploymentId = repository.createDeployment().addString("timers.bpmn", EngineHardeningTests.process(
                "CacheRace" + System.nanoTime(), """
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Split" />
                <bpmn:parallelGateway id="Split" />
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Split" targetRef="Wait_A" />
                <bpmn:sequenceFlow id="Flow_3" sourceRef="Split" targetRef="Wait_B" />
                <bpmn:intermediateCatchEvent id="Wait_A"><bpmn:timerEventDefinition id="Timer_A">
                  <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT10H</bpmn:timeDuration>
                </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                <bpmn:intermediateCatchEvent id="Wait_B"><bpmn:timerEventDefinition id="Timer_B">
                  <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT11H</bpmn:timeDuration>
                </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="Flow_4" sourceRef="Wait_A" targetRef="End_A" />
                <bpmn:sequenceFlow id="Flow_5" sourceRef="Wait_B" targetRef="End_B" />
                <bpmn:endEvent id="End_A" />
                <bpmn:endEvent id="End_B" />""")).deploy().getId();
        definitionId = repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult().getId();
    }

    @AfterEach
    void restore() {
        engine.getDeploymentCache().setDeployers(engineDeployers);
        repository.deleteDeployment(deploymentId, true);
    }

    boolean timersKnowTheirJobDefinition(ProcessDefinitionEntity definition) {
        List<TimerDeclarationImpl> timers = new ArrayList<>();
        for (String activity : List.of("Wait_A", "Wait_B")) {
            Map<String, TimerDeclarationImpl> declared = TimerDeclarationImpl
                    .getDeclarationsForScope(definition.findActivity(activity));
            timers.addAll(declared.values());
        }
        assertThat(timers).hasSize(2);
        return timers.stream().allMatch(t -> t.getJobDefinitionId() != null);
    }

    /** Loads the definition into an emptied cache with the given BPMN deployer, watching when it is shown. */
    void loadAsAColdNode(UnaryOperator<BpmnDeployer> watched) {
        List<Deployer> deployers = new ArrayList<>();
        for (Deployer d : engineDeployers) {
            deployers.add(d instanceof BpmnDeployer bpmn ? watched.apply(bpmn) : d);
        }
        engine.getDeploymentCache().setDeployers(deployers);
        engine.getDeploymentCache().discardProcessDefinitionCache();
        ((RepositoryServiceImpl) repository).getDeployedProcessDefinition(definitionId);
    }

    @Test
    void attestsDeployerShowsALoadedDefinitionOnlyOnceItsTimersKnowTheirJobDefinitions() {
        assertThat(engineDeployers).as("the engine runs Attest's BPMN deployer")
                .anyMatch(d -> d instanceof CompleteDefinitionsFirst.CompletingBpmnDeployer)
                .noneMatch(d -> d.getClass() == BpmnDeployer.class);

        loadAsAColdNode(engineDeployer -> new CompleteDefinitionsFirst.CompletingBpmnDeployer(engineDeployer) {
            @Override
            protected void addDefinitionToDeploymentCache(DeploymentCache cache, ProcessDefinitionEntity definition) {
                completeWhenShown.add(timersKnowTheirJobDefinition(definition));
                super.addDefinitionToDeploymentCache(cache, definition);
            }
        });

        assertThat(completeWhenShown).containsExactly(true);
        ProcessInstance started = runtime.startProcessInstanceById(definitionId);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(started.getId()).list())
                .hasSize(2).allSatisfy(job -> assertThat(job.getProcessDefinitionId()).isEqualTo(definitionId));
    }

    @Test
    void theEnginesOwnDeployerShowsItBeforeAndThatIsTheRace() {
        loadAsAColdNode(engineDeployer -> {
            BpmnDeployer plain = new BpmnDeployer() {
                @Override
                protected void addDefinitionToDeploymentCache(DeploymentCache cache,
                        ProcessDefinitionEntity definition) {
                    completeWhenShown.add(timersKnowTheirJobDefinition(definition));
                    super.addDefinitionToDeploymentCache(cache, definition);
                }
            };
            plain.setExpressionManager(engineDeployer.getExpressionManager());
            plain.setBpmnParser(engineDeployer.getBpmnParser());
            plain.setIdGenerator(engineDeployer.getIdGenerator());
            return plain;
        });

        assertThat(completeWhenShown).as("shown before its timers have job definitions").containsExactly(false);
    }
}
