package dev.attest.ownership;

import static dev.attest.cases.CaseRequests.json;
import static dev.attest.cases.CaseRequests.valid;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;

/** {@code PUT/GET /api/v1/cases/{id}/ownership}: the analysis in DESIGN.md's shape, versions, refusals, roles. */
@AttestTest
class OwnershipApiTests {

    static final String STRUCTURE = """
            {"subject": "S", "controlPerson": "ceo",
             "parties": [
               {"id": "S", "kind": "ORGANIZATION", "name": "Pacific Goods LLC", "country": "US", "documented": true},
               {"id": "H", "kind": "ORGANIZATION", "name": "Rossi Holding S.r.l.", "country": "IT", "documented": false},
               {"id": "ceo", "kind": "PERSON", "name": "Chen Wei", "country": "US"},
               {"id": "sofia", "kind": "PERSON", "name": "Sofia Rossi", "country": "IT"}],
             "holdings": [
               {"owner": "H", "owned": "S", "percent": 60},
               {"owner": "ceo", "owned": "S", "percent": 40},
               {"owner": "sofia", "owned": "H", "percent": 100}]}""";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper objectMapper;
    String reference;

    @BeforeEach
    void openCase() throws Exception {
        var response = mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json(valid()))).andReturn().getResponse();
        reference = objectMapper.readTree(response.getContentAsString()).get("reference").asText();
    }

    ResultActions record(String user, String body) throws Exception {
        return mvc.perform(put("/api/v1/cases/" + reference + "/ownership").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void recordingAnswersTheAnalysisAndKeepsVersions() throws Exception {
        record("analyst", STRUCTURE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.threshold").value(25.0))
                .andExpect(jsonPath("$.beneficialOwners[0].party").value("sofia"))
                .andExpect(jsonPath("$.beneficialOwners[0].name").value("Sofia Rossi"))
                .andExpect(jsonPath("$.beneficialOwners[0].effectivePercent").value(60.0))
                .andExpect(jsonPath("$.beneficialOwners[0].chains[0].parties[1]").value("H"))
                .andExpect(jsonPath("$.beneficialOwners[1].party").value("ceo"))
                .andExpect(jsonPath("$.findings[0].code").value("FOREIGN_PARENT_UNDOCUMENTED"))
                .andExpect(jsonPath("$.findings[0].parties[0]").value("H"));

        record("senior", STRUCTURE.replace("\"documented\": false", "\"documented\": true")).andExpect(status().isOk())
                .andExpect(jsonPath("$.findings.length()").value(0));

        mvc.perform(get("/api/v1/cases/" + reference + "/ownership").with(httpBasic("manager", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.recordedBy").value("senior"))
                .andExpect(jsonPath("$.structure.subject").value("S"));
        mvc.perform(get("/api/v1/cases/" + reference + "/ownership/versions/1").with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$.analysis.findings[0].code").value("FOREIGN_PARENT_UNDOCUMENTED"));
        mvc.perform(get("/api/v1/cases/" + reference + "/ownership/versions").with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void invalidStructuresAreRefusedAndNothingIsRecorded() throws Exception {
        record("analyst", STRUCTURE.replace("\"owned\": \"H\", \"percent\": 100", "\"owned\": \"sofia\", \"percent\": 100")
                .replace("{\"owner\": \"H\", \"owned\": \"S\", \"percent\": 60}", "{\"owner\": \"H\", \"owned\": \"X\", \"percent\": 160}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("holdings[0].owned")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("holdings[0].percent")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("holdings[2].owned")));
        mvc.perform(get("/api/v1/cases/" + reference + "/ownership").with(httpBasic("analyst", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void rolesThatMayNotRecordAreRefused() throws Exception {
        record("designer", STRUCTURE).andExpect(status().isForbidden());
        record("manager", STRUCTURE).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/cases/" + reference + "/ownership").with(httpBasic("designer", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/cases/CASE-2026-999999/ownership").with(httpBasic("analyst", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(STRUCTURE)).andExpect(status().isNotFound());
    }
}
