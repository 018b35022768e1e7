package dev.attest.documents;

import static dev.attest.cases.CaseRequests.json;
import static dev.attest.cases.CaseRequests.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.audit.AuditTrail;
import dev.attest.communication.ClientMessages;
import dev.attest.communication.MailTemplate;
import dev.attest.communication.OutboxMessage;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.validation.FieldError;
import dev.attest.validation.InvalidInputException;

/**
 * The analyst's decision on a document through {@code /api/v1/tasks}: a rejection needs its reason (and a note for
 * "Other"), the client reads plain sentences, and an approval with open points needs an override with a note, stored
 * and audited. Every refusal names its field and changes nothing.
 */
@AttestTest
class DocumentDecisionApiTests {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper objectMapper;
    @Autowired TaskService taskService;
    @Autowired ClientMessages messages;
    @Autowired Documents documents;
    @Autowired AuditTrail audit;

    String reference;

    @BeforeEach
    void openCaseWithAPassport() throws Exception {
        var response = mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json(valid()))).andReturn().getResponse();
        reference = objectMapper.readTree(response.getContentAsString()).get("reference").asText();
        uploadPassport();
        mvc.perform(post("/api/v1/tasks/" + review().getId() + "/claim").with(httpBasic("analyst", "demo")))
                .andExpect(status().isNoContent());
    }

    void uploadPassport() throws Exception {
        mvc.perform(multipart("/api/v1/cases/" + reference + "/documents")
                .file(new MockMultipartFile("file", "passport.png", "image/png", TestFiles.png(900, 600)))
                .file(new MockMultipartFile("metadata", "", "application/json", ("{\"kind\":\"PASSPORT\","
                        + "\"nameOnDocument\":\"Jane Seller\",\"issuingCountry\":\"US\",\"expiresOn\":\"2032-01-01\"}")
                        .getBytes()))
                .with(httpBasic("intake", "demo"))).andExpect(status().isCreated());
    }

    Task review() {
        return taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
    }

    ResultActions complete(String taskId, String body) throws Exception {
        return mvc.perform(post("/api/v1/tasks/" + taskId + "/complete").with(httpBasic("analyst", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    List<OutboxMessage> mails() {
        return RunAs.user("analyst", () -> messages.ofCase(reference), Role.ANALYST);
    }

    StoredDocument document() {
        return RunAs.user("analyst", () -> documents.list(reference).get(0), Role.ANALYST);
    }

    @Test
    void aRejectionNeedsItsReasonAndOtherANoteAndTheClientReadsSentencesNotCodes() throws Exception {
        String task = review().getId();
        complete(task, "{\"decision\":\"REJECT\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rejectionReason"))
                .andExpect(jsonPath("$.errors[0].message", containsString("required to reject")));
        complete(task, "{\"decision\":\"REJECT\",\"rejectionReason\":\"OTHER\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reviewNote"));
        complete(task, "{\"decision\":\"REJECT\",\"rejectionReason\":\"OTHER\",\"reviewNote\":\"   \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reviewNote"));
        // nothing changed: the task is open, the document undecided, no e-mail but the first request
        assertThat(review().getId()).isEqualTo(task);
        assertThat(document().getStatus()).isEqualTo(DocumentStatus.RECEIVED);
        assertThat(mails()).extracting(OutboxMessage::getTemplate).containsExactly(MailTemplate.DOCUMENT_REQUEST);

        complete(task, "{\"decision\":\"REJECT\",\"rejectionReason\":\"ILLEGIBLE\",\"reviewNote\":\"The lower half "
                + "of the photo is blurred.\"}").andExpect(status().isNoContent());
        OutboxMessage rejected = mails().get(mails().size() - 1);
        assertThat(rejected.getTemplate()).isEqualTo(MailTemplate.DOCUMENT_REJECTED);
        assertThat(rejected.getBody()).contains("We could not read it clearly", "The lower half of the photo is blurred.")
                .doesNotContain("ILLEGIBLE", "OTHER", "refused:");
        assertThat(document().getRejectionReason()).isEqualTo(RejectionReason.ILLEGIBLE);
    }

    @Test
    void theAnalystCanReadTheRejectionEMailBeforeSendingIt() throws Exception {
        UUID id = document().getId();
        String url = "/api/v1/cases/" + reference + "/documents/" + id + "/rejection-preview";
        mvc.perform(get(url).param("reason", "ADDRESS_MISMATCH").with(httpBasic("analyst", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email", allOf(containsString("Subject: " + reference),
                        containsString("does not match the address on your seller account"),
                        not(containsString("ADDRESS_MISMATCH")))));
        mvc.perform(get(url).with(httpBasic("analyst", "demo"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(get(url).param("reason", "OTHER").with(httpBasic("analyst", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        mvc.perform(get(url).param("reason", "EXPIRED").with(httpBasic("intake", "demo")))
                .andExpect(status().isForbidden());
        assertThat(mails()).hasSize(1);
    }

    @Test
    void thePreviewRefusesANoteTheDecisionWouldRefuseSoTheAnalystNeverConfirmsAnEMailThatCannotGo() throws Exception {
        UUID id = document().getId();
        String url = "/api/v1/cases/" + reference + "/documents/" + id + "/rejection-preview";
        mvc.perform(get(url).param("reason", "OTHER").param("note", "x".repeat(1201)).with(httpBasic("analyst", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        mvc.perform(get(url).param("reason", "OTHER").param("note", "Please call \u0007 us\u202E")
                .with(httpBasic("analyst", "demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
        // the same note is refused by the decision, naming the form's field
        complete(review().getId(), "{\"decision\":\"REJECT\",\"rejectionReason\":\"OTHER\",\"reviewNote\":\""
                + "x".repeat(1201) + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reviewNote"));
    }

    @Test
    void aPassportsFormAsksForNoAddressAndOffersTheOverride() throws Exception {
        mvc.perform(get("/api/v1/tasks/" + review().getId() + "/form").with(httpBasic("analyst", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'nameAndAddressVisible')].label").value("Full name is visible"))
                .andExpect(jsonPath("$[?(@.id == 'stampOrSignature')]").isEmpty())
                .andExpect(jsonPath("$[?(@.id == 'override')].type").value("boolean"))
                .andExpect(jsonPath("$[?(@.id == 'overrideNote')].type").value("string"));
        assertThat(document().getChecks()).extracting(CheckResult::code).doesNotContain(CheckCode.ADDRESS_MATCH);
        assertThat(review().getName()).isEqualTo("Review passport");
    }

    @Test
    void anApprovalWithOpenPointsNeedsAnOverrideWithANoteStoredAndAudited() throws Exception {
        String task = review().getId();
        complete(task, "{\"decision\":\"APPROVE\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("override"))
                .andExpect(jsonPath("$.errors[0].message", containsString("not ticked: Full name is visible")));
        complete(task, "{\"decision\":\"APPROVE\",\"nameAndAddressVisible\":true,\"issuerClear\":true,"
                + "\"override\":true}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("overrideNote"));
        // the hostile analyst: a string for the flag, or the process's own variables, are refused by name
        complete(task, "{\"decision\":\"APPROVE\",\"override\":\"true\",\"overrideNote\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("override"));
        complete(task, "{\"decision\":\"APPROVE\",\"documentAccepted\":true}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("documentAccepted"));
        assertThat(document().getStatus()).isEqualTo(DocumentStatus.RECEIVED);

        complete(task, "{\"decision\":\"APPROVE\",\"nameAndAddressVisible\":true,\"issuerClear\":true,"
                + "\"override\":true,\"overrideNote\":\"Seen the original on a video call.\"}")
                .andExpect(status().isNoContent());
        StoredDocument approved = document();
        assertThat(approved.getStatus()).isEqualTo(DocumentStatus.APPROVED);
        assertThat(approved.getOverriddenPoints()).contains("not ticked: The whole original");
        assertThat(approved.getOverrideNote()).isEqualTo("Seen the original on a video call.");
        assertThat(RunAs.user("manager", () -> audit.ofCase(reference), Role.MANAGER))
                .filteredOn(r -> r.action() == AuditTrail.Action.DECISION_RECORDED)
                .singleElement().satisfies(r -> {
                    assertThat(r.who()).isEqualTo("analyst");
                    assertThat(r.reason()).contains("Passport approved with an override", "not ticked: The whole "
                            + "original", "Seen the original on a video call.");
                });
    }

    @Test
    void aReReviewIsNamedForItsRoundGoesBackToItsAnalystAndStartsFromABlankForm() throws Exception {
        complete(review().getId(), "{\"decision\":\"REJECT\",\"rejectionReason\":\"EXPIRED\",\"reviewNote\":\"x\","
                + "\"override\":true,\"overrideNote\":\"y\",\"nameAndAddressVisible\":true,\"issuerClear\":true,"
                + "\"wholeOriginalInColour\":true}").andExpect(status().isNoContent());
        uploadPassport();
        Task again = review();
        assertThat(again.getName()).isEqualTo("Review passport (round 2)");
        assertThat(again.getAssignee()).isEqualTo("analyst");
        // nothing of the first round counts: no reason, no ticks, no override
        complete(again.getId(), "{\"decision\":\"REJECT\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rejectionReason"));
        complete(again.getId(), "{\"decision\":\"APPROVE\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("override"));
    }

    @Test
    void theTimelineReadsLikeACaseHistory() throws Exception {
        String first = review().getId();
        mvc.perform(get("/api/v1/cases/" + reference + "/documents/" + document().getId() + "/content")
                .param("taskId", first).with(httpBasic("analyst", "demo"))).andExpect(status().isOk());
        complete(first, "{\"decision\":\"REJECT\",\"rejectionReason\":\"ILLEGIBLE\",\"reviewNote\":\"photo blurred\"}")
                .andExpect(status().isNoContent());
        var body = mvc.perform(get("/api/v1/cases/" + reference + "/timeline").with(httpBasic("analyst", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> what = new ArrayList<>();
        objectMapper.readTree(body).forEach(e -> what.add(e.get("what").asText()));
        assertThat(what).containsSubsequence("Case opened", "Passport added to the case",
                "Took the task: Review passport",
                "Passport rejected: illegible (photo blurred) — client asked for a new one");
        assertThat(what).filteredOn("Case opened"::equals).hasSize(1);
        assertThat(what).anyMatch(w -> w.startsWith("Document opened (while working on Review passport)"));
        assertThat(what).noneMatch(w -> w.startsWith("Task created") || w.contains("Run automated checks")
                || w.contains("Record decision") || w.contains("Document check started") || w.contains(first)
                || w.contains("ILLEGIBLE"));
    }

    @Autowired DocumentReview review;

    /**
     * A route around the worklist (a model's own step, a future endpoint) still cannot record a rejection without a
     * reason or an approval over open points: the process step refuses it too, naming the field.
     */
    @Test
    void theProcessStepRefusesAnIncompleteDecisionWhateverRouteLedThere() {
        UUID id = document().getId();
        assertThat(Assertions.catchThrowableOfType(
                InvalidInputException.class, () -> RunAs.user("analyst",
                        () -> review.decide(id, ReviewDecision.reject(null, "no reason")), Role.ANALYST)).errors())
                .extracting(FieldError::field).containsExactly("rejectionReason");
        assertThat(Assertions.catchThrowableOfType(
                InvalidInputException.class, () -> RunAs.user("analyst",
                        () -> review.decide(id, ReviewDecision.of(Map.of("decision", "APPROVE"))),
                        Role.ANALYST)).errors())
                .extracting(FieldError::field).containsExactly("override");
        assertThat(document().getStatus()).isEqualTo(DocumentStatus.RECEIVED);
        assertThat(document().getDecidedAt()).isNull();
    }
}
