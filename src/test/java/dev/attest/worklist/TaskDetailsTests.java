package dev.attest.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * A task's page reads the task, its variables and its form in one go ({@link Worklist#details}): the same as
 * {@link Worklist#get}, {@link Worklist#variables} and {@link Worklist#form} return, with the same refusals, reading
 * the task's row and its variables once where those three read them three times.
 */
@AttestTest
class TaskDetailsTests {

    @Autowired CaseIntake intake;
    @Autowired Documents documents;
    @Autowired TaskService taskService;
    @Autowired Worklist worklist;
    @Autowired ProcessEngineConfigurationImpl engine;

    String reviewTask() {
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
        RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png", TestFiles.png(900, 600),
                new DocumentMetadata("PASSPORT", "Jane Seller", null, "US", null, "2031-01-01")), Role.INTAKE);
        return taskService.createTaskQuery().processInstanceBusinessKey(c.getReference())
                .taskDefinitionKey("Task_ReviewDocument").singleResult().getId();
    }

    @Test
    void detailsAreWhatTheThreeReadsReturnInOneRead() {
        String task = reviewTask();
        RunAs.user("analyst", () -> {
            var read = EngineStatements.during(engine, () -> worklist.details(task));
            TaskDetails details = read.getValue();
            assertThat(details.task()).isEqualTo(worklist.get(task));
            assertThat(details.variables()).isEqualTo(worklist.variables(task)).containsKey("documentId");
            assertThat(details.form()).isEqualTo(worklist.form(task)).isNotEmpty();

            Map<String, Integer> threeReads = EngineStatements.during(engine, () -> {
                worklist.get(task);
                worklist.variables(task);
                worklist.form(task);
            });
            Map<String, Integer> oneRead = read.getKey();
            assertThat(taskReads(threeReads)).as("the three reads: " + threeReads).isGreaterThanOrEqualTo(3);
            assertThat(taskReads(oneRead)).as("the task's row, read once: " + oneRead).isEqualTo(1);
            assertThat(variableReads(oneRead)).as("its variables, read once: " + oneRead)
                    .isLessThan(variableReads(threeReads));
            assertThat(oneRead.values().stream().mapToInt(Integer::intValue).sum()).as(oneRead + " against "
                    + threeReads).isLessThan(threeReads.values().stream().mapToInt(Integer::intValue).sum());
        }, Role.ANALYST);
    }

    /** The engine's statements that read a task's row (by its id, or by a query). */
    static int taskReads(Map<String, Integer> statements) {
        return statements.getOrDefault("selectTask", 0) + statements.getOrDefault("selectTaskByQueryCriteria", 0);
    }

    /** The engine's statements that read variables. */
    static int variableReads(Map<String, Integer> statements) {
        return statements.entrySet().stream().filter(e -> e.getKey().startsWith("selectVariables"))
                .mapToInt(Map.Entry::getValue).sum();
    }

    @Test
    void aTaskTheCallerMayNotSeeIsRefusedAsNotFoundLikeItsOtherReads() {
        Task task = taskService.newTask();
        task.setName("For managers only");
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), Role.MANAGER.group());
        try {
            RunAs.user("analyst", () -> {
                assertThatThrownBy(() -> worklist.get(task.getId())).isInstanceOf(TaskNotFoundException.class);
                assertThatThrownBy(() -> worklist.details(task.getId())).isInstanceOf(TaskNotFoundException.class)
                        .hasMessage(new TaskNotFoundException(task.getId()).getMessage());
                assertThatThrownBy(() -> worklist.details("no-such-task")).isInstanceOf(TaskNotFoundException.class);
                assertThatThrownBy(() -> worklist.details(null)).isInstanceOf(TaskNotFoundException.class);
            }, Role.ANALYST);
        } finally {
            taskService.deleteTask(task.getId(), true);
        }
        assertThatThrownBy(() -> RunAs.user("intake", () -> worklist.details(task.getId()), Role.INTAKE))
                .isInstanceOf(AccessDeniedException.class);
    }
}
