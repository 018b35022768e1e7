package dev.attest.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Availability;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.identity.StaffMember;
import dev.attest.identity.UserAdministration;
import dev.attest.validation.InvalidInputException;

/**
 * Giving tasks to named people: who may, to whom, and what they are refused; bulk assignment with a result per task;
 * a user's held tasks back to their groups; follow-up dates. Each change is audited and the new holder told.
 */
@AttestTest
@RecordApplicationEvents
class AssignmentTests {

    static final Role[] ANALYST = {Role.ANALYST};
    static final Role[] SENIOR = {Role.ANALYST, Role.SENIOR_ANALYST};
    static final Role[] MANAGER = {Role.MANAGER};

    @Autowired Worklist worklist;
    @Autowired CaseIntake intake;
    @Autowired Documents documents;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserAdministration administration;
    @Autowired Availability availability;
    @Autowired ApplicationEvents events;
    @Autowired ZoneId zone;

    /** A case whose identity document waits for review (offered to analysts): the review task's id. */
    String reviewTask() {
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
        RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png", TestFiles.png(900, 600),
                new DocumentMetadata("PASSPORT", "Jane Seller", null, "US", null, "2031-01-01")), Role.INTAKE);
        return tasks.createTaskQuery().processInstanceBusinessKey(c.getReference())
                .taskDefinitionKey("Task_ReviewDocument").singleResult().getId();
    }

    /** A new enabled analyst account. */
    String newAnalyst(String prefix) {
        String name = prefix + System.nanoTime() % 100_000_000;
        RunAs.user("admin", () -> administration.create(new UserAdministration.NewAccount(name, "Test " + prefix,
                List.of("ANALYST"))), Role.ADMIN);
        return name;
    }

    String assignee(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee();
    }

    List<String> audit(String taskId, String action) {
        return jdbc.queryForList("SELECT reason FROM audit_entry WHERE subject = ? AND action = ? ORDER BY id",
                String.class, taskId, action);
    }

    List<TaskAssigned> told(String taskId) {
        return events.stream(TaskAssigned.class).filter(e -> e.taskId().equals(taskId)).toList();
    }

    static String field(Throwable e) {
        return ((InvalidInputException) e).errors().get(0).field();
    }

    static String message(Throwable e) {
        return ((InvalidInputException) e).errors().get(0).message();
    }

    @Test
    void aSeniorAnalystGivesATaskToAnAnalystWhoSeesItInMyTasksAndIsTold() {
        String task = reviewTask();
        RunAs.user("senior", () -> worklist.assign(task, "analyst", "Please take this one"), SENIOR);

        assertThat(assignee(task)).isEqualTo("analyst");
        assertThat(RunAs.user("analyst", () -> worklist.page(TaskFilter.of(TaskFilter.Scope.MINE), 0, 500), ANALYST))
                .extracting(WorkItem::id).contains(task);
        assertThat(audit(task, "TASK_ASSIGNED")).singleElement().asString().contains("to analyst")
                .contains("Please take this one");
        TaskAssigned told = told(task).get(0);
        assertThat(told.assignee()).isEqualTo("analyst");
        assertThat(told.assignedBy()).isEqualTo("senior");
        assertThat(told.caseReference()).isNotNull();
        assertThat(told.caseId()).isNotNull();
        assertThat(told.note()).isEqualTo("Please take this one");
    }

    @Test
    void aManagerReassignsAHeldTaskAndReturnsItToTheGroup() {
        String task = reviewTask();
        RunAs.user("analyst", () -> worklist.claim(task), ANALYST);
        RunAs.user("manager", () -> worklist.assign(task, "senior", null), MANAGER);
        assertThat(assignee(task)).isEqualTo("senior");
        assertThat(audit(task, "TASK_ASSIGNED")).singleElement().asString().contains("held by analyst");

        RunAs.user("manager", () -> worklist.assign(task, null, null), MANAGER);
        assertThat(assignee(task)).isNull();
        assertThat(audit(task, "TASK_RETURNED")).hasSize(1);
        assertThat(told(task)).as("returning to the group tells nobody").hasSize(1);
    }

    @Test
    void someoneWhoMayNotWorkTheTaskIsRefusedByName() {
        String task = reviewTask();
        for (String outsider : List.of("intake", "manager", "admin", "nobody-at-all")) {
            assertThatThrownBy(() -> RunAs.user("manager", () -> worklist.assign(task, outsider, null), MANAGER))
                    .as(outsider).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(field(e)).isEqualTo("assignee"))
                    .satisfies(e -> assertThat(message(e)).contains(outsider).contains("may not work this task"));
        }
        String gone = newAnalyst("gone");
        RunAs.user("admin", () -> administration.disable(gone), Role.ADMIN);
        assertThatThrownBy(() -> RunAs.user("manager", () -> worklist.assign(task, gone, null), MANAGER))
                .as("a disabled account").isInstanceOf(InvalidInputException.class);
        assertThat(assignee(task)).isNull();
        assertThat(audit(task, "TASK_ASSIGNED")).isEmpty();
    }

    @Test
    void anAwayUserGetsNoNewWorkAndShowsAsAwayInThePicker() {
        String task = reviewTask();
        String away = newAnalyst("away");
        LocalDate until = LocalDate.now(zone).plusDays(10);
        RunAs.user("manager", () -> availability.set(away, until), MANAGER);

        assertThatThrownBy(() -> RunAs.user("senior", () -> worklist.assign(task, away, null), SENIOR))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(field(e)).isEqualTo("assignee"))
                .satisfies(e -> assertThat(message(e)).isEqualTo("Test away is away until " + until));
        List<StaffMember> picker = RunAs.user("senior", () -> worklist.candidates(List.of(task)), SENIOR);
        assertThat(picker).filteredOn(s -> s.username().equals(away)).singleElement()
                .satisfies(s -> assertThat(s.awayUntil()).isEqualTo(until));
        assertThat(picker).extracting(StaffMember::username).contains("analyst", "senior")
                .doesNotContain("manager", "intake", "admin");

        RunAs.user(away, () -> availability.setMine(null), ANALYST);
        RunAs.user("senior", () -> worklist.assign(task, away, null), SENIOR);
        assertThat(assignee(task)).isEqualTo(away);
        assertThat(jdbc.queryForList("SELECT reason FROM audit_entry WHERE subject = ? AND action = "
                + "'AVAILABILITY_CHANGED' ORDER BY id", String.class, away))
                .containsExactly("away until " + until, "available");
    }

    @Test
    void availabilityIsRefusedForAPastDayOrSomeoneWithoutAWorklist() {
        LocalDate yesterday = LocalDate.now(zone).minusDays(1);
        assertThatThrownBy(() -> RunAs.user("analyst", () -> availability.setMine(yesterday), ANALYST))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(field(e)).isEqualTo("awayUntil"));
        assertThatThrownBy(() -> RunAs.user("analyst", () -> availability.setMine(yesterday.plusYears(2)), ANALYST))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(field(e)).isEqualTo("awayUntil"));
        assertThatThrownBy(() -> RunAs.user("manager", () -> availability.set("intake", yesterday.plusDays(3)),
                MANAGER)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(field(e)).isEqualTo("username"));
        assertThat(RunAs.user("analyst", () -> availability.mine(), ANALYST)).isNull();
    }

    @Test
    void anAnalystHandsTheirTaskOverWithANoteAndMayNotGiveAwayOthers() {
        String task = reviewTask();
        String colleague = newAnalyst("colleague");
        assertThatThrownBy(() -> RunAs.user("analyst", () -> worklist.assign(task, colleague, "here"), ANALYST))
                .as("an analyst cannot give an unclaimed task to someone").isInstanceOf(AccessDeniedException.class);
        RunAs.user("analyst", () -> worklist.claim(task), ANALYST);
        assertThatThrownBy(() -> RunAs.user("analyst", () -> worklist.assign(task, colleague, "  "), ANALYST))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(field(e)).isEqualTo("note"));
        RunAs.user("analyst", () -> worklist.assign(task, colleague, "Address check done, ID left"), ANALYST);
        assertThat(assignee(task)).isEqualTo(colleague);
        assertThat(told(task)).singleElement().satisfies(t -> {
            assertThat(t.assignedBy()).isEqualTo("analyst");
            assertThat(t.note()).isEqualTo("Address check done, ID left");
        });
        assertThatThrownBy(() -> RunAs.user("analyst", () -> worklist.assign(task, "analyst", null), ANALYST))
                .as("a task someone else holds").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> RunAs.user("analyst", () -> worklist.assign(task, null, null), ANALYST))
                .isInstanceOf(AccessDeniedException.class);
        RunAs.user(colleague, () -> worklist.assign(task, null, null), ANALYST);
        assertThat(assignee(task)).as("the holder gives it back").isNull();
    }

    /** Per role, what giving a task to someone else does: the assignment matrix. */
    @Test
    void theAssignmentMatrixPerRole() {
        Map<String, String> outcomes = new LinkedHashMap<>();
        Map<String, Role[]> roles = new LinkedHashMap<>();
        roles.put("analyst", ANALYST);
        roles.put("senior", SENIOR);
        roles.put("manager", MANAGER);
        String colleague = newAnalyst("matrix");
        for (var role : roles.entrySet()) {
            String unheld = reviewTask();
            outcomes.put(role.getKey() + " gives an unclaimed task", outcome(role.getKey(), role.getValue(),
                    () -> worklist.assign(unheld, colleague, "note")));
            String heldByOther = reviewTask();
            RunAs.user(colleague, () -> worklist.claim(heldByOther), ANALYST);
            outcomes.put(role.getKey() + " takes a colleague's task away", outcome(role.getKey(), role.getValue(),
                    () -> worklist.assign(heldByOther, null, null)));
            outcomes.put(role.getKey() + " returns all of a colleague's tasks", outcome(role.getKey(),
                    role.getValue(), () -> worklist.returnAllHeldBy(colleague)));
        }
        for (String role : List.of("designer", "intake", "admin")) {
            Role r = Role.valueOf(role.toUpperCase());
            outcomes.put(role + " gives a task", outcome(role, new Role[] {r},
                    () -> worklist.assign("any", colleague, null)));
        }
        assertThat(outcomes).containsExactlyEntriesOf(Map.ofEntries(
                Map.entry("analyst gives an unclaimed task", "403"),
                Map.entry("analyst takes a colleague's task away", "403"),
                Map.entry("analyst returns all of a colleague's tasks", "403"),
                Map.entry("senior gives an unclaimed task", "done"),
                Map.entry("senior takes a colleague's task away", "done"),
                Map.entry("senior returns all of a colleague's tasks", "403"),
                Map.entry("manager gives an unclaimed task", "done"),
                Map.entry("manager takes a colleague's task away", "done"),
                Map.entry("manager returns all of a colleague's tasks", "done"),
                Map.entry("designer gives a task", "403"),
                Map.entry("intake gives a task", "403"),
                Map.entry("admin gives a task", "403")).entrySet().stream()
                .sorted((a, b) -> List.copyOf(outcomes.keySet()).indexOf(a.getKey())
                        - List.copyOf(outcomes.keySet()).indexOf(b.getKey()))
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
    }

    static String outcome(String user, Role[] roles, Runnable work) {
        try {
            RunAs.user(user, work, roles);
            return "done";
        } catch (AccessDeniedException e) {
            return "403";
        } catch (InvalidInputException e) {
            return "400";
        }
    }

    @Test
    void aBulkAssignmentDoesWhatItCanAndSaysWhatItCouldNot() {
        String open1 = reviewTask();
        String open2 = reviewTask();
        String completed = reviewTask();
        RunAs.user("analyst", () -> {
            worklist.claim(completed);
            worklist.complete(completed, TaskRaceTests.APPROVE);
        }, ANALYST);

        List<AssignmentResult> results = RunAs.user("manager", () -> worklist.assignAll(
                List.of(open1, completed, "no-such-task", open2), "analyst", null), MANAGER);

        assertThat(results).extracting(AssignmentResult::id, AssignmentResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(open1, 200), org.assertj.core.groups.Tuple.tuple(completed, 409),
                org.assertj.core.groups.Tuple.tuple("no-such-task", 404), org.assertj.core.groups.Tuple.tuple(open2, 200));
        assertThat(assignee(open1)).isEqualTo("analyst");
        assertThat(assignee(open2)).isEqualTo("analyst");

        List<AssignmentResult> refused = RunAs.user("manager", () -> worklist.assignAll(List.of(open1, open2),
                "intake", null), MANAGER);
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.message()).startsWith("assignee: ").contains("intake");
        });
        assertThatThrownBy(() -> RunAs.user("manager", () -> worklist.assignAll(List.of(), "analyst", null), MANAGER))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aManagerReturnsEverythingSomeoneHolds() {
        String holder = newAnalyst("ill");
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String task = reviewTask();
            RunAs.user(holder, () -> worklist.claim(task), ANALYST);
            held.add(task);
        }
        assertThatThrownBy(() -> RunAs.user("analyst", () -> worklist.returnAllHeldBy(holder), ANALYST))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(RunAs.user("manager", () -> worklist.returnAllHeldBy(holder), MANAGER)).isEqualTo(3);
        held.forEach(t -> {
            assertThat(assignee(t)).isNull();
            assertThat(audit(t, "TASK_RETURNED")).singleElement().asString().contains("held by " + holder);
        });
        String mine = reviewTask();
        RunAs.user(holder, () -> worklist.claim(mine), ANALYST);
        assertThat(RunAs.user(holder, () -> worklist.returnAllHeldBy(holder), ANALYST)).as("one's own").isEqualTo(1);
    }

    @Test
    void aSnoozedTaskLeavesMyTasksUntilItsDayAndComesBack() {
        String task = reviewTask();
        RunAs.user("analyst", () -> worklist.claim(task), ANALYST);
        LocalDate today = LocalDate.now(zone);
        for (LocalDate bad : List.of(today, today.minusDays(1), today.plusYears(2))) {
            assertThatThrownBy(() -> RunAs.user("analyst", () -> worklist.followUp(task, bad), ANALYST))
                    .as(bad.toString()).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(field(e)).isEqualTo("followUp"));
        }
        LocalDate day = today.plusDays(3);
        assertThatThrownBy(() -> RunAs.user("senior", () -> worklist.followUp(task, day), ANALYST))
                .as("an analyst cannot hide a colleague's task from them").isInstanceOf(AccessDeniedException.class);
        RunAs.user("analyst", () -> worklist.followUp(task, day), ANALYST);
        assertThat(mine(TaskFilter.Scope.MINE)).doesNotContain(task);
        assertThat(mine(TaskFilter.Scope.SNOOZED)).contains(task);
        assertThat(RunAs.user("analyst", () -> worklist.get(task), ANALYST).followUp()).isEqualTo(day);
        assertThat(audit(task, "TASK_FOLLOW_UP_SET")).containsExactly("until " + day);

        // the day comes: the engine's follow-up date is now in the past
        tasks.setFollowUpDate(task, Date.from(today.atStartOfDay(zone).toInstant()));
        assertThat(mine(TaskFilter.Scope.MINE)).contains(task);
        assertThat(mine(TaskFilter.Scope.SNOOZED)).doesNotContain(task);

        RunAs.user("analyst", () -> worklist.followUp(task, null), ANALYST);
        assertThat(RunAs.user("analyst", () -> worklist.get(task), ANALYST).followUp()).isNull();
    }

    List<String> mine(TaskFilter.Scope scope) {
        return RunAs.user("analyst", () -> worklist.page(TaskFilter.of(scope), 0, 1000), ANALYST).stream()
                .map(WorkItem::id).toList();
    }
}
