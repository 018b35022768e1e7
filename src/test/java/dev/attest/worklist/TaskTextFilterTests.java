package dev.attest.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseOutcome;
import dev.attest.cases.CaseProgress;
import dev.attest.cases.CaseRequests;
import dev.attest.cases.Priority;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.worklist.TaskFilter.Scope;

/**
 * The task list's text filter: the tasks whose name holds the text and the tasks of the open cases whose client or
 * reference holds it (their own processes' and those they called), each once, in the list's order (priority, then
 * due date, then age), page after page without a gap or a repeat, counted alike; within the caller's scope only.
 */
@AttestTest
class TaskTextFilterTests {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired CaseIntake intake;
    @Autowired Worklist worklist;
    @Autowired CaseProgress progress;

    final List<String> deployments = new ArrayList<>();
    final List<String> instances = new ArrayList<>();
    String token;

    @BeforeEach
    void deploy() {
        StringBuilder letters = new StringBuilder("Qz");
        long seed = System.nanoTime();
        for (int i = 0; i < 7; i++, seed /= 26) {
            letters.append((char) ('a' + (int) (seed % 26)));
        }
        token = letters.toString();
        deployments.add(repository.createDeployment().addModelInstance("text-probe.bpmn",
                Bpmn.createExecutableProcess("TextProbe").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Task_TextProbe").name("${title}").camundaCandidateGroups("${group}")
                        .camundaAssignee("${assignee}").camundaPriority("${priority}").camundaDueDate("${due}")
                        .endEvent().done())
                .addModelInstance("text-probe-caller.bpmn", Bpmn.createExecutableProcess("TextProbeCaller")
                        .camundaHistoryTimeToLive(1).startEvent().callActivity().calledElement("TextProbe")
                        .camundaIn("title", "title").camundaIn("group", "group").camundaIn("assignee", "assignee")
                        .camundaIn("priority", "priority").camundaIn("due", "due").endEvent().done())
                .deploy().getId());
    }

    @AfterEach
    void cleanUp() {
        instances.forEach(i -> {
            if (runtime.createProcessInstanceQuery().processInstanceId(i).count() > 0) {
                runtime.deleteProcessInstance(i, "test over");
            }
        });
        deployments.forEach(d -> repository.deleteDeployment(d, true));
    }

    CaseFile caseOf(String client) {
        return RunAs.user("intake", () -> intake.open(new ObjectMapper().convertValue(
                CaseRequests.with("client.fullName", client), CaseIntakeRequest.class)), Role.INTAKE);
    }

