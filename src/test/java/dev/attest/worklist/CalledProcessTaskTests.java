package dev.attest.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.audit.AuditTrail;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * A task of a process a case's process calls without handing on the case's business key (a designer may model
 * that) still belongs to the case, as the steps of such a process do: its claim is recorded on the case's
 * timeline, under the case's lock rules.
 */
@AttestTest
class CalledProcessTaskTests {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired CaseIntake intake;
    @Autowired Worklist worklist;
    @Autowired AuditTrail audit;

    @Test
    void aTaskOfAProcessCalledWithoutTheCasesKeyStillBelongsToTheCase() {
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper().convertValue(CaseRequests.valid(),
                CaseIntakeRequest.class)), Role.INTAKE);
        BpmnModelInstance called = Bpmn.createExecutableProcess("CalledWithoutKey").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Called").name("Called task").camundaCandidateGroups("analyst")
                .endEvent().done();
        BpmnModelInstance caller = Bpmn.createExecutableProcess("CallerWithoutKey").camundaHistoryTimeToLive(1)
                .startEvent().callActivity().calledElement("CalledWithoutKey").endEvent().done();
        String deployment = repository.createDeployment().addModelInstance("called-without-key.bpmn", called)
                .addModelInstance("caller-without-key.bpmn", caller).deploy().getId();
        try {
            runtime.startProcessInstanceByKey("CallerWithoutKey", c.getReference());
            Task task = tasks.createTaskQuery().processDefinitionKey("CalledWithoutKey").singleResult();
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                    .singleResult().getBusinessKey()).as("the called process has no key of its own").isNull();

            RunAs.user("analyst", () -> worklist.claim(task.getId()), Role.ANALYST);

            assertThat(RunAs.user("manager", () -> audit.ofCase(c.getReference()), Role.MANAGER))
                    .as("the claim is the case's").anySatisfy(r -> {
                        assertThat(r.action()).isEqualTo(AuditTrail.Action.TASK_CLAIMED);
                        assertThat(r.subject()).isEqualTo(task.getId());
                    });
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }
}
