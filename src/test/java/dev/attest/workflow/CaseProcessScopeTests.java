package dev.attest.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.attest.AttestTest;
import dev.attest.cases.CaseProgress;

/**
 * A model can set any variable, and a designer can deploy a process that names Attest's own delegates. So a delegate
 * acts only on the case its process was started for (the root instance's business key, which only Attest sets): a
 * designer's process that names another case's id fails and changes nothing, and one that would call a process under
 * another case's reference is not deployed (nor started, if it reached the engine another way).
 */
@AttestTest
class CaseProcessScopeTests {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;
    @Autowired CaseProgress progress;

    record OpenCase(UUID id, String reference) {
    }

    List<OpenCase> twoOpenCases() {
        List<OpenCase> open = jdbc.query("SELECT id, reference FROM case_file WHERE status <> 'CLOSED' "
                + "ORDER BY reference", (rs, i) -> new OpenCase(UUID.fromString(rs.getString(1)), rs.getString(2)));
        assertThat(open).hasSizeGreaterThanOrEqualTo(2);
        return open.subList(0, 2);
    }

    String statusOf(OpenCase c) {
        return jdbc.queryForObject("SELECT status FROM case_file WHERE reference = ?", String.class, c.reference());
    }

    static String closeCase(String processId, UUID caseId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs_%1$s" targetNamespace="http://attest.dev">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="1825">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Close" />
                    <bpmn:serviceTask id="Task_Close" camunda:delegateExpression="${closeCaseDelegate}">
                      <bpmn:extensionElements>
                        <camunda:inputOutput>
                          <camunda:inputParameter name="caseId">%2$s</camunda:inputParameter>
                          <camunda:inputParameter name="outcome">WITHDRAWN</camunda:inputParameter>
                        </camunda:inputOutput>
                      </bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="f2" sourceRef="Task_Close" targetRef="End" />
                    <bpmn:endEvent id="End" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(processId, caseId);
    }

    static String callUnder(String processId, String calledKey, String reference) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs_%1$s" targetNamespace="http://attest.dev">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="1825">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Call" />
                    <bpmn:callActivity id="Call" calledElement="%2$s">
                      <bpmn:extensionElements>
                        <camunda:in businessKey="%3$s" />
                      </bpmn:extensionElements>
                    </bpmn:callActivity>
                    <bpmn:sequenceFlow id="f2" sourceRef="Call" targetRef="End" />
                    <bpmn:endEvent id="End" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(processId, calledKey, reference);
    }

    String deploy(String name, String xml) {
        return repository.createDeployment().name(name).addString(name + ".bpmn", xml).deploy().getId();
    }

    @Test
    void aProcessMayNotActOnAnotherCase() {
        List<OpenCase> cases = twoOpenCases();
        OpenCase mine = cases.get(0);
        OpenCase other = cases.get(1);
        String deployment = deploy("Scope_CloseOther", closeCase("Scope_CloseOther", other.id()));
        try {
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey("Scope_CloseOther", mine.reference()))
                    .hasStackTraceContaining("A process of " + mine.reference() + " may not act on case "
                            + other.reference());
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey("Scope_CloseOther"))
                    .hasStackTraceContaining("A process of no case may not act on case " + other.reference());
            assertThat(statusOf(other)).isNotEqualTo("CLOSED");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void aCalledProcessCannotBeGivenAnotherCasesReference() {
        List<OpenCase> cases = twoOpenCases();
        OpenCase other = cases.get(1);
        String child = deploy("Scope_CloseChild", closeCase("Scope_CloseChild", other.id()));
        try {
            // the guard refuses the model; the engine refuses the same at run time (EngineHardeningTests)
            assertThatThrownBy(() -> deploy("Scope_CallUnderOther", callUnder("Scope_CallUnderOther",
                    "Scope_CloseChild", other.reference())))
                    .hasStackTraceContaining("takes the business key of the process that calls it");
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("Scope_CallUnderOther")
                    .count()).isZero();
            assertThat(statusOf(other)).isNotEqualTo("CLOSED");
        } finally {
            repository.deleteDeployment(child, true);
        }
    }

    @Test
    void theCaseAProcessWasStartedForIsTheOneItMayActOn() {
        OpenCase mine = twoOpenCases().get(0);
        assertThat(progress.caseOfProcess(mine.id().toString(), mine.reference())).isEqualTo(mine.id());
        assertThatThrownBy(() -> progress.caseOfProcess("not a uuid", mine.reference()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not name a case");
        assertThatThrownBy(() -> progress.caseOfProcess(UUID.randomUUID().toString(), mine.reference()))
                .isInstanceOf(IllegalStateException.class);
    }
}
