package dev.attest.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.attest.AttestTest;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.identity.UserAdministration;

/**
 * A task a model assigns when it is created ({@code camunda:assignee}, a literal or an expression such as the
 * document review's {@code ${reviewAssignee}}) goes to that user only when they could claim it: an enabled account
 * holding a role of the task's groups. Anyone else (an unknown name, a disabled account, a user outside the groups)
 * would hold work nobody in the group sees, or work they may not do: the task is offered to its groups instead.
 */
@AttestTest
class ModelAssigneeTests {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired UserAdministration users;

    String deployment;

    @BeforeEach
    void deployAProcessThatAssignsWhomItIsTold() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("AssignsWhomItIsTold").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Assigned").name("Assigned task").camundaCandidateGroups("analyst")
                .camundaAssignee("${who}").endEvent().done();
        deployment = repository.createDeployment().addModelInstance("assigns-whom-it-is-told.bpmn", model).deploy()
                .getId();
    }

    @AfterEach
    void undeploy() {
        repository.deleteDeployment(deployment, true);
    }

    String assigneeFor(String who) {
        String instance = runtime.startProcessInstanceByKey("AssignsWhomItIsTold", Map.of("who", who)).getId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult().getAssignee();
    }

    @Test
    void anAnalystIsGivenTheTask() {
        assertThat(assigneeFor("analyst")).isEqualTo("analyst");
    }

    @Test
    void anUnknownNameAUserOutsideTheGroupsOrADisabledAccountIsNot() {
        assertThat(assigneeFor("nobody-at-all")).as("an arbitrary string").isNull();
        assertThat(assigneeFor("intake")).as("a user outside the task's groups").isNull();
        assertThat(assigneeFor("admin")).as("an administrator outside the task's groups").isNull();
        String name = "gone" + System.nanoTime() % 1_000_000;
        RunAs.user("admin", () -> users.create(new UserAdministration.NewAccount(name, "Gone Away",
                java.util.List.of("ANALYST"))), Role.ADMIN);
        assertThat(assigneeFor(name)).as("an enabled analyst").isEqualTo(name);
        RunAs.user("admin", () -> users.disable(name), Role.ADMIN);
        assertThat(assigneeFor(name)).as("a disabled account").isNull();
    }

    String assigneeOfATaskOfferedTo(String groups, String who) {
        var task = Bpmn.createExecutableProcess("AssignsWithGroups").camundaHistoryTimeToLive(1).startEvent()
                .userTask("Task_Grouped").name("Grouped task").camundaAssignee("${who}");
        if (groups != null) {
            task = task.camundaCandidateGroups(groups);
        }
        String other = repository.createDeployment().addModelInstance("assigns-with-groups.bpmn", task.endEvent().done())
                .deploy().getId();
        try {
            String instance = runtime.startProcessInstanceByKey("AssignsWithGroups", Map.of("who", who)).getId();
            return tasks.createTaskQuery().processInstanceId(instance).singleResult().getAssignee();
        } finally {
            repository.deleteDeployment(other, true);
        }
    }

    @Test
    void aTaskWithoutGroupsGoesToAnyEnabledUserButATaskForNoRoleOfAttestsToNobodyByName() {
        assertThat(assigneeOfATaskOfferedTo(null, "intake")).as("no groups: any enabled user").isEqualTo("intake");
        assertThat(assigneeOfATaskOfferedTo(null, "nobody-at-all")).as("no groups, no such user").isNull();
        assertThat(assigneeOfATaskOfferedTo("not-a-role", "analyst")).as("groups that are no role").isNull();
        assertThat(assigneeOfATaskOfferedTo("senior_analyst,manager", "manager")).as("one of several groups")
                .isEqualTo("manager");
        assertThat(assigneeOfATaskOfferedTo("senior_analyst,manager", "analyst")).as("none of several groups").isNull();
    }
}
