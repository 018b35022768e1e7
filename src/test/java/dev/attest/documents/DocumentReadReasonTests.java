package dev.attest.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.audit.AuditTrail;
import dev.attest.cases.CaseRequests;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * The "why" of a document read is either a task of the same case that the reader may see (checked) or the reader's
 * own single line, recorded as theirs; anything else is a 400 naming the parameter, and nothing is read or audited.
 */
@AttestTest
class DocumentReadReasonTests {

    static final String ID = """
            {"kind": "DRIVERS_LICENSE", "nameOnDocument": "Jane Seller", "issuingCountry": "US", "issuingRegion": "CA",
             "expiresOn": "2031-05-01"}""";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired AuditTrail audit;
    @Autowired TaskService tasks;

    record Uploaded(String reference, String documentId) {
    }

    Uploaded caseWithDocument() throws Exception {
        String opened = mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(CaseRequests.json(CaseRequests.valid())))
                .andReturn().getResponse().getContentAsString();
        String reference = json.readTree(opened).get("reference").asText();
        String stored = mvc.perform(multipart("/api/v1/cases/" + reference + "/documents")
                .file(new MockMultipartFile("file", "license.jpg", "application/octet-stream", TestFiles.jpeg(1012, 638)))
                .file(new MockMultipartFile("metadata", "", "application/json", ID.getBytes()))
                .with(httpBasic("intake", "demo"))).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return new Uploaded(reference, json.readTree(stored).get("id").asText());
    }

    String content(Uploaded u) {
        return "/api/v1/cases/" + u.reference() + "/documents/" + u.documentId() + "/content";
    }

    List<String> readReasons(Uploaded u) {
        return RunAs.user("admin", () -> audit.about(u.documentId()), Role.ADMIN).stream()
                .filter(r -> r.action() == AuditTrail.Action.DOCUMENT_READ).map(AuditTrail.Record::reason).toList();
    }

    @Test
    void aVisibleTaskOfTheCaseIsRecordedWithItsName() throws Exception {
        Uploaded u = caseWithDocument();
        var review = tasks.createTaskQuery().processInstanceBusinessKey(u.reference()).singleResult();
        mvc.perform(get(content(u)).param("taskId", review.getId()).with(httpBasic("analyst", "demo")))
                .andExpect(status().isOk());
        assertThat(readReasons(u)).containsExactly("task " + review.getId() + " (" + review.getName() + ")");
    }

    @Test
    void theReadersOwnWordsAreRecordedAsTheirs() throws Exception {
        Uploaded u = caseWithDocument();
        mvc.perform(get(content(u)).param("reason", "  Client called about the address  ")
                .with(httpBasic("analyst", "demo"))).andExpect(status().isOk());
        mvc.perform(get(content(u)).with(httpBasic("analyst", "demo"))).andExpect(status().isOk());
        assertThat(readReasons(u)).containsExactly("stated by reader: Client called about the address",
                "API download (no reason given)");
    }

    @Test
    void anythingElseIsRefusedNamingTheParameterAndNothingIsRead() throws Exception {
        Uploaded u = caseWithDocument();
        Uploaded other = caseWithDocument();
        String othersTask = tasks.createTaskQuery().processInstanceBusinessKey(other.reference()).singleResult().getId();
        String[][] refused = {
                {"taskId", "task-42"}, // no such task
                {"taskId", othersTask}, // a task of another case
                {"taskId", "42\nDOCUMENT_READ by admin"},
                {"reason", "checking\nwho: admin"},
                {"reason", "line\u2028separator"},
                {"reason", "bidi \u202Eevil"},
                {"reason", "x".repeat(161)},
        };
        for (String[] p : refused) {
            mvc.perform(get(content(u)).param(p[0], p[1]).with(httpBasic("analyst", "demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(p[0]));
        }
        mvc.perform(get(content(u)).param("taskId", othersTask).param("reason", "both")
                .with(httpBasic("analyst", "demo"))).andExpect(status().isBadRequest());
        assertThat(readReasons(u)).as("nothing read").isEmpty();
    }

    @Test
    void aTaskTheReaderMayNotSeeIsRefused() throws Exception {
        Uploaded u = caseWithDocument();
        var review = tasks.createTaskQuery().processInstanceBusinessKey(u.reference()).singleResult();
        tasks.deleteCandidateGroup(review.getId(), "analyst");
        tasks.addCandidateGroup(review.getId(), "senior_analyst");
        try {
            mvc.perform(get(content(u)).param("taskId", review.getId()).with(httpBasic("analyst", "demo")))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("taskId"));
            mvc.perform(get(content(u)).param("taskId", review.getId()).with(httpBasic("senior", "demo")))
                    .andExpect(status().isOk());
        } finally {
            tasks.deleteCandidateGroup(review.getId(), "senior_analyst");
            tasks.addCandidateGroup(review.getId(), "analyst");
        }
    }
}
