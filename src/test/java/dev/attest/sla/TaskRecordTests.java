package dev.attest.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

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
import dev.attest.worklist.Worklist;

/**
 * The task record the SLA dashboard counts follows its task: a claim writes the assignee and leaves the dates as
 * they are; a date changed later through the engine (its REST API, the Camunda web apps) reaches the record.
 */
@AttestTest
class TaskRecordTests {

    @Autowired CaseIntake intake;
    @Autowired Documents documents;
    @Autowired Worklist worklist;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theRecordFollowsTheAssigneeAndLaterDateChanges() {
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
        RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png", TestFiles.png(900, 600),
                new DocumentMetadata("PASSPORT", "Jane Seller", null, "US", null, "2031-01-01")), Role.INTAKE);
        String task = tasks.createTaskQuery().processInstanceBusinessKey(c.getReference())
                .taskDefinitionKey("Task_ReviewDocument").singleResult().getId();
        Map<String, Object> created = record(task);
        assertThat(created.get("DUE_AT")).as("the SLA policy's due date, written with the insert").isNotNull();
        assertThat(created.get("ASSIGNEE")).isNull();

        RunAs.user("analyst", () -> worklist.claim(task), Role.ANALYST);
        Map<String, Object> claimed = record(task);
        assertThat(claimed.get("ASSIGNEE")).isEqualTo("analyst");
        assertThat(claimed.get("DUE_AT")).isEqualTo(created.get("DUE_AT"));
        assertThat(claimed.get("FOLLOW_UP_AT")).isEqualTo(created.get("FOLLOW_UP_AT"));

        Date later = Date.from(((Timestamp) created.get("DUE_AT")).toInstant().plus(2, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS));
        tasks.setDueDate(task, later);
        assertThat(((Timestamp) record(task).get("DUE_AT")).toInstant()).isEqualTo(later.toInstant());
        Date followUp = Date.from(later.toInstant().minus(1, ChronoUnit.DAYS));
        tasks.setFollowUpDate(task, followUp);
        assertThat(((Timestamp) record(task).get("FOLLOW_UP_AT")).toInstant()).isEqualTo(followUp.toInstant());
    }

    Map<String, Object> record(String taskId) {
        return jdbc.queryForMap("SELECT assignee, due_at, follow_up_at FROM sla_open_task WHERE id = ?", taskId);
    }
}
