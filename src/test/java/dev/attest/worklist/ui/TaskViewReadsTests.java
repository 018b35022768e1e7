package dev.attest.worklist.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.ui.KaribuTest;
import dev.attest.worklist.EngineStatements;

/** Opening a task's page reads the task from the engine once, with its variables and its form. */
class TaskViewReadsTests extends KaribuTest {

    @Autowired CaseIntake intake;
    @Autowired Documents documents;
    @Autowired TaskService taskService;
    @Autowired ProcessEngineConfigurationImpl engine;

    String reviewTask() {
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
        RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png", TestFiles.png(900, 600),
                new DocumentMetadata("PASSPORT", "Jane Seller", null, "US", null, "2031-01-01")), Role.INTAKE);
        return taskService.createTaskQuery().processInstanceBusinessKey(c.getReference())
                .taskDefinitionKey("Task_ReviewDocument").singleResult().getId();
    }

    static int taskReads(Map<String, Integer> statements) {
        return statements.getOrDefault("selectTask", 0) + statements.getOrDefault("selectTaskByQueryCriteria", 0);
    }

    @Test
    void openingATaskReadsItOnce() {
        String task = reviewTask();
        login("analyst", Role.ANALYST);
        Map<String, Integer> opened = EngineStatements.during(engine, () -> UI.getCurrent().navigate("tasks/" + task));
        TaskView view = _get(TaskView.class);
        assertThat(_get(H2.class, spec -> spec.withId("task-name")).getText()).startsWith("Review ");
        assertThat(view.form.field("decision")).as("the form is shown").isNotNull();
        assertThat(view.claim.isEnabled()).isTrue();
        // before: get, variables and form read the task's row 9 times, its links 3 times, its variables 5 times
        // (34 engine statements in all)
        assertThat(taskReads(opened)).as("the task's row, once: " + opened).isEqualTo(1);
        assertThat(opened.getOrDefault("selectIdentityLinksByTask", 0)).as("its links, once: " + opened)
                .isEqualTo(1);
        assertThat(opened.getOrDefault("selectVariablesByTaskId", 0)).as("its own variables, once: " + opened)
                .isEqualTo(1);
        assertThat(opened.getOrDefault("selectVariablesByExecutionId", 0)).as("its case's variables, once: "
                + opened).isEqualTo(1);

        // claiming shows the page again: one more read, not three
        Map<String, Integer> claimed = EngineStatements.during(engine, () -> _click(view.claim));
        assertThat(taskReads(claimed)).as("the claim's read and the page's: " + claimed).isEqualTo(2);
        assertThat(view.complete.isEnabled()).isTrue();
    }
}
