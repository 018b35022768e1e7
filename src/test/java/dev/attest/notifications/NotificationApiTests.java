package dev.attest.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.ProcessTestSupport;
import dev.attest.cases.CaseRequests;
import dev.attest.communication.UploadLinks;
import dev.attest.documents.DocumentGroup;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.DocumentRequestItems;
import dev.attest.documents.DocumentReview;
import dev.attest.documents.Documents;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.worklist.TaskAssigned;

/**
 * The inbox over the API, fed through the real paths: a task given by someone else (not one taken or given to
 * oneself, not one whose transaction rolled back), an SLA escalation of a task the user holds (the engine's timer),
 * and the client's upload on a case where the user holds a task (the upload link). Each user reads and marks only
 * their own notifications; roles without an inbox are refused.
 */
@AttestTest
class NotificationApiTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired UploadLinks links;
    @Autowired Documents documents;
    @Autowired DocumentReview review;

    String reference;
    String taskId;

    /** A case whose passport waits for review (as in the task API's tests). */
    @BeforeEach
    void caseWithReviewTask() throws Exception {
        var response = mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(CaseRequests.json(CaseRequests.valid()))).andReturn()
                .getResponse();
        reference = json.readTree(response.getContentAsString()).get("reference").asText();
        mvc.perform(multipart("/api/v1/cases/" + reference + "/documents")
                .file(new MockMultipartFile("file", "passport.png", "image/png", TestFiles.png(900, 600)))
                .file(new MockMultipartFile("metadata", "", "application/json", ("{\"kind\":\"PASSPORT\","
                        + "\"nameOnDocument\":\"Jane Seller\",\"issuingCountry\":\"US\",\"expiresOn\":\"2032-01-01\"}")
                        .getBytes()))
                .with(httpBasic("intake", "demo"))).andExpect(status().isCreated());
        taskId = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
    }

    List<String> recipients(String kind) {
        return jdbc.queryForList("select recipient from staff_notification where case_reference = ? and kind = ? "
                + "order by recipient", String.class, reference, kind);
    }

    void assign(String assignee, String assignedBy, boolean rollBack) {
        RunAs.user(assignedBy, () -> transactions.executeWithoutResult(tx -> {
            events.publishEvent(new TaskAssigned(taskId, "Review passport", null, reference, assignee, assignedBy,
                    "Please take this one"));
            if (rollBack) {
                tx.setRollbackOnly();
            }
        }), Role.MANAGER);
    }

    String firstId(String user) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/notifications").with(httpBasic(user, "demo"))).andReturn()
                .getResponse().getContentAsString()).path("notifications").path(0).path("id").asText();
    }

    @Test
    void aTaskGivenBySomeoneElseNotifiesItsNewHolderOnlyWhenTheAssignmentCommits() throws Exception {
        assign("analyst", "manager", true);
        assertThat(recipients("TASK_ASSIGNED")).as("rolled back: nobody told").isEmpty();
        assign("manager", "manager", false);
        assertThat(recipients("TASK_ASSIGNED")).as("given to oneself: nobody told").isEmpty();

        assign("analyst", "manager", false);
        assertThat(recipients("TASK_ASSIGNED")).containsExactly("analyst");
        mvc.perform(get("/api/v1/notifications").with(httpBasic("analyst", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notifications[0].kind").value("TASK_ASSIGNED"))
                .andExpect(jsonPath("$.notifications[0].label").value("Task assigned to you"))
                .andExpect(jsonPath("$.notifications[0].link").value("tasks/" + taskId))
                .andExpect(jsonPath("$.notifications[0].text").value("Mia Manager gave you \"Review passport\" on "
                        + reference + ": Please take this one"))
                .andExpect(jsonPath("$.notifications[0].readAt").doesNotExist());
    }

    @Test
    void anEscalationOfAHeldTaskNotifiesItsHolder() throws Exception {
        mvc.perform(post("/api/v1/tasks/" + taskId + "/claim").with(httpBasic("analyst", "demo")))
                .andExpect(status().isNoContent());
        var ladder = ProcessTestSupport.ladderOf(runtimeService,
                taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId(),
                "Task_ReviewDocument");
        var breach = managementService.createJobQuery().processInstanceId(ladder.getId())
                .activityId("Event_SlaBreached").singleResult();
        managementService.executeJob(breach.getId());

        assertThat(recipients("TASK_ESCALATED")).containsExactly("analyst");
        assertThat(jdbc.queryForObject("select text from staff_notification where case_reference = ? and kind = "
                + "'TASK_ESCALATED'", String.class, reference)).contains("Review passport").contains(reference)
                .contains("offered to senior analysts");
    }

    @Test
    void anUnheldTaskEscalatesWithoutTellingAnyone() {
        var ladder = ProcessTestSupport.ladderOf(runtimeService,
                taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId(),
                "Task_ReviewDocument");
        managementService.executeJob(managementService.createJobQuery().processInstanceId(ladder.getId())
                .activityId("Event_SlaBreached").singleResult().getId());
        assertThat(recipients("TASK_ESCALATED")).isEmpty();
    }

    @Test
    void theClientsUploadNotifiesWhoHoldsATaskOfTheCase() throws Exception {
        mvc.perform(post("/api/v1/tasks/" + taskId + "/claim").with(httpBasic("senior", "demo")))
                .andExpect(status().isNoContent());
        var caseId = UUID.fromString(jdbc.queryForObject("select cast(id as varchar) from case_file where reference "
                + "= ?", String.class, reference));
        String token = transactions.execute(s -> links.create(caseId, reference, "IDENTITY",
                DocumentRequestItems.firstReason(DocumentGroup.IDENTITY), "Ana Lyst",
                DocumentRequestItems.first(DocumentGroup.IDENTITY))).token();

        documents.uploadByClient(token, "passport-again.png", TestFiles.png(900, 600),
                new DocumentMetadata("PASSPORT", "Jane Seller", null, "US", null, "2032-01-01"));

        assertThat(recipients("CLIENT_UPLOAD")).as("the holder of the review, nobody else").containsExactly("senior");
        mvc.perform(get("/api/v1/notifications").param("unreadOnly", "true").with(httpBasic("senior", "demo")))
                .andExpect(jsonPath("$.notifications[?(@.kind == 'CLIENT_UPLOAD' && @.caseReference == '" + reference
                        + "')].text").value(contains(containsString("passport-again.png"))));
    }

    @Test
    void theClientsUploadAlsoNotifiesWhoAskedForItOnceAndOnlyStaff() throws Exception {
        mvc.perform(post("/api/v1/tasks/" + taskId + "/claim").with(httpBasic("senior", "demo")))
                .andExpect(status().isNoContent());
        var caseId = UUID.fromString(jdbc.queryForObject("select cast(id as varchar) from case_file where reference "
                + "= ?", String.class, reference));
        for (String requester : List.of("analyst", "senior", "designer")) {
            String token = transactions.execute(s -> links.create(caseId, reference, "IDENTITY",
                    DocumentRequestItems.firstReason(DocumentGroup.IDENTITY), "Someone", requester,
                    DocumentRequestItems.first(DocumentGroup.IDENTITY))).token();
            documents.uploadByClient(token, "passport-" + requester + ".png", TestFiles.png(900, 600),
                    new DocumentMetadata("PASSPORT", "Jane Seller", null, "US", null, "2032-01-01"));
        }

        assertThat(recipients("CLIENT_UPLOAD")).as("the requester (analyst), the task's holder (senior) once per "
                + "upload, never a designer").containsExactly("analyst", "senior", "senior", "senior");
    }

    @Test
    void aDocumentRequestRecordsWhoAskedOnItsLink() {
        var caseId = UUID.fromString(jdbc.queryForObject("select cast(id as varchar) from case_file where reference "
                + "= ?", String.class, reference));
        RunAs.user("analyst", () -> review.requestDocument(caseId, 1, "We need your passport.",
                DocumentGroup.IDENTITY, DocumentRequestItems.first(DocumentGroup.IDENTITY),
                dev.attest.communication.ClientMessages.RequestKind.FIRST), Role.ANALYST);
        List<String> requesters = jdbc.queryForList("select requested_by_user from client_upload_link where "
                + "case_reference = ? order by id", String.class, reference);
        assertThat(requesters.get(requesters.size() - 1)).isEqualTo("analyst");
    }

    @Test
    void eachUserReadsAndMarksOnlyTheirOwn() throws Exception {
        assign("analyst", "manager", false);
        assign("analyst", "senior", false);
        String newest = firstId("analyst");
        long unread = json.readTree(mvc.perform(get("/api/v1/notifications").with(httpBasic("analyst", "demo")))
                .andReturn().getResponse().getContentAsString()).path("unread").asLong();
        assertThat(unread).isGreaterThanOrEqualTo(2);

        mvc.perform(post("/api/v1/notifications/" + newest + "/read").with(httpBasic("senior", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/notifications/" + UUID.randomUUID() + "/read").with(httpBasic("analyst", "demo")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select read_at from staff_notification where id = ?", Object.class,
                UUID.fromString(newest))).as("someone else's attempt changed nothing").isNull();

        mvc.perform(post("/api/v1/notifications/" + newest + "/read").with(httpBasic("analyst", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readAt").exists());
        mvc.perform(get("/api/v1/notifications").with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$.unread").value(unread - 1))
                .andExpect(jsonPath("$.notifications[0].id").value(newest))
                .andExpect(jsonPath("$.notifications[0].readAt").exists());
        mvc.perform(get("/api/v1/notifications").param("unreadOnly", "true").with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$.notifications[?(@.id == '" + newest + "')]").isEmpty());

        mvc.perform(post("/api/v1/notifications/read-all").with(httpBasic("analyst", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.marked").value(unread - 1));
        mvc.perform(get("/api/v1/notifications").with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$.unread").value(0));
    }

    @Test
    void rolesWithoutAnInboxAreRefusedAndLimitsChecked() throws Exception {
        for (String user : List.of("intake", "designer", "admin")) {
            mvc.perform(get("/api/v1/notifications").with(httpBasic(user, "demo"))).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/notifications/read-all").with(httpBasic(user, "demo")))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/notifications")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/notifications").param("limit", "0").with(httpBasic("analyst", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/v1/notifications").param("limit", "201").with(httpBasic("analyst", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/notifications/not-a-uuid/read").with(httpBasic("analyst", "demo")))
                .andExpect(status().isBadRequest());
    }
}
