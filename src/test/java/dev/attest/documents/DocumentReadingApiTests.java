package dev.attest.documents;

import static org.mockito.Mockito.when;
import static dev.attest.cases.CaseRequests.json;
import static dev.attest.cases.CaseRequests.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.audit.AuditTrail;
import dev.attest.cases.CountryCode;
import dev.attest.documents.internal.StoredDocuments;
import dev.attest.documents.reading.DocumentReader;
import dev.attest.documents.reading.DocumentReading;
import dev.attest.documents.reading.MrzFormat;
import dev.attest.documents.reading.MrzReading;
import dev.attest.documents.reading.ReadSource;
import dev.attest.documents.reading.ReadValue;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * The API's side of documents that read themselves: {@code extraction} on every representation, only the kind
 * required, the reading kept encrypted and audited, checks on what was read, and a slow file answered PENDING and
 * read by the DocumentCheck's job before any review task exists. The reader is a stand-in here (its own tests read
 * real files); what it answers is what each test sets.
 */
@AttestTest
@TestPropertySource(properties = "attest.documents.upload-reading.wait-at-most=300ms")
class DocumentReadingApiTests {

    static final LocalDate EXPIRES = LocalDate.of(2033, 4, 30);
    static final MrzReading ZONE = new MrzReading(MrzFormat.TD3, List.of(
            "P<USASELLER<<JANE<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "X12345678<USA8001014F3304305<<<<<<<<<<<<<<02"),
            new MrzReading.CheckDigits(true, true, true, true), "P", "USA", "SELLER", "JANE", "X12345678", "USA",
            LocalDate.of(1980, 1, 1), "F", EXPIRES);
    static final DocumentReading PASSPORT = new DocumentReading(DocumentReading.Status.DONE,
            mrz("JANE SELLER"), mrz("X12345678"), mrz(LocalDate.of(1980, 1, 1)), mrz(EXPIRES), mrz(new CountryCode("US")),
            null, null, null, null, ZONE, null, "PASSPORT UNITED STATES OF AMERICA SELLER JANE X12345678",
            List.of(new DocumentReading.Span(DocumentReading.Field.FULL_NAME, 37, 48)), null);

    static <T> ReadValue<T> mrz(T value) {
        return new ReadValue<>(value, ReadSource.MRZ, 1.0);
    }

    @MockitoBean DocumentReader reader;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper objectMapper;
    @Autowired StoredDocuments documents;
    @Autowired AuditTrail audit;
    @Autowired TaskService taskService;

    static final AtomicInteger files = new AtomicInteger(300);
    String reference;

    @BeforeEach
    void openCase() throws Exception {
        when(reader.enabled()).thenReturn(true); // a mock answers false to a default method: this reader reads
        var response = mvc.perform(post("/api/v1/cases").with(httpBasic("intake", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json(valid()))).andReturn().getResponse();
        reference = objectMapper.readTree(response.getContentAsString()).get("reference").asText();
    }

    /** A photo no other test uploaded (readings are remembered by the file's checksum for a while). */
    static byte[] newPhoto() {
        int n = files.incrementAndGet();
        return TestFiles.jpeg(600 + n, 400 + n % 7);
    }

    ResultActions upload(String user, byte[] bytes, String metadata) throws Exception {
        return mvc.perform(multipart("/api/v1/cases/" + reference + "/documents")
                .file(new MockMultipartFile("file", "passport.jpg", "application/octet-stream", bytes))
                .file(new MockMultipartFile("metadata", "", "application/json", metadata.getBytes()))
                .with(httpBasic(user, "demo")));
    }

    @Test
    void aPassportUploadedWithOnlyItsKindIsAnsweredWithWhatItsZoneSaysAndCheckedOnIt() throws Exception {
        Mockito.when(reader.read(any(), any(), any())).thenReturn(PASSPORT);
        String body = upload("intake", newPhoto(), "{\"kind\": \"PASSPORT\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.extraction.status").value("DONE"))
                .andReturn().getResponse().getContentAsString();
        String id = objectMapper.readTree(body).get("id").asText();
        assertThat(objectMapper.readTree(body).get("extraction").has("fields"))
                .as("intake sees where reading stands, not what the document says").isFalse();

        JsonNode document = objectMapper.readTree(mvc.perform(get("/api/v1/cases/" + reference + "/documents/" + id)
                .with(httpBasic("analyst", "demo"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        JsonNode extraction = document.get("extraction");
        assertThat(extraction.get("status").asText()).isEqualTo("DONE");
        assertThat(extraction.at("/fields/fullName/value").asText()).isEqualTo("JANE SELLER");
        assertThat(extraction.at("/fields/fullName/source").asText()).isEqualTo("MRZ");
        assertThat(extraction.at("/fields/fullName/confidence").asDouble()).isEqualTo(1.0);
        assertThat(extraction.at("/fields/documentNumber/value").asText()).isEqualTo("X12345678");
        assertThat(extraction.at("/fields/dateOfBirth/value").asText()).isEqualTo("1980-01-01");
        assertThat(extraction.at("/fields/expiresOn/value").asText()).isEqualTo("2033-04-30");
        assertThat(extraction.at("/fields/issuingCountry/value").asText()).isEqualTo("US");
        assertThat(extraction.get("fields").has("address")).as("not found, absent").isFalse();
        assertThat(extraction.get("fields").has("documentDate")).isFalse();
        assertThat(extraction.at("/mrz/format").asText()).isEqualTo("TD3");
        assertThat(extraction.at("/mrz/lines/1").asText()).isEqualTo(ZONE.lines().get(1));
        assertThat(extraction.at("/mrz/valid").asBoolean()).isTrue();
        assertThat(extraction.at("/mrz/checkDigits/documentNumber").asBoolean()).isTrue();
        assertThat(extraction.at("/mrz/checkDigits/composite").asBoolean()).isTrue();

        mvc.perform(get("/api/v1/cases/" + reference + "/documents/" + id).with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$.checks[?(@.code == 'EXPIRY')].detail").value("Valid until 2033-04-30 (read from the MRZ)"))
                .andExpect(jsonPath("$.checks[?(@.code == 'NAME_MATCH')].outcome").value("PASS"))
                .andExpect(jsonPath("$.checks[?(@.code == 'NAME_MATCH')].detail").value(hasItem(endsWith("(read from the MRZ)"))))
                .andExpect(jsonPath("$.checks[?(@.code == 'MRZ')].outcome").value("PASS"))
                .andExpect(jsonPath("$.checks[?(@.code == 'CONSISTENCY')].outcome").value("PASS"));
        mvc.perform(get("/api/v1/cases/" + reference).with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$.documents[0].extraction.fields.documentNumber.value").value("X12345678"));
        mvc.perform(get("/api/v1/cases/" + reference + "/documents").with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$[0].extraction.mrz.valid").value(true));

        var records = RunAs.user("admin", () -> audit.about(id), Role.ADMIN);
        assertThat(records).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo(AuditTrail.Action.DOCUMENT_MACHINE_READ);
            assertThat(r.caseReference()).isEqualTo(reference);
            assertThat(r.reason()).contains("fullName (MRZ)", "TD3 zone, check digits agree").doesNotContain("SELLER");
        });
        StoredDocument stored = documents.findById(UUID.fromString(id)).orElseThrow();
        assertThat(stored.getMrzValid()).isTrue();
        assertThat(new String(stored.getReadingSealed(), StandardCharsets.ISO_8859_1))
                .as("the text read is kept encrypted").doesNotContain("PASSPORT", "SELLER", "X12345678");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult()
                .getTaskDefinitionKey()).isEqualTo("Task_ReviewDocument");
    }

    @Test
    void aTypedNumberTheZoneContradictsFailsConsistencyAndTheDocumentIsRefusedForIt() throws Exception {
        Mockito.when(reader.read(any(), any(), any())).thenReturn(PASSPORT);
        upload("analyst", newPhoto(), "{\"kind\": \"PASSPORT\", \"documentNumber\": \"X1234567B\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.checks[?(@.code == 'CONSISTENCY')].outcome").value("FAIL"))
                .andExpect(jsonPath("$.checks[?(@.code == 'CONSISTENCY')].detail").value("Document number: "
                        + "'X1234567B' (typed by the analyst) but 'X12345678' (read from the MRZ)"))
                .andExpect(jsonPath("$.status").value("REJECTED"));
        assertThat(documents.findAll().stream().filter(d -> d.getStatus() == DocumentStatus.REJECTED
                && d.getRejectionReason() == RejectionReason.DETAILS_DO_NOT_MATCH)).isNotEmpty();
    }

    @Test
    void aBadDocumentNumberIsRefusedNamingTheField() throws Exception {
        upload("intake", newPhoto(), "{\"kind\": \"PASSPORT\", \"documentNumber\": \"X1<script>\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("metadata.documentNumber"));
    }

    @Test
    void aFileNotReadInTimeIsAnsweredPendingAndReadByTheJobBeforeAnyReviewTask() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        Mockito.when(reader.read(any(), any(), any())).thenAnswer(a -> {
            if (calls.incrementAndGet() == 1) {
                slow.await(10, TimeUnit.SECONDS); // the upload's reading outlasts its wait
            }
            return PASSPORT;
        });
        String body;
        try {
            body = upload("intake", newPhoto(), "{\"kind\": \"PASSPORT\", \"nameOnDocument\": \"Jane Seller\"}")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.extraction.status").value("PENDING"))
                    .andExpect(jsonPath("$.checks[?(@.code == 'MRZ')].detail").value("The document is still being read"))
                    .andReturn().getResponse().getContentAsString();
        } finally {
            slow.countDown();
        }
        UUID id = UUID.fromString(objectMapper.readTree(body).get("id").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> documents.findById(id).orElseThrow().getReadingStatus()
                == DocumentReading.Status.DONE);
        await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(reference).count() == 1);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult()
                .getTaskDefinitionKey()).isEqualTo("Task_ReviewDocument");
        mvc.perform(get("/api/v1/cases/" + reference + "/documents/" + id).with(httpBasic("analyst", "demo")))
                .andExpect(jsonPath("$.extraction.status").value("DONE"))
                .andExpect(jsonPath("$.checks[?(@.code == 'MRZ')].outcome").value("PASS"))
                .andExpect(jsonPath("$.checks[?(@.code == 'CONSISTENCY')].detail")
                        .value(hasItem(containsString("agrees with the document: name"))));
        var records = RunAs.user("admin", () -> audit.about(id.toString()), Role.ADMIN);
        assertThat(records).filteredOn(r -> r.action() == AuditTrail.Action.DOCUMENT_MACHINE_READ).hasSize(1);
    }

    @Test
    void aFileNothingCanBeReadOffIsUnreadableAndCheckedOnWhatWasTyped() throws Exception {
        Mockito.when(reader.read(any(), any(), any())).thenReturn(DocumentReading.unreadable("no text on the page"));
        upload("analyst", newPhoto(), "{\"kind\": \"PASSPORT\", \"nameOnDocument\": \"Jane Seller\", "
                + "\"expiresOn\": \"2031-01-01\", \"issuingCountry\": \"US\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.extraction.status").value("UNREADABLE"))
                .andExpect(jsonPath("$.extraction.fields").isEmpty())
                .andExpect(jsonPath("$.checks[?(@.code == 'EXPIRY')].detail").value("Valid until 2031-01-01 (typed by "
                        + "the analyst)"))
                .andExpect(jsonPath("$.checks[?(@.code == 'MRZ')].outcome").value("NEEDS_REVIEW"));
    }

    @Test
    void theOpenApiDescriptionDescribesTheExtraction() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.schemas.DocumentResponse.properties.extraction['$ref']")
                        .value(endsWith("/Extraction")))
                .andExpect(jsonPath("$.components.schemas.Extraction.properties.status.description")
                        .value(containsString("PENDING")))
                .andExpect(jsonPath("$.components.schemas.Extraction.properties.mrz").exists())
                .andExpect(jsonPath("$.components.schemas.DocumentMetadata.properties.documentNumber").exists());
    }
}
