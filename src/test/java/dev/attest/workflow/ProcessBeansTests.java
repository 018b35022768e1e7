package dev.attest.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.repository.Repository;

import dev.attest.AttestTest;

/**
 * What a model may name: exactly the beans Attest's models name, each marked {@link ModelCallable}; no engine
 * adapter (the attack of issue 16: {@code ${camundaCaseWorkflow.deleteHistory('CASE-…')}} from a timer-start
 * process), no service, repository, data source or engine service.
 */
@AttestTest
class ProcessBeansTests {

    /** The beans Attest's BPMN and DMN files name. */
    static final Set<String> MODEL_CALLABLE = Set.of("analyseOwnershipDelegate", "closeCaseDelegate",
            "marketplaceWait", "ownershipConfirmedListener", "pauseSlaClock",
            "recordDocumentDecisionDelegate", "recordOwnershipApprovalDelegate", "recordSubmissionDelegate",
            "readDocumentDelegate", "recordTriageDelegate", "recordVerificationResultDelegate",
            "recoveryResultDelegate", "requestDocumentDelegate", "requestOwnershipDocumentsDelegate", "resumeSlaClock",
            "runDocumentChecksDelegate", "screenSubjectsDelegate", "screeningHitsReviewedListener",
            "sendAuthenticatorGuidanceDelegate", "slaEscalationDelegate", "slaTimers", "trueMatchConfirmedListener");

    /** Engine adapters, services and infrastructure a model must not reach (each is a bean of the application). */
    static final List<String> NOT_CALLABLE = List.of("camundaCaseWorkflow", "camundaDocumentWorkflow",
            "camundaOwnershipWorkflow", "camundaRecoveryWorkflow", "camundaScreeningWorkflow", "screeningReview", "retiredDeliverMail", "mailRelay", "mailDelivery",
            "engineWorklist", "disabledAccountTasks", "engineModels", "guardedDeployments", "slaTaskDates", "processBeans",
            "designer", "caseLookup", "documents", "auditTrail", "slaClock", "dataSource", "transactionManager",
            "runtimeService", "historyService", "repositoryService", "taskService");

    @Autowired ProcessBeans processBeans;
    @Autowired ConfigurableApplicationContext context;
    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired RepositoryService repository;

    @Test
    void theAllowListIsExactlyTheBeansAttestsModelsName() throws IOException {
        assertThat(processBeans.names()).containsExactlyInAnyOrderElementsOf(MODEL_CALLABLE);
        assertThat(processBeans.names()).containsExactlyInAnyOrderElementsOf(beansNamedByTheModels());
        MODEL_CALLABLE.forEach(name -> assertThat(processBeans.allows(name)).as(name).isTrue());
    }

    @Test
    void engineAdaptersServicesRepositoriesAndTheDataSourceAreNotAllowed() {
        for (String name : NOT_CALLABLE) {
            assertThat(context.containsBean(name)).as(name + " is a bean").isTrue();
            assertThat(processBeans.allows(name)).as(name).isFalse();
        }
        for (Class<?> type : List.of(Repository.class, ProcessEngine.class, ProcessEngineConfigurationImpl.class,
                DataSource.class)) {
            String[] named = context.getBeanNamesForType(type, true, false);
            assertThat(named).as(type.getSimpleName()).isNotEmpty();
            assertThat(processBeans.names()).as(type.getSimpleName()).doesNotContainAnyElementsOf(List.of(named));
        }
    }

    @Test
    void theEngineDoesNotResolveAnEngineAdapter() {
        for (String expression : List.of("${camundaCaseWorkflow}", "${camundaCaseWorkflow.deleteHistory('CASE-1')}",
                "${engineWorklist}", "${engineModels}")) {
            assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(c -> engine.getExpressionManager()
                    .createExpression(expression).getValue(StartProcessVariableScope.getSharedInstance())))
                    .as(expression).isInstanceOf(ProcessEngineException.class);
        }
    }

    @Test
    void aModelNamingTheCaseWorkflowDoesNotDeploy() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs_EraseHistory" targetNamespace="https://attest.dev">
                  <bpmn:process id="EraseHistory" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="Start">
                      <bpmn:timerEventDefinition><bpmn:timeDate>2020-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition>
                    </bpmn:startEvent>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Erase" />
                    <bpmn:serviceTask id="Task_Erase" camunda:expression="${camundaCaseWorkflow.deleteHistory('CASE-1')}" />
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Erase" targetRef="End" />
                    <bpmn:endEvent id="End" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        assertThatThrownBy(() -> repository.createDeployment().addString("erase.bpmn", xml).deploy())
                .hasMessageContaining("camundaCaseWorkflow");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("EraseHistory").count()).isZero();
    }

    /** The first identifier of every expression in bpmn/, where it is the name of a bean of the application. */
    Set<String> beansNamedByTheModels() throws IOException {
        Pattern head = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn"))
                    .toList()) {
                Matcher m = head.matcher(Files.readString(file));
                while (m.find()) {
                    if (context.containsBean(m.group(1))) {
                        named.add(m.group(1));
                    }
                }
            }
        }
        assertThat(named).as("names found in bpmn/").isNotEmpty();
        return named;
    }
}
