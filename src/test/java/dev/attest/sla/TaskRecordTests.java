package dev.attest.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

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
 * they are; a due date changed later through the engine (its REST API, the Camunda web apps) reaches the record; the
 * engine's follow-up date (an analyst's snooze) does not move the SLA's warning.
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
        Row created = record(task);
        assertThat(created.dueAt()).as("the SLA policy's due date, written with the insert").isNotNull();
        assertThat(created.assignee()).isNull();

        RunAs.user("analyst", () -> worklist.claim(task), Role.ANALYST);
        assertThat(record(task)).isEqualTo(new Row("analyst", created.dueAt(), created.followUpAt()));

        Date later = Date.from(created.dueAt().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        tasks.setDueDate(task, later);
        assertThat(record(task).dueAt()).isEqualTo(later.toInstant());
        Date snoozed = Date.from(later.toInstant().minus(1, ChronoUnit.DAYS));
        tasks.setFollowUpDate(task, snoozed);
        assertThat(record(task)).as("a follow-up date is an analyst's snooze: the SLA's warning stands")
                .isEqualTo(new Row("analyst", later.toInstant(), created.followUpAt()));
    }

    record Row(String assignee, Instant dueAt, Instant followUpAt) {
    }

    Row record(String taskId) {
        return jdbc.queryForObject("SELECT assignee, due_at, follow_up_at FROM sla_open_task WHERE id = ?",
                (rs, n) -> new Row(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))), taskId);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
