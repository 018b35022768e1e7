package dev.attest.worklist;

import static dev.attest.cases.CaseRequests.json;
import static dev.attest.cases.CaseRequests.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.ProcessTestSupport;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseOutcome;
import dev.attest.cases.CaseStatus;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.sla.Escalations;
import dev.attest.sla.SlaPolicies;

/** Claiming and completing tasks through {@code /api/v1/tasks}, including races and refusals. */
@AttestTest
class TaskApiTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper objectMapper;
    @Autowired CaseLookup cases;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired Escalations escalations;
    @Autowired SlaPolicies policies;
    @Autowired JdbcTemplate jdbc;

    String reference;
    String taskId;

    @BeforeEach
    void openCase() throws Exception {
        var response = mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json(valid()))).andReturn().getResponse();
        reference = objectMapper.readTree(response.getContentAsString()).get("reference").asText();
        mvc.perform(multipart("/api/v1/cases/" + reference + "/documents")
                .file(new MockMultipartFile("file", "passport.png", "image/png", TestFiles.png(900, 600)))
                .file(new MockMultipartFile("metadata", "", "application/json", ("{\"kind\":\"PASSPORT\","
                        + "\"nameOnDocument\":\"Jane Seller\",\"issuingCountry\":\"US\",\"expiresOn\":\"2032-01-01\"}")
                        .getBytes()))
                .with(httpBasic("intake", "demo"))).andExpect(status().isCreated());
        taskId = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
    }

    static final String APPROVE = "{\"nameAndAddressVisible\":true,\"issuerClear\":true,\"wholeOriginalInColour\":true,"
            + "\"decision\":\"APPROVE\"}";

    /** Claims and completes a task as a user, expecting success. */
    void claimAndComplete(String task, String user, String body) throws Exception {
        mvc.perform(post("/api/v1/tasks/" + task + "/claim").with(httpBasic(user, "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/tasks/" + task + "/complete").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNoContent());
    }

    String nextTask() {
        return taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
    }

    CaseFile caseFile() {
        return RunAs.user("manager", () -> cases.get(reference), Role.MANAGER);
    }

    @Test
    void analystApprovesTheDocumentThenClosesTheCase() throws Exception {
        mvc.perform(get("/api/v1/tasks").param("scope", "GROUP").param("limit", "200").with(httpBasic("analyst", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + taskId + "')].caseReference").value(reference));
        mvc.perform(get("/api/v1/tasks/" + taskId + "/form").with(httpBasic("analyst", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'decision')].options.REJECT").exists());

        mvc.perform(post("/api/v1/tasks/" + taskId + "/claim").with(httpBasic("analyst", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/tasks").param("scope", "MINE").with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$[?(@.id == '" + taskId + "')].assignee").value("analyst"));

        mvc.perform(post("/api/v1/tasks/" + taskId + "/complete").with(httpBasic("analyst", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(APPROVE))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/cases/" + reference).with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$.documents[0].status").value("APPROVED"))
                .andExpect(jsonPath("$.tasks[0].name").value("Prepare the submission"));

        submit();
        // a decision needs its reason when it is a rejection; nothing is recorded then
        decide("analyst", "{\"decision\":\"REJECTED\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        decide("intake", "{\"decision\":\"APPROVED\"}").andExpect(status().isForbidden());
        decide("analyst", "{\"decision\":\"APPROVED\",\"note\":\"Two-step verification disabled.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.round").value(1))
                .andExpect(jsonPath("$.decision").value("APPROVED"))
                .andExpect(jsonPath("$.decisionRecordedBy").value("analyst"));
        decide("analyst", "{\"decision\":\"APPROVED\"}").andExpect(status().isConflict());
        mvc.perform(get("/api/v1/cases/" + reference + "/recovery").with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$.awaitingDecision").value(false))
                .andExpect(jsonPath("$.submissions[0].decision").value("APPROVED"));
        mvc.perform(get("/api/v1/cases/" + reference + "/messages").with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$[0].template").value("DOCUMENT_REQUEST"))
                .andExpect(jsonPath("$[1].template").value("AUTHENTICATOR_GUIDANCE"))
                .andExpect(jsonPath("$[1].body", containsString("Google Authenticator, Authy or Duo Mobile")));

        claimAndComplete(nextTask(), "analyst", "{\"authenticatorApp\":\"AUTHY\",\"phoneUpdated\":true}");

        CaseFile closed = caseFile();
        assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.getWorkingMinutes()).isNotNull().isNotNegative();
        // the task records the dashboard counts followed every task from creation to completion
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_open_task WHERE case_reference = ?", Long.class,
                reference)).isZero();
        var records = jdbc.queryForList("SELECT id, case_type, task_key, assignee, due_at, ended_at, outcome"
                + " FROM sla_ended_task WHERE case_reference = ? ORDER BY created_at", reference);
        assertThat(records).extracting(r -> r.get("TASK_KEY")).containsExactly("Task_ReviewDocument",
                "Task_PrepareSubmission", "Task_SubmitToMarketplace", "Task_ConfirmSwitch");
        assertThat(records.get(0)).containsEntry("ID", taskId).containsEntry("CASE_TYPE", "ACCOUNT_RECOVERY_2FA")
                .containsEntry("ASSIGNEE", "analyst").containsEntry("OUTCOME", "completed");
        assertThat(records.get(0).get("DUE_AT")).isNotNull();
        assertThat(records).allSatisfy(r -> assertThat(r.get("ENDED_AT")).isNotNull());
        assertThat(closed.getOutcome()).isEqualTo(CaseOutcome.RESOLVED);
        assertThat(closed.getOutcomeNote()).contains("approved by the marketplace (submission 1)", "Authy");
        mvc.perform(get("/api/v1/tasks/" + taskId).with(httpBasic("analyst", "demo"))).andExpect(status().isNotFound());
    }

    /** Prepares and submits the accepted ID at the marketplace, through the task API. */
    void submit() throws Exception {
        claimAndComplete(nextTask(), "analyst", "{\"nameAndAddressVisible\":true,\"issuerClear\":true,"
                + "\"onlyNumbersCovered\":true,\"ready\":\"READY\"}");
        String submitTask = nextTask();
        mvc.perform(post("/api/v1/tasks/" + submitTask + "/claim").with(httpBasic("analyst", "demo")))
                .andExpect(status().isNoContent());
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        mvc.perform(post("/api/v1/tasks/" + submitTask + "/complete").with(httpBasic("analyst", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"submittedOn\":\"" + today.plusDays(1) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("submittedOn"))
                .andExpect(jsonPath("$.errors[0].message").value("cannot be in the future"));
        mvc.perform(post("/api/v1/tasks/" + submitTask + "/complete").with(httpBasic("analyst", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"submittedOn\":\"" + today + "\"}"))
                .andExpect(status().isNoContent());
    }

    ResultActions decide(String user, String body) throws Exception {
        return mvc.perform(post("/api/v1/cases/" + reference + "/marketplace-decision").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void twoRejectionsByTheMarketplaceMoveTheCaseToTheSeniorAnalysts() throws Exception {
        claimAndComplete(taskId, "analyst", APPROVE);
        submit();
        decide("analyst", "{\"decision\":\"REJECTED\",\"reason\":\"NAME_MISMATCH\"}").andExpect(status().isOk());
        submit();
        decide("analyst", "{\"decision\":\"REJECTED\",\"reason\":\"document_unreadable\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.round").value(2));

        mvc.perform(get("/api/v1/tasks").param("caseId", reference).with(httpBasic("senior", "demo")))
                .andExpect(jsonPath("$[0].taskKey").value("Task_SpecialistReview"));
        mvc.perform(get("/api/v1/tasks").param("caseId", reference).with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$.length()").value(0));
        assertThat(caseFile().getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void theReviewTaskIsDueByItsSlaPolicy() {
        var task = taskService.createTaskQuery().taskId(taskId).singleResult();
        var expected = policies.datesFor("Task_ReviewDocument", task.getCreateTime().toInstant()).orElseThrow();
        assertThat(task.getDueDate().toInstant()).isEqualTo(expected.due());
        assertThat(task.getFollowUpDate()).as("the follow-up date is the analyst's (snoozing), not the SLA's")
                .isNull();
        assertThat(jdbc.queryForObject("SELECT follow_up_at FROM sla_open_task WHERE id = ?", java.sql.Timestamp.class,
                taskId).toInstant()).as("the warning, in the SLA's task log").isEqualTo(expected.followUp())
                .isBefore(expected.due());
    }

    @Test
    void aLateReviewIsEscalatedToSeniorAnalystsAndMarkedInTheList() throws Exception {
        var ladder = ProcessTestSupport.ladderOf(runtimeService,
                taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId(), "Task_ReviewDocument");
        var breach = managementService.createJobQuery().processInstanceId(ladder.getId())
                .activityId("Event_SlaBreached").singleResult();
        managementService.executeJob(breach.getId());

        mvc.perform(get("/api/v1/tasks/" + taskId).with(httpBasic("senior", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.escalation").value("SENIOR_ANALYSTS"));
        assertThat(taskService.getIdentityLinksForTask(taskId)).anyMatch(l -> "senior_analyst".equals(l.getGroupId()));
        assertThat(escalations.ofCase(reference)).extracting(e -> e.getLevel().name()).containsExactly("SENIOR_ANALYSTS");

        // the "escalated only" filter of the task list finds it among the senior analysts' group tasks
        mvc.perform(get("/api/v1/tasks?scope=GROUP&escalated=true").with(httpBasic("senior", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + taskId + "')]").exists())
                .andExpect(jsonPath("$[?(@.escalation != 'SENIOR_ANALYSTS' && @.escalation != 'MANAGERS')]").isEmpty());
        // and the case's timeline shows the escalation
        mvc.perform(get("/api/v1/cases/" + reference + "/timeline").with(httpBasic("senior", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.what =~ /SLA: Review passport offered to senior analysts.*/)]").exists())
                // the ladder's own steps (and the sub-process around the task that calls it) are not listed
                .andExpect(jsonPath("$[?(@.what =~ /.*(ReviewDocumentStarted|Sla|SLA escalation|SLA breached).*/)]")
                        .isEmpty());
    }

    @Test
    void aBadFilterValueIsRefusedWithTheParameterNamed() throws Exception {
        mvc.perform(get("/api/v1/tasks?scope=GROUP&caseType=PIZZA").with(httpBasic("analyst", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("caseType"));
    }

    @Test
    void aSecondClaimerIsToldWhoHoldsTheTask() throws Exception {
        mvc.perform(post("/api/v1/tasks/" + taskId + "/claim").with(httpBasic("analyst", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/tasks/" + taskId + "/claim").with(httpBasic("senior", "demo")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Already claimed by Ana Lyst"));
        mvc.perform(post("/api/v1/tasks/" + taskId + "/claim").with(httpBasic("analyst", "demo")))
                .andExpect(status().isNoContent());
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("analyst");
    }

    @Test
    void twoAnalystsClaimingAtOnceGetOneWinnerAndOneConflict() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> results = new ArrayList<>();
        for (String user : List.of("analyst", "senior")) {
            results.add(pool.submit(() -> {
                start.await();
                return mvc.perform(post("/api/v1/tasks/" + taskId + "/claim").with(httpBasic(user, "demo")))
                        .andReturn().getResponse().getStatus();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(204, 409);
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isIn("analyst", "senior");
    }

    @Test
    void onlyTheHolderMayCompleteAndBadFormsAreRefusedWhole() throws Exception {
        String body = APPROVE;
        mvc.perform(post("/api/v1/tasks/" + taskId + "/complete").with(httpBasic("analyst", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Claim the task before completing it"));
        mvc.perform(post("/api/v1/tasks/" + taskId + "/claim").with(httpBasic("analyst", "demo")));
        mvc.perform(post("/api/v1/tasks/" + taskId + "/complete").with(httpBasic("senior", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("This task is held by Ana Lyst"));

        mvc.perform(post("/api/v1/tasks/" + taskId + "/complete").with(httpBasic("analyst", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"MAYBE\",\"issuerClear\":\"yes\",\"extra\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[?(@.field == 'decision')].message").value("must be one of [APPROVE, REJECT]"))
                .andExpect(jsonPath("$.errors[?(@.field == 'issuerClear')].message").value("must be true or false"))
                .andExpect(jsonPath("$.errors[?(@.field == 'extra')].message").value("is not a field of this task"));

        mvc.perform(post("/api/v1/tasks/" + taskId + "/complete").with(httpBasic("analyst", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'decision')].message").value("is required"));

        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult()).isNotNull();
        assertThat(caseFile().getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void rolesWithoutAWorklistAreRefused() throws Exception {
        for (String user : List.of("intake", "designer", "admin")) {
            mvc.perform(get("/api/v1/tasks").with(httpBasic(user, "demo"))).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/tasks/" + taskId + "/claim").with(httpBasic(user, "demo")))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/tasks").param("scope", "ALL").with(httpBasic("analyst", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/tasks").param("scope", "ALL").with(httpBasic("manager", "demo")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/tasks/no-such-task/claim").with(httpBasic("analyst", "demo")))
                .andExpect(status().isNotFound());
    }
}