    /** A task of the probe process (called by a process with the key when {@code called}), its id. */
    String task(String businessKey, boolean called, String title, String group, String assignee, int priority,
            Instant due) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", title);
        variables.put("group", group);
        variables.put("assignee", assignee);
        variables.put("priority", priority);
        variables.put("due", due == null ? null : Date.from(due));
        String instance = runtime.startProcessInstanceByKey(called ? "TextProbeCaller" : "TextProbe", businessKey,
                variables).getId();
        instances.add(instance);
        Task task = tasks.createTaskQuery().processDefinitionKey("TextProbe").taskName(title).singleResult();
        return task.getId();
    }

    static List<String> ids(List<WorkItem> items) {
        return items.stream().map(WorkItem::id).toList();
    }

    @Test
    void tasksByNameAndByCaseAreListedOnceInOrderPageByPageWithinTheScope() {
        CaseFile first = caseOf("Vera " + token + " Lindqvist");
        CaseFile second = caseOf("Otto " + token + "-Brandt");
        CaseFile other = caseOf("Someone Else");
        Instant soon = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        // of the matching cases, offered to analysts
        String caseHigh = task(first.getReference(), false, "Check one", "analyst", null, 90, soon);
        String caseCalled = task(second.getReference(), true, "Check called", "analyst", null, 70, soon);
        String caseLow = task(second.getReference(), false, "Check two", "analyst", null, 20, soon);
        String caseDueAt35 = task(first.getReference(), false, "Check three", "analyst", null, 35, soon);
        // by name (no case, or another case), offered to analysts
        String nameOnly = task(null, false, "Call " + token + " back", "analyst", null, 80, soon);
        String nameOtherCase = task(other.getReference(), false, "Ask about " + token, "analyst", null, 60,
                soon.plus(1, ChronoUnit.HOURS));
        String nameNoDueAt35 = task(null, false, "Note " + token + " without a due date", "analyst", null, 35, null);
        // by name and by case: listed once
        String both = task(first.getReference(), false, "Both " + token, "analyst", null, 40, soon);
        // outside an analyst's group list: offered to managers, or held by someone
        String managers = task(first.getReference(), false, "For managers", "manager", null, 85, soon);
        String managersByName = task(null, false, "Managers " + token, "manager", null, 84, soon);
        String held = task(second.getReference(), false, "Held one", "analyst", "analyst", 75, soon);
        // matching nothing
        String unrelated = task(other.getReference(), false, "Unrelated", "analyst", null, 95, soon);

        TaskFilter filter = TaskFilter.of(Scope.GROUP).withText(token);
        List<String> probes = List.of(caseHigh, caseCalled, caseLow, caseDueAt35, nameOnly, nameOtherCase,
                nameNoDueAt35, both, managers, managersByName, held, unrelated);
        // the open tasks the cases' own processes (started by the intake) offer to analysts
        List<String> caseOwn = tasks.createTaskQuery().processInstanceBusinessKeyIn(first.getReference(),
                second.getReference()).taskCandidateGroup("analyst").taskUnassigned().active().list().stream()
                .map(Task::getId).filter(id -> !probes.contains(id)).toList();
        List<String> all = RunAs.user("analyst", () -> ids(worklist.page(filter, 0, 100)), Role.ANALYST);

        // H2 sorts a missing due date first: of the two at priority 35 the one without comes first
        assertThat(all).as("the probe tasks in the list's order").containsSubsequence(caseHigh, nameOnly,
                caseCalled, nameOtherCase, both, nameNoDueAt35, caseDueAt35, caseLow);
        List<String> expected = new ArrayList<>(List.of(caseHigh, nameOnly, caseCalled, nameOtherCase, both,
                nameNoDueAt35, caseDueAt35, caseLow));
        expected.addAll(caseOwn);
        assertThat(all).as("each once, nothing else").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);

        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < all.size() + 3; offset += 3) {
            int at = offset;
            paged.addAll(RunAs.user("analyst", () -> ids(worklist.page(filter, at, 3)), Role.ANALYST));
        }
        assertThat(paged).as("page after page").isEqualTo(all);
        assertThat(RunAs.user("analyst", () -> worklist.page(filter, all.size(), 10), Role.ANALYST)).isEmpty();

        assertThat(RunAs.user("analyst", () -> worklist.count(filter), Role.ANALYST)).isEqualTo(all.size());
        assertThat(RunAs.user("analyst", () -> worklist.countUpTo(filter, 1000), Role.ANALYST))
                .isEqualTo(new TaskCount(all.size(), false));
        assertThat(RunAs.user("analyst", () -> worklist.countUpTo(filter, 3), Role.ANALYST))
                .isEqualTo(new TaskCount(3, true));
        assertThat(RunAs.user("analyst", () -> worklist.countUpTo(filter, all.size()), Role.ANALYST))
                .isEqualTo(new TaskCount(all.size(), false));

        // a manager's list of all open tasks has those an analyst may not see, still once each and in order
        List<String> everything = RunAs.user("manager", () -> ids(worklist.page(TaskFilter.of(Scope.ALL)
                .withText(token), 0, 100)), Role.MANAGER);
        assertThat(everything).doesNotHaveDuplicates().containsSubsequence(caseHigh, managers, managersByName,
                nameOnly, held, caseCalled, both, nameNoDueAt35, caseDueAt35, caseLow).doesNotContain(unrelated);
        assertThat(RunAs.user("manager", () -> worklist.count(TaskFilter.of(Scope.ALL).withText(token)),
                Role.MANAGER)).isEqualTo(everything.size());

        // other dimensions narrow both sides
        assertThat(RunAs.user("analyst", () -> ids(worklist.page(filter.withPriority(Priority.URGENT), 0, 100)),
                Role.ANALYST)).isEmpty();
        String urgentByCase = task(second.getReference(), false, "Urgent check", "analyst", null,
                Priority.URGENT.taskPriority(), soon);
        String urgentByName = task(null, false, "Urgent " + token, "analyst", null, Priority.URGENT.taskPriority(),
                null);
        assertThat(RunAs.user("analyst", () -> ids(worklist.page(filter.withPriority(Priority.URGENT), 0, 100)),
                Role.ANALYST)).containsExactly(urgentByName, urgentByCase);
        // the holder's own list
        assertThat(RunAs.user("analyst", () -> ids(worklist.page(TaskFilter.of(Scope.MINE).withText(token), 0, 100)),
                Role.ANALYST)).containsExactly(held);
        // a text that matches no case: by name alone
        assertThat(RunAs.user("analyst", () -> ids(worklist.page(TaskFilter.of(Scope.GROUP)
                .withText("without a due date"), 0, 100)), Role.ANALYST)).contains(nameNoDueAt35)
                .doesNotContain(caseHigh, nameOnly);
    }

    @Test
    void aTaskIsFoundByItsCaseOnlyWhileTheCaseIsOpen() {
        CaseFile open = caseOf("Mira " + token + " Holm");
        String probe = task(open.getReference(), false, "Closing probe", "analyst", null, 50, null);
        TaskFilter byClient = TaskFilter.of(Scope.ALL).withText(token.toUpperCase());
        TaskFilter byReference = TaskFilter.of(Scope.ALL).withText(" " + open.getReference().toLowerCase() + " ");

        assertThat(RunAs.user("manager", () -> ids(worklist.page(byClient, 0, 100)), Role.MANAGER))
                .as("by the client's name, in any case").contains(probe);
        assertThat(RunAs.user("manager", () -> ids(worklist.page(byReference, 0, 100)), Role.MANAGER))
                .as("by the case reference").contains(probe);
        assertThat(RunAs.user("manager", () -> ids(worklist.page(TaskFilter.of(Scope.ALL)
                .withText(open.getReference() + " Mira"), 0, 100)), Role.MANAGER)).as("never across two fields").isEmpty();

        progress.close(open.getId(), CaseOutcome.RESOLVED, "closed with a task still open");

        assertThat(RunAs.user("manager", () -> ids(worklist.page(byClient, 0, 100)), Role.MANAGER))
                .as("a closed case's client no longer matches").doesNotContain(probe);
        assertThat(RunAs.user("manager", () -> worklist.count(byReference), Role.MANAGER)).isZero();
        assertThat(RunAs.user("manager", () -> ids(worklist.page(TaskFilter.of(Scope.ALL)
                .withText("closing PROBE"), 0, 100)), Role.MANAGER)).as("its name still does").contains(probe);
    }
}
