package dev.attest.cases;

import static dev.attest.cases.CaseRequests.json;
import static dev.attest.cases.CaseRequests.valid;
import static dev.attest.cases.CaseRequests.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.cases.internal.CaseFiles;

/** The intake contract of {@code POST /api/v1/cases} and {@code GET /api/v1/cases/{id}}. */
@AttestTest
class CaseApiTests {

    @Autowired MockMvc mvc;
    @Autowired CaseFiles caseFiles;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ObjectMapper objectMapper;

    MvcResult open(Object body, String user) throws Exception {
        return mvc.perform(post("/api/v1/cases").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json(body))).andReturn();
    }

    @Test
    void intakeOpensACaseAndItsProcessWaitsForTheClientsDocument() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json(valid())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/cases/")))
                .andExpect(jsonPath("$.reference", matchesPattern("CASE-\\d{4}-\\d{6}")))
                .andExpect(jsonPath("$.type").value("ACCOUNT_RECOVERY_2FA"))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.priority").value("HIGH"))
                .andExpect(jsonPath("$.client.phone").value("+14155550123"))
                .andExpect(jsonPath("$.account.addressOnFile.postalCode").value("94105"))
                .andExpect(jsonPath("$.situation.lostPhoneAccess").value(true))
                .andExpect(jsonPath("$.situation.accountSuspended").value(false))
                .andExpect(jsonPath("$.situation.otpProblem").value("VOIP_NUMBER"))
                .andExpect(jsonPath("$.tasks.length()").value(0))
                .andReturn();
        JsonNode body = objectMapper.readTree(result.getResponse().getContentAsString());
        String reference = body.get("reference").asText();

        var instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("CaseIntake")
                .processInstanceBusinessKey(reference).singleResult();
        assertThat(runtimeService.getActiveActivityIds(instance.getId()))
                .containsExactly("CallActivity_TwoFactorReset");
        var waiting = runtimeService.createExecutionQuery().processDefinitionKey("DocumentCheck")
                .processInstanceBusinessKey(reference).messageEventSubscriptionName("DocumentReceived").singleResult();
        assertThat(waiting).as("the document check waits for the client's document").isNotNull();

        mvc.perform(get(result.getResponse().getHeader("Location")).with(httpBasic("analyst", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reference").value(reference))
                .andExpect(jsonPath("$.openedBy").value("intake"))
                .andExpect(jsonPath("$.documents.length()").value(0));
        mvc.perform(get("/api/v1/cases/" + reference).with(httpBasic("manager", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(body.get("id").asText()));
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                Arguments.of(with("type", "PASSWORD_RESET"), "type"),
                Arguments.of(with("type", null), "type"),
                Arguments.of(with("client.fullName", "  "), "client.fullName"),
                Arguments.of(with("client.fullName", "x".repeat(201)), "client.fullName"),
                Arguments.of(with("client.email", "jane@"), "client.email"),
                Arguments.of(with("client.email", "jane seller@example.com"), "client.email"),
                Arguments.of(with("client.phone", "555-0123"), "client.phone"),
                Arguments.of(with("client.phone", "call me maybe"), "client.phone"),
                Arguments.of(with("client.phone", "+1415555"), "client.phone"),
                Arguments.of(with("client.country", "Atlantis"), "client.country"),
                Arguments.of(with("client.country", "XX"), "client.country"),
                Arguments.of(with("account.marketplace", "ebay.com"), "account.marketplace"),
                Arguments.of(with("account.marketplace", "not a domain"), "account.marketplace"),
                Arguments.of(with("account.sellerId", "A1-B2"), "account.sellerId"),
                Arguments.of(with("account.addressOnFile", null), "account.addressOnFile"),
                Arguments.of(with("account.addressOnFile.line1", ""), "account.addressOnFile.line1"),
                Arguments.of(with("account.addressOnFile.city", null), "account.addressOnFile.city"),
                Arguments.of(with("account.addressOnFile.region", "ZZ"), "account.addressOnFile.region"),
                Arguments.of(with("account.addressOnFile.region", null), "account.addressOnFile.region"),
                Arguments.of(with("account.addressOnFile.postalCode", "9410"), "account.addressOnFile.postalCode"),
                Arguments.of(with("account.addressOnFile.country", "Deutschland"), "account.addressOnFile.country"),
                Arguments.of(with("account.addressOnFile.region", "Texxas"), "account.addressOnFile.region"),
                Arguments.of(with("client.fullName", "Jane\u202ESeller"), "client.fullName"),
                Arguments.of(with("description", "x".repeat(4001)), "description"),
                Arguments.of(with("client", null), "client"),
                Arguments.of(with("account", null), "account"),
                Arguments.of(with("situation.lostPhoneAccess", "yes"), "situation.lostPhoneAccess"),
                Arguments.of(with("situation.otpProblem", "ALIENS"), "situation.otpProblem"),
                Arguments.of(with("client.nickname", "JJ"), "client.nickname"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalidInputs")
    void invalidInputIsRefusedNamingTheFieldAndStoresNothing(Object body, String field) throws Exception {
        long cases = caseFiles.count();
        long instances = runtimeService.createProcessInstanceQuery().count();

        mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json(body)))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));

        assertThat(caseFiles.count()).isEqualTo(cases);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void nationalPhoneNumbersStateNamesAndCountryNamesAreAcceptedAndAnsweredNormalised() throws Exception {
        var body = with("client.phone", "(512) 555-0199");
        @SuppressWarnings("unchecked")
        var client = (Map<String, Object>) body.get("client");
        client.put("country", "united states");
        @SuppressWarnings("unchecked")
        var address = (Map<String, Object>) ((Map<String, Object>) body.get("account"))
                .get("addressOnFile");
        address.put("region", "California");
        address.put("country", "USA");
        MvcResult result = mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json(body)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.client.phone").value("+15125550199"))
                .andExpect(jsonPath("$.client.country").value("US"))
                .andExpect(jsonPath("$.account.addressOnFile.region").value("CA"))
                .andExpect(jsonPath("$.account.addressOnFile.country").value("US"))
                .andReturn();
        String reference = objectMapper.readTree(result.getResponse().getContentAsString()).get("reference").asText();
        CaseFile stored = caseFiles.findAll().stream().filter(c -> reference.equals(c.getReference())).findFirst()
                .orElseThrow();
        assertThat(stored.getClient().phone().e164()).isEqualTo("+15125550199");
        assertThat(stored.getAccount().addressOnFile().region()).isEqualTo("CA");

        var british = with("client.phone", "020 7946 0958");
        @SuppressWarnings("unchecked")
        var britishClient = (Map<String, Object>) british.get("client");
        britishClient.put("country", "UK");
        mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json(british)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.client.phone").value("+442079460958"))
                .andExpect(jsonPath("$.client.country").value("GB"));
    }

    @Test
    void anUnreadablePhoneOrCountryIsRefusedInPlainWords() throws Exception {
        long cases = caseFiles.count();
        var body = with("client.phone", "555-0199");
        @SuppressWarnings("unchecked")
        var address = (Map<String, Object>) ((Map<String, Object>) body.get("account"))
                .get("addressOnFile");
        address.put("country", "Atlantis");
        mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("client.phone"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith(
                        "is not a valid phone number for United States")))
                .andExpect(jsonPath("$.errors[1].field").value("account.addressOnFile.country"))
                .andExpect(jsonPath("$.errors[1].message").value(
                        "is not a country we know: give its English name or its two-letter code, e.g. Germany or DE"));
        mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json(with("client.country", "Atlantis"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("client.country")));
        var national = with("client.phone", "(512) 555-0199");
        @SuppressWarnings("unchecked")
        var client = (Map<String, Object>) national.get("client");
        client.put("country", "Atlantis");
        mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json(national)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[1].field").value("client.phone"))
                .andExpect(jsonPath("$.errors[1].message").value(
                        "needs its country code, e.g. +1 512 555 0199, or the client's country"));
        assertThat(caseFiles.count()).isEqualTo(cases);
    }

    @Test
    void everyBadFieldIsNamedInOneAnswer() throws Exception {
        var body = with("client.email", "nope");
        @SuppressWarnings("unchecked")
        var client = (Map<String, Object>) body.get("client");
        client.put("phone", "12");
        client.put("country", "ZZ");
        mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json(body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[*].field", hasItem("client.email")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("client.phone")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("client.country")));
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        long cases = caseFiles.count();
        mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"type\": \"SELLER_VERIFICATION\", "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Malformed request body"));
        mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                        .contentType(MediaType.TEXT_PLAIN).content("type=SELLER_VERIFICATION"))
                .andExpect(status().isUnsupportedMediaType());
        assertThat(caseFiles.count()).isEqualTo(cases);
    }

    @Test
    void rolesThatMayNotOpenCasesAreRefused() throws Exception {
        long cases = caseFiles.count();
        assertThat(open(valid(), "designer").getResponse().getStatus()).isEqualTo(403);
        assertThat(open(valid(), "admin").getResponse().getStatus()).isEqualTo(403);
        mvc.perform(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content(json(valid())))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Basic")));
        mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "wrong"))
                        .contentType(MediaType.APPLICATION_JSON).content(json(valid())))
                .andExpect(status().isUnauthorized());
        assertThat(caseFiles.count()).isEqualTo(cases);
    }

    @Test
    void readingCases() throws Exception {
        mvc.perform(get("/api/v1/cases/CASE-2026-999999").with(httpBasic("analyst", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/not-an-id").with(httpBasic("analyst", "demo")))
                .andExpect(status().isNotFound());
        String reference = caseFiles.findAll().get(0).getReference();
        mvc.perform(get("/api/v1/cases/" + reference).with(httpBasic("designer", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/cases/" + reference)).andExpect(status().isUnauthorized());
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/cases'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/tasks/{id}/claim'].post").exists());
    }
}
