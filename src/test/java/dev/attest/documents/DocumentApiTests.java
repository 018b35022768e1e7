package dev.attest.documents;

import static dev.attest.cases.CaseRequests.json;
import static dev.attest.cases.CaseRequests.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.audit.AuditTrail;
import dev.attest.documents.internal.EncryptedFileStore;
import dev.attest.documents.internal.StoredDocuments;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/** {@code /api/v1/cases/{id}/documents}: upload, refusals that store nothing, encryption, audit. */
@AttestTest
class DocumentApiTests {

    static final String GOOD_ID = """
            {"kind": "DRIVERS_LICENSE", "nameOnDocument": "Jane Seller", "issuingCountry": "US", "issuingRegion": "CA",
             "expiresOn": "2031-05-01",
             "addressOnDocument": {"line1": "1 Market St Ste 500", "city": "San Francisco", "region": "California",
                                   "postalCode": "94105-1234", "country": "USA"}}""";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper objectMapper;
    @Autowired StoredDocuments documents;
    @Autowired EncryptedFileStore store;
    @Autowired AuditTrail audit;
    @Autowired TaskService taskService;
    @Value("${attest.data-dir}") String dataDir;

    String reference;

    @BeforeEach
    void openCase() throws Exception {
        var response = mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json(valid()))).andReturn().getResponse();
        reference = objectMapper.readTree(response.getContentAsString()).get("reference").asText();
    }

    ResultActions upload(String user, String fileName, byte[] bytes, String metadata) throws Exception {
        return mvc.perform(multipart("/api/v1/cases/" + reference + "/documents")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", bytes))
                .file(new MockMultipartFile("metadata", "", "application/json", metadata.getBytes()))
                .with(httpBasic(user, "demo")));
    }

    long storedFiles() throws IOException {
        Path root = Path.of(dataDir, "documents");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void uploadStoresChecksAndHandsTheDocumentToReview() throws Exception {
        byte[] jpeg = TestFiles.jpeg(1012, 638);
        String body = upload("intake", "license.jpg", jpeg, GOOD_ID)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/documents/")))
                .andExpect(jsonPath("$.mediaType").value("image/jpeg"))
                .andExpect(jsonPath("$.sizeBytes").value(jpeg.length))
                .andExpect(jsonPath("$.sha256").value(EncryptedFileStore.sha256(jpeg)))
                .andExpect(jsonPath("$.checks[?(@.code == 'ADDRESS_MATCH')].outcome").value("PASS"))
                .andExpect(jsonPath("$.checks[?(@.code == 'NAME_MATCH')].outcome").value("PASS"))
                .andExpect(jsonPath("$.checks[?(@.code == 'ISSUER')].detail").value("Issued by US-CA (typed by the analyst)"))
                .andReturn().getResponse().getContentAsString();
        String id = objectMapper.readTree(body).get("id").asText();

        var review = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewDocument");
        mvc.perform(get("/api/v1/cases/" + reference).with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$.documents[0].id").value(id))
                .andExpect(jsonPath("$.documents[0].checks.length()").value(7)) // reading is off in tests: no CONSISTENCY
                .andExpect(jsonPath("$.tasks[0].name").value("Review driver's license"));
    }

    @Test
    void storedBytesAreEncryptedAndEveryReadIsVerifiedAndAudited() throws Exception {
        byte[] pdf = TestFiles.pdf();
        String body = upload("intake", "bill.pdf", pdf,
                "{\"kind\":\"PASSPORT\",\"nameOnDocument\":\"Jane Seller\",\"issuingCountry\":\"US\",\"expiresOn\":\"2030-01-01\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(objectMapper.readTree(body).get("id").asText());
        StoredDocument stored = documents.findById(id).orElseThrow();
        Path file = store.path(stored.getStorageKey());

        byte[] onDisk = Files.readAllBytes(file);
        assertThat(onDisk).isNotEqualTo(pdf);
        assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat(file.getFileName().toString()).doesNotContain("bill");

        String review = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
        mvc.perform(get("/api/v1/cases/" + reference + "/documents/" + id + "/content").param("taskId", review)
                        .with(httpBasic("analyst", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().bytes(pdf))
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment; filename=")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        var records = RunAs.user("admin", () -> audit.about(id.toString()), Role.ADMIN);
        assertThat(records).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo(AuditTrail.Action.DOCUMENT_READ);
            assertThat(r.who()).isEqualTo("analyst");
            assertThat(r.reason()).startsWith("task " + review + " (");
            assertThat(r.caseReference()).isEqualTo(reference);
        });

        onDisk[onDisk.length - 20] ^= 0x01;
        Files.write(file, onDisk);
        mvc.perform(get("/api/v1/cases/" + reference + "/documents/" + id + "/content").with(httpBasic("analyst", "demo")))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.title").value("Document integrity failure"));
    }

    @Test
    void documentsAreReadOnlyThroughTheirOwnCaseAndByAllowedRoles() throws Exception {
        String body = upload("intake", "id.png", TestFiles.png(600, 400), GOOD_ID).andReturn().getResponse()
                .getContentAsString();
        String id = objectMapper.readTree(body).get("id").asText();
        String other = objectMapper.readTree(mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json(valid()))).andReturn().getResponse()
                .getContentAsString()).get("reference").asText();

        mvc.perform(get("/api/v1/cases/" + other + "/documents/" + id + "/content").with(httpBasic("analyst", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/" + reference + "/documents/" + id + "/content").with(httpBasic("designer", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/cases/" + reference + "/documents/" + id + "/content").with(httpBasic("intake", "demo")))
                .andExpect(status().isForbidden());
        upload("designer", "id.png", TestFiles.png(600, 400), GOOD_ID).andExpect(status().isForbidden());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("an executable renamed .pdf", "invoice.pdf", TestFiles.windowsExecutable(), GOOD_ID, 415),
                Arguments.of("HTML renamed .jpg", "photo.jpg", TestFiles.html(), GOOD_ID, 415),
                Arguments.of("a zip bomb renamed .docx", "chart.docx", TestFiles.zipBomb(120), GOOD_ID, 415),
                Arguments.of("a PDF with JavaScript", "bill.pdf", TestFiles.pdfWithJavaScript(), GOOD_ID, 415),
                Arguments.of("a DOCX with a macro part", "letter.docx", TestFiles.docx(true), GOOD_ID, 415),
                Arguments.of("a pixel-flood PNG", "id.png", TestFiles.pixelFloodPng(100_000, 100_000), GOOD_ID, 415),
                Arguments.of("an empty file", "id.png", new byte[0], GOOD_ID, 400),
                Arguments.of("one byte over the limit", "big.pdf", new byte[10 * 1024 * 1024 + 1], GOOD_ID, 413),
                Arguments.of("a traversal file name", "../../etc/passwd.pdf", TestFiles.pdf(), GOOD_ID, 400),
                Arguments.of("an unknown kind", "id.png", TestFiles.png(60, 40), "{\"kind\":\"SELFIE\"}", 400),
                Arguments.of("a bad expiry date", "id.png", TestFiles.png(60, 40),
                        "{\"kind\":\"PASSPORT\",\"expiresOn\":\"31/12/2030\"}", 400),
                Arguments.of("metadata that is not JSON", "id.png", TestFiles.png(60, 40), "kind=PASSPORT", 400));
    }

    @ParameterizedTest(name = "{0} → {4}")
    @MethodSource("refusals")
    void refusedUploadsStoreNothing(String what, String fileName, byte[] bytes, String metadata, int status)
            throws Exception {
        long rows = documents.count();
        long files = storedFiles();

        upload("intake", fileName, bytes, metadata)
                .andExpect(status().is(status))
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));

        assertThat(documents.count()).isEqualTo(rows);
        assertThat(storedFiles()).isEqualTo(files);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).count()).isZero();
    }

    @Test
    void badMetadataNamesTheFields() throws Exception {
        upload("intake", "id.png", TestFiles.png(60, 40),
                "{\"kind\":\"PASSPORT\",\"issuingCountry\":\"XX\",\"expiresOn\":\"soon\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("metadata.issuingCountry")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("metadata.expiresOn")));
        mvc.perform(multipart("/api/v1/cases/" + reference + "/documents")
                        .file(new MockMultipartFile("metadata", "", "application/json", GOOD_ID.getBytes()))
                        .with(httpBasic("intake", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void aReviewerCorrectsWhatTheDocumentShowsAndTheChecksRunAgain() throws Exception {
        String body = upload("intake", "license.jpg", TestFiles.jpeg(1012, 638),
                "{\"kind\":\"DRIVERS_LICENSE\",\"nameOnDocument\":\"Jane Seller\",\"issuingCountry\":\"US\","
                        + "\"issuingRegion\":\"CA\",\"expiresOn\":\"2031-01-01\"}")
                .andExpect(jsonPath("$.checks[?(@.code == 'ADDRESS_MATCH')].outcome").value("NEEDS_REVIEW"))
                .andReturn().getResponse().getContentAsString();
        String id = objectMapper.readTree(body).get("id").asText();

        mvc.perform(MockMvcRequestBuilders
                        .put("/api/v1/cases/" + reference + "/documents/" + id + "/metadata")
                        .with(httpBasic("analyst", "demo")).contentType(MediaType.APPLICATION_JSON).content(GOOD_ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checks[?(@.code == 'ADDRESS_MATCH')].outcome").value("PASS"));
        mvc.perform(MockMvcRequestBuilders
                        .put("/api/v1/cases/" + reference + "/documents/" + id + "/metadata")
                        .with(httpBasic("intake", "demo")).contentType(MediaType.APPLICATION_JSON).content(GOOD_ID))
                .andExpect(status().isForbidden());
        var records = RunAs.user("admin", () -> audit.about(id), Role.ADMIN);
        assertThat(records).extracting(AuditTrail.Record::action)
                .containsExactly(AuditTrail.Action.DOCUMENT_UPLOADED, AuditTrail.Action.DOCUMENT_CORRECTED); // nothing read
    }
}
