package dev.attest.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.attest.AttestTest;
import dev.attest.identity.Availability;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.identity.UserAdministration;

/**
 * Automatic assignment (the test profile lists {@code Task_AutoAssigned} in
 * {@code attest.assignment.automatic.task-keys}): a new task goes to the available candidate with the least open work,
 * weighted by priority, ties to the first user name; away users get nothing; a model's assignee is kept. The analysts
 * of other tests are marked away for the while, so that only this test's analysts are candidates.
 */
@AttestTest
@RecordApplicationEvents
class AutomaticAssignmentTests {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserAdministration administration;
    @Autowired Availability availability;
    @Autowired ApplicationEvents events;
    @Autowired ZoneId zone;

    final List<String> deployments = new ArrayList<>();
    final List<String> markedAway = new ArrayList<>();
    final List<String> mine = new ArrayList<>();

    @BeforeEach
    void deploy() {
        deployments.add(repository.createDeployment().addModelInstance("auto-assigned.bpmn",
                Bpmn.createExecutableProcess("AutoAssigned").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Task_AutoAssigned").name("Automatically assigned").camundaCandidateGroups("analyst")
                        .camundaPriority("${priority}").endEvent().done()).deploy().getId());
        deployments.add(repository.createDeployment().addModelInstance("auto-with-assignee.bpmn",
                Bpmn.createExecutableProcess("AutoWithAssignee").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Task_AutoAssigned").name("Assigned by the model").camundaCandidateGroups("analyst")
                        .camundaAssignee("${who}").endEvent().done()).deploy().getId());
        deployments.add(repository.createDeployment().addModelInstance("re-review.bpmn",
                Bpmn.createExecutableProcess("ReReview").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Task_ReviewDocument").name("Review again").camundaCandidateGroups("analyst")
                        .camundaAssignee("${who}").endEvent().done()).deploy().getId());
    }

    @AfterEach
    void cleanUp() {
        deployments.forEach(d -> repository.deleteDeployment(d, true));
        if (!markedAway.isEmpty()) {
            markedAway.forEach(u -> jdbc.update("UPDATE user_account SET away_until = NULL WHERE username = ?", u));
        }
    }

    /** New analysts, the only available ones: every other analyst is away for the while. */
    List<String> onlyTheseAnalysts(String prefix, int count) {
        List<String> names = new ArrayList<>();
        long suffix = System.nanoTime() % 10_000_000;
        for (int i = 1; i <= count; i++) {
            String name = prefix + suffix + "-" + i;
            RunAs.user("admin", () -> administration.create(new UserAdministration.NewAccount(name, "Auto " + name,
                    List.of("ANALYST"))), Role.ADMIN);
            names.add(name);
        }
        List<String> others = jdbc.queryForList("SELECT a.username FROM user_account a JOIN user_role r ON "
                + "r.user_id = a.id WHERE r.role IN ('ANALYST') AND a.away_until IS NULL", String.class).stream()
                .filter(u -> !names.contains(u)).distinct().toList();
        for (String other : others) {
            jdbc.update("UPDATE user_account SET away_until = ? WHERE username = ?",
                    java.sql.Date.valueOf(LocalDate.now(zone).plusDays(30)), other);
            markedAway.add(other);
        }
        return names;
    }

    String start(int priority) {
        String instance = runtime.startProcessInstanceByKey("AutoAssigned", Map.of("priority", priority)).getId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    String assignee(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee();
    }

    @Test
    void equalWorkIsSpreadEvenlyAndAwayUsersGetNothing() {
        List<String> analysts = onlyTheseAnalysts("spread", 4);
        String away = analysts.get(3);
        RunAs.user(away, () -> availability.setMine(LocalDate.now(zone).plusDays(5)), Role.ANALYST);

        Map<String, Integer> counts = new HashMap<>();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String task = start(50);
            created.add(task);
            counts.merge(String.valueOf(assignee(task)), 1, Integer::sum);
        }

        assertThat(counts).as("9 tasks over 3 available analysts").containsOnlyKeys(analysts.subList(0, 3));
        assertThat(counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow()
                - counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow()).isLessThanOrEqualTo(1);
        assertThat(counts).doesNotContainKey(away);
        for (String task : created) {
            assertThat(events.stream(TaskAssigned.class).filter(e -> e.taskId().equals(task))).singleElement()
                    .satisfies(e -> {
                        assertThat(e.assignedBy()).isEqualTo("system");
                        assertThat(e.assignee()).isEqualTo(assignee(task));
                        assertThat(e.note()).isNull();
                    });
            assertThat(jdbc.queryForList("SELECT reason FROM audit_entry WHERE subject = ? AND action = "
                    + "'TASK_ASSIGNED'", String.class, task)).singleElement().asString().startsWith("automatically to");
        }
    }

    @Test
    void anUrgentTaskWeighsAsMuchAsFourLowOnesAndTiesGoToTheFirstName() {
        List<String> analysts = onlyTheseAnalysts("weight", 3);
        assertThat(assignee(start(100))).as("a tie: the first user name").isEqualTo(analysts.get(0));
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            counts.merge(assignee(start(25)), 1, Integer::sum);
        }
        assertThat(counts).as("urgent (4) against low (1) each").isEqualTo(Map.of(analysts.get(1), 3,
                analysts.get(2), 3));
        assertThat(assignee(start(25))).as("4 against 3 and 3").isIn(analysts.get(1), analysts.get(2));
    }

    @Test
    void withoutAnAvailableCandidateTheTaskWaitsInItsGroups() {
        List<String> analysts = onlyTheseAnalysts("none", 1);
        RunAs.user(analysts.get(0), () -> availability.setMine(LocalDate.now(zone)), Role.ANALYST);
        assertThat(assignee(start(50))).isNull();
    }

    @Test
    void aModelsAssigneeIsKeptAndToldBySystem() {
        List<String> analysts = onlyTheseAnalysts("kept", 2);
        for (int i = 0; i < 2; i++) {
            start(50); // the first analyst has more work than the second
        }
        String instance = runtime.startProcessInstanceByKey("AutoWithAssignee", Map.of("who", analysts.get(0)))
                .getId();
        String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
        assertThat(assignee(task)).isEqualTo(analysts.get(0));
        assertThat(events.stream(TaskAssigned.class).filter(e -> e.taskId().equals(task))).singleElement()
                .satisfies(e -> {
                    assertThat(e.assignedBy()).isEqualTo("system");
                    assertThat(e.note()).isNull();
                });

        String review = tasks.createTaskQuery().processInstanceId(runtime.startProcessInstanceByKey("ReReview",
                Map.of("who", analysts.get(1))).getId()).singleResult().getId();
        assertThat(events.stream(TaskAssigned.class).filter(e -> e.taskId().equals(review))).singleElement()
                .satisfies(e -> assertThat(e.note())
                        .isEqualTo("Re-review of the document you asked the client to replace"));

        RunAs.user(analysts.get(1), () -> availability.setMine(LocalDate.now(zone).plusDays(1)), Role.ANALYST);
        String toAway = tasks.createTaskQuery().processInstanceId(runtime.startProcessInstanceByKey("ReReview",
                Map.of("who", analysts.get(1))).getId()).singleResult().getId();
        assertThat(assignee(toAway)).as("a model's assignee who is away: offered to the groups").isNull();
    }
}
