package dev.attest.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.StoredDocument;
import dev.attest.documents.TestFiles;
import dev.attest.worklist.TaskFilter;
import dev.attest.worklist.Worklist;

/**
 * The authorization matrix of the REST API: every endpoint that reveals or changes data, called by nobody and by
 * a user of each of the six roles. The table below is the documentation: a role listed may use the endpoint
 * (its answer is anything but 401/403: data, or 400/404/422 for the probe's deliberately invalid input); every
 * other role gets 403, and nobody gets 401. Then the object-level checks: another case's document by id, and a
 * task held by someone else. Every denial is logged with who was denied what.
 */
@AttestTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class AuthorizationMatrixTests {

    static final Set<Role> CASE_READERS = EnumSet.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER, Role.INTAKE,
            Role.ADMIN);
    static final Set<Role> CASE_WORKERS = EnumSet.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER);
    static final Set<Role> CASE_OPENERS = EnumSet.of(Role.INTAKE, Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER);

    /** One row: an endpoint, the request that probes it, and who may use it. */
    record Row(String endpoint, Function<Fixture, MockHttpServletRequestBuilder> request, Set<Role> allowed) {
    }

    /** The data the probes point at: case A with a document and an open task, case B with a document. */
    record Fixture(String caseA, String docA, String caseB, String docB, String taskA) {
    }

    static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, "application/octet-stream", content);
    }

    static MockMultipartFile part(String name, String json) {
        return new MockMultipartFile(name, "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8));
    }

    static final List<Row> MATRIX = List.of(
            new Row("POST /api/v1/cases", f -> post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                    .content("{}"), CASE_OPENERS),
            new Row("GET /api/v1/cases", f -> get("/api/v1/cases"), CASE_READERS),
            new Row("GET /api/v1/cases/{id}", f -> get("/api/v1/cases/" + f.caseA()), CASE_READERS),
            new Row("GET /api/v1/cases/{id}/timeline", f -> get("/api/v1/cases/" + f.caseA() + "/timeline"),
                    CASE_READERS),
            new Row("POST /api/v1/cases/{id}/documents", f -> multipart("/api/v1/cases/" + f.caseA() + "/documents")
                    .file(file("empty.png", new byte[0])).file(part("metadata", "{\"kind\":\"PASSPORT\"}")),
                    CASE_OPENERS),
            new Row("GET /api/v1/cases/{id}/documents", f -> get("/api/v1/cases/" + f.caseA() + "/documents"),
                    CASE_READERS),
            new Row("GET /api/v1/cases/{id}/documents/{doc}",
                    f -> get("/api/v1/cases/" + f.caseA() + "/documents/" + f.docA()), CASE_READERS),
            new Row("GET /api/v1/cases/{id}/documents/{doc}/content",
                    f -> get("/api/v1/cases/" + f.caseA() + "/documents/" + f.docA() + "/content"), CASE_WORKERS),
            new Row("GET /api/v1/cases/{id}/documents/{doc}/rejection-preview",
                    f -> get("/api/v1/cases/" + f.caseA() + "/documents/" + f.docA() + "/rejection-preview")
                            .param("reason", "EXPIRED"), CASE_WORKERS),
            new Row("PUT /api/v1/cases/{id}/documents/{doc}/metadata",
                    f -> put("/api/v1/cases/" + f.caseA() + "/documents/" + f.docA() + "/metadata")
                            .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"NOT_A_KIND\"}"),
                    EnumSet.of(Role.ANALYST, Role.SENIOR_ANALYST)),
            new Row("GET /api/v1/cases/{id}/messages", f -> get("/api/v1/cases/" + f.caseA() + "/messages"),
                    EnumSet.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER, Role.ADMIN)),
            new Row("PUT /api/v1/cases/{id}/ownership", f -> put("/api/v1/cases/" + f.caseA() + "/ownership")
                    .contentType(MediaType.APPLICATION_JSON).content("{}"),
                    EnumSet.of(Role.INTAKE, Role.ANALYST, Role.SENIOR_ANALYST)),
            new Row("GET /api/v1/cases/{id}/ownership", f -> get("/api/v1/cases/" + f.caseA() + "/ownership"),
                    CASE_READERS),
            new Row("GET /api/v1/cases/{id}/ownership/versions",
                    f -> get("/api/v1/cases/" + f.caseA() + "/ownership/versions"),
                    EnumSet.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER, Role.ADMIN)),
            new Row("GET /api/v1/cases/{id}/ownership/versions/{number}",
                    f -> get("/api/v1/cases/" + f.caseA() + "/ownership/versions/1"),
                    EnumSet.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER, Role.ADMIN)),
            new Row("POST /api/v1/cases/{id}/marketplace-decision",
                    f -> post("/api/v1/cases/" + f.caseA() + "/marketplace-decision")
                            .contentType(MediaType.APPLICATION_JSON).content("{}"), CASE_WORKERS),
            new Row("GET /api/v1/cases/{id}/recovery", f -> get("/api/v1/cases/" + f.caseA() + "/recovery"),
                    CASE_READERS),
            new Row("POST /api/v1/cases/{id}/legal-hold", f -> post("/api/v1/cases/" + f.caseA() + "/legal-hold")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}"), EnumSet.of(Role.ADMIN)),
            new Row("DELETE /api/v1/cases/{id}/legal-hold",
                    f -> MockMvcRequestBuilders.delete(
                            "/api/v1/cases/" + f.caseA() + "/legal-hold"), EnumSet.of(Role.ADMIN)),
            new Row("POST /api/v1/cases/{id}/erasure-requests",
                    f -> post("/api/v1/cases/" + f.caseA() + "/erasure-requests")
                            .contentType(MediaType.APPLICATION_JSON).content("{}"), EnumSet.of(Role.ADMIN)),
            new Row("POST /api/v1/screening/lists", f -> multipart("/api/v1/screening/lists")
                    .file(file("empty.xml", new byte[0])).param("format", "UN_XML"), EnumSet.of(Role.ADMIN)),
            new Row("GET /api/v1/screening/lists", f -> get("/api/v1/screening/lists"), CASE_READERS),
            new Row("GET /api/v1/cases/{id}/screening", f -> get("/api/v1/cases/" + f.caseA() + "/screening"),
                    CASE_READERS),
            new Row("POST /api/v1/screening/search", f -> post("/api/v1/screening/search")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\"}"), CASE_WORKERS),
            new Row("GET /api/v1/cases/{id}/notes", f -> get("/api/v1/cases/" + f.caseA() + "/notes"), CASE_WORKERS),
            new Row("POST /api/v1/cases/{id}/notes", f -> post("/api/v1/cases/" + f.caseA() + "/notes")
                    .contentType(MediaType.APPLICATION_JSON).content("{}"), CASE_WORKERS),
            new Row("PUT /api/v1/cases/{id}/notes/{noteId}", f -> put("/api/v1/cases/" + f.caseA() + "/notes/"
                    + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"probe\"}"),
                    CASE_WORKERS),
            new Row("GET /api/v1/cases/{id}/notes/{noteId}/versions", f -> get("/api/v1/cases/" + f.caseA()
                    + "/notes/" + UUID.randomUUID() + "/versions"), CASE_WORKERS),
            new Row("GET /api/v1/notifications", f -> get("/api/v1/notifications"), CASE_WORKERS),
            new Row("POST /api/v1/notifications/{id}/read", f -> post("/api/v1/notifications/" + UUID.randomUUID()
                    + "/read"), CASE_WORKERS),
            new Row("POST /api/v1/notifications/read-all", f -> post("/api/v1/notifications/read-all"), CASE_WORKERS),
            new Row("GET /api/v1/tasks", f -> get("/api/v1/tasks"), CASE_WORKERS),
            new Row("GET /api/v1/tasks/{id}", f -> get("/api/v1/tasks/no-such-task"), CASE_WORKERS),
            new Row("GET /api/v1/tasks/{id}/form", f -> get("/api/v1/tasks/no-such-task/form"), CASE_WORKERS),
            new Row("POST /api/v1/tasks/{id}/claim", f -> post("/api/v1/tasks/no-such-task/claim"), CASE_WORKERS),
            new Row("POST /api/v1/tasks/{id}/unclaim", f -> post("/api/v1/tasks/no-such-task/unclaim"), CASE_WORKERS),
            new Row("POST /api/v1/tasks/{id}/complete", f -> post("/api/v1/tasks/no-such-task/complete")
                    .contentType(MediaType.APPLICATION_JSON).content("{}"), CASE_WORKERS),
            new Row("PUT /api/v1/tasks/{id}/assignee", f -> put("/api/v1/tasks/no-such-task/assignee")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"assignee\":null}"), CASE_WORKERS),
            new Row("POST /api/v1/tasks/assignments", f -> post("/api/v1/tasks/assignments")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"taskIds\":[]}"), CASE_WORKERS),
            new Row("GET /api/v1/tasks/candidates", f -> get("/api/v1/tasks/candidates"), CASE_WORKERS),
            new Row("PUT /api/v1/tasks/{id}/follow-up", f -> put("/api/v1/tasks/no-such-task/follow-up")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"followUp\":null}"), CASE_WORKERS),
            new Row("GET /api/v1/users/me/availability", f -> get("/api/v1/users/me/availability"), CASE_WORKERS),
            new Row("PUT /api/v1/users/me/availability", f -> put("/api/v1/users/me/availability")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"awayUntil\":\"2000-01-01\"}"),
                    CASE_WORKERS),
            new Row("PUT /api/v1/users/{username}/availability", f -> put("/api/v1/users/nobody/availability")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"awayUntil\":null}"),
                    EnumSet.of(Role.MANAGER)),
            new Row("GET /api/v1/users/availability", f -> get("/api/v1/users/availability"),
                    EnumSet.of(Role.MANAGER)),
            new Row("POST /api/v1/users/{username}/tasks/return", f -> post("/api/v1/users/nobody/tasks/return"),
                    EnumSet.of(Role.MANAGER)),
            new Row("GET /api/v1/tasks.csv", f -> get("/api/v1/tasks.csv").param("q", "no-such-task"), CASE_WORKERS),
            new Row("GET /api/v1/cases.csv", f -> get("/api/v1/cases.csv").param("q", "no-such-case"),
                    EnumSet.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER, Role.ADMIN)),
            new Row("GET /api/v1/task-filters", f -> get("/api/v1/task-filters"), CASE_WORKERS),
            new Row("POST /api/v1/task-filters", f -> post("/api/v1/task-filters").contentType(MediaType.APPLICATION_JSON)
                    .content("{}"), CASE_WORKERS),
            new Row("DELETE /api/v1/task-filters/{id}", f -> delete("/api/v1/task-filters/987654"), CASE_WORKERS),
            new Row("GET /api/v1/designer/models", f -> get("/api/v1/designer/models"),
                    EnumSet.of(Role.DESIGNER, Role.ADMIN)),
            new Row("GET /api/v1/designer/models/{id}/xml", f -> get("/api/v1/designer/models/no-such/xml"),
                    EnumSet.of(Role.DESIGNER, Role.ADMIN)),
            new Row("POST /api/v1/designer/deployments", f -> multipart("/api/v1/designer/deployments")
                    .file(file("probe.txt", "x".getBytes(StandardCharsets.UTF_8))), EnumSet.of(Role.DESIGNER)),
            new Row("GET /api/v1/audit/verification", f -> get("/api/v1/audit/verification"), EnumSet.of(Role.ADMIN)),
            new Row("GET /api/v1/audit/records", f -> get("/api/v1/audit/records").param("limit", "1"),
                    EnumSet.of(Role.ADMIN)),
            new Row("GET /api/v1/users", f -> get("/api/v1/users"), EnumSet.of(Role.ADMIN)),
            new Row("POST /api/v1/users", f -> post("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                    .content("{}"), EnumSet.of(Role.ADMIN)),
            new Row("POST /api/v1/users/{username}/password-reset", f -> post("/api/v1/users/nobody/password-reset"),
                    EnumSet.of(Role.ADMIN)),
            new Row("POST /api/v1/users/{username}/disable", f -> post("/api/v1/users/nobody/disable"),
                    EnumSet.of(Role.ADMIN)),
            new Row("POST /api/v1/users/{username}/enable", f -> post("/api/v1/users/nobody/enable"),
                    EnumSet.of(Role.ADMIN)),
            new Row("PUT /api/v1/users/{username}/email", f -> put("/api/v1/users/nobody/email")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"email\":null}"), EnumSet.of(Role.ADMIN)),
            new Row("DELETE /api/v1/users/{username}/login-lock",
                    f -> MockMvcRequestBuilders.delete(
                            "/api/v1/users/nobody/login-lock"), EnumSet.of(Role.ADMIN)),
            new Row("GET /actuator/prometheus", f -> get("/actuator/prometheus"), EnumSet.of(Role.ADMIN)),
            new Row("GET /actuator/health (details)", f -> get("/actuator/health"), EnumSet.allOf(Role.class)));

    @Autowired MockMvc mvc;
    @Autowired CaseIntake intake;
    @Autowired Documents documents;
    @Autowired Worklist worklist;

    Fixture fixture;

    @BeforeAll
    void twoCasesWithDocuments() {
        CaseFile a = openCase();
        CaseFile b = openCase();
        StoredDocument docA = upload(a);
        StoredDocument docB = upload(b);
        String task = RunAs.user("analyst", () -> worklist.page(TaskFilter.of(
                TaskFilter.Scope.GROUP), 0, 500).stream()
                .filter(t -> a.getReference().equals(t.caseReference())).findFirst().orElseThrow().id(), Role.ANALYST);
        fixture = new Fixture(a.getReference(), docA.getId().toString(), b.getReference(), docB.getId().toString(),
                task);
    }

    CaseFile openCase() {
        return RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
    }

    StoredDocument upload(CaseFile c) {
        return RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png", TestFiles.png(900, 600),
                new DocumentMetadata("PASSPORT", "Jane Seller", null, "US", null, "2031-01-01")), Role.INTAKE);
    }

    int status(MockHttpServletRequestBuilder request, Role role) throws Exception {
        if (role != null) {
            request.with(user("matrix-" + role.name().toLowerCase()).roles(role.name()));
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    @Test
    void everyRoleGetsExactlyTheEndpointsOfTheTable(CapturedOutput log) throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Row row : MATRIX) {
            int anonymous = status(row.request().apply(fixture), null);
            boolean openProbe = row.endpoint().startsWith("GET /actuator/health");
            if (openProbe ? anonymous != 200 : anonymous != 401) {
                wrong.add(row.endpoint() + " anonymous: " + anonymous);
            }
            checked++;
            for (Role role : Role.values()) {
                int code = status(row.request().apply(fixture), role);
                boolean allowed = row.allowed().contains(role);
                if (allowed ? (code == 401 || code == 403 || code >= 500) : code != 403) {
                    wrong.add(row.endpoint() + " " + role + ": " + code + (allowed ? " (should be allowed)"
                            : " (should be 403)"));
                }
                checked++;
            }
        }
        assertThat(wrong).as("roles × endpoints that disagree with the table").isEmpty();
        assertThat(checked).isEqualTo(MATRIX.size() * (Role.values().length + 1));
        System.out.printf("Authorization matrix: %d endpoints × %d callers = %d checks%n", MATRIX.size(),
                Role.values().length + 1, checked);
        assertThat(log.getOut()).contains("Denied").contains("matrix-designer");
    }

    /** "POST /api/v1/cases/{caseId}/legal-hold" → "POST /api/v1/cases/{}/legal-hold": path variables unnamed. */
    static String shape(String endpoint) {
        return endpoint.replaceAll("\\{[^}]*}", "{}");
    }

    @Test
    void theTableCoversEveryEndpointOfTheOpenApiDescription() throws Exception {
        var paths = new ObjectMapper().readTree(mvc.perform(get("/v3/api-docs"))
                .andReturn().getResponse().getContentAsString()).path("paths");
        Set<String> documented = new TreeSet<>();
        paths.fieldNames().forEachRemaining(path -> paths.path(path).fieldNames().forEachRemaining(method -> {
            if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                documented.add(shape(method.toUpperCase() + " " + path));
            }
        }));
        Set<String> tabled = new TreeSet<>();
        MATRIX.stream().map(Row::endpoint).filter(e -> e.contains(" /api/")).map(AuthorizationMatrixTests::shape)
                .forEach(tabled::add);
        assertThat(tabled).as("endpoints of the table missing from the OpenAPI description").isSubsetOf(documented);
        assertThat(documented).as("documented endpoints nobody has put in the authorization table")
                .isSubsetOf(tabled);
    }

    /** Beyond the table: a path no endpoint serves is 401 for nobody and 404 (problem details) for every role. */
    @Test
    void anUnknownPathIsNotFoundForEveryRoleAfterAuthentication() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/api/v1/nosuch", "/api/v2/cases", "/API/v1/cases")) {
            for (Role role : Role.values()) {
                var response = mvc.perform(put(path).contentType(MediaType.APPLICATION_JSON).content("{}")
                        .with(user("matrix-" + role.name().toLowerCase()).roles(role.name()))).andReturn()
                        .getResponse();
                if (response.getStatus() != 404
                        || !MediaType.APPLICATION_PROBLEM_JSON_VALUE.equals(response.getContentType())) {
                    wrong.add(path + " " + role + ": " + response.getStatus() + " " + response.getContentType());
                }
            }
            if (status(get(path), null) != 401) {
                wrong.add(path + " anonymous: " + status(get(path), null));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anotherCasesDocumentIsNotFoundThroughThisCase() throws Exception {
        for (String path : List.of("/documents/" + fixture.docB(), "/documents/" + fixture.docB() + "/content")) {
            assertThat(status(get("/api/v1/cases/" + fixture.caseA() + path), Role.ANALYST)).as(path).isEqualTo(404);
        }
        assertThat(status(get("/api/v1/cases/" + fixture.caseB() + "/documents/" + fixture.docB()), Role.ANALYST))
                .isEqualTo(200);
    }

    @Test
    void aTaskHeldBySomeoneElseCannotBeCompletedOrTakenOver() throws Exception {
        assertThat(mvc.perform(post("/api/v1/tasks/" + fixture.taskA() + "/claim").with(httpBasic("analyst", "demo")))
                .andReturn().getResponse().getStatus()).isEqualTo(204);
        try {
            assertThat(mvc.perform(post("/api/v1/tasks/" + fixture.taskA() + "/complete")
                    .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\"}")
                    .with(httpBasic("senior", "demo"))).andReturn().getResponse().getStatus()).isEqualTo(403);
            assertThat(mvc.perform(post("/api/v1/tasks/" + fixture.taskA() + "/claim")
                    .with(httpBasic("senior", "demo"))).andReturn().getResponse().getStatus()).isEqualTo(409);
            assertThat(mvc.perform(post("/api/v1/tasks/" + fixture.taskA() + "/unclaim")
                    .with(httpBasic("senior", "demo"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        } finally {
            mvc.perform(post("/api/v1/tasks/" + fixture.taskA() + "/unclaim").with(httpBasic("analyst", "demo")));
        }
    }

    static Map<String, Set<Role>> table() {
        Map<String, Set<Role>> t = new LinkedHashMap<>();
        MATRIX.forEach(r -> t.put(r.endpoint(), r.allowed()));
        return t;
    }
}
