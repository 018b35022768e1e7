package dev.attest.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.attest.AttestTest;
import dev.attest.cases.internal.CaseFiles;
import dev.attest.communication.ClientMessages;
import dev.attest.communication.UploadLinks;
import dev.attest.documents.DocumentGroup;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.DocumentReview;
import dev.attest.documents.Documents;
import dev.attest.documents.RejectionReason;
import dev.attest.documents.ReviewDecision;
import dev.attest.documents.StoredDocument;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.ownership.Ownership;
import dev.attest.ownership.OwnershipInput;
import dev.attest.ownership.OwnershipReview;
import dev.attest.recovery.MarketplaceDecisionRequest;
import dev.attest.recovery.TwoFactorRecovery;
import dev.attest.worklist.Worklist;

/**
 * A closed case is a record: every writer of its facts, documents, checks, ownership, decisions, requests and tasks,
 * through the API and through the services (the engine's steps too), is refused with 409 / {@link CaseClosedException}
 * naming the case, and nothing of the case changes (every row that belongs to it, compared before and after). Record
 * keeping (legal hold, erasure requests) still acts on it.
 */
@AttestTest
class ClosedCaseTests {

    static final String STRUCTURE = """
            {"subject": "S", "controlPerson": "ceo",
             "parties": [
               {"id": "S", "kind": "ORGANIZATION", "name": "Pacific Goods LLC", "country": "US", "documented": true},
               {"id": "ceo", "kind": "PERSON", "name": "Chen Wei", "country": "US"}],
             "holdings": [{"owner": "ceo", "owned": "S", "percent": 100}]}""";
    static final String PASSPORT = """
            {"kind": "PASSPORT", "nameOnDocument": "Jane Seller", "issuingCountry": "US", "expiresOn": "2031-01-01"}""";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired ObjectMapper json;
    @Autowired CaseIntake intake;
    @Autowired CaseFiles caseFiles;
    @Autowired CaseRecords records;
    @Autowired CaseProgress progress;
    @Autowired Retention retention;
    @Autowired Documents documents;
    @Autowired DocumentReview review;
    @Autowired Ownership ownership;
    @Autowired OwnershipReview ownershipReview;
    @Autowired TwoFactorRecovery recovery;
    @Autowired ClientMessages messages;
    @Autowired UploadLinks links;
    @Autowired Worklist worklist;
    @Autowired TaskService taskService;

    /** A closed case with a document, an ownership structure, an unused upload link and a leftover task. */
    record Closed(CaseFile caseFile, StoredDocument document, String uploadToken, String taskId) {

        String reference() {
            return caseFile.getReference();
        }
    }

    Closed closedCase() throws Exception {
        CaseFile c = RunAs.user("intake", () -> intake.open(json.convertValue(CaseRequests.valid(),
                CaseIntakeRequest.class)), Role.INTAKE);
        DocumentMetadata passport = json.readValue(PASSPORT, DocumentMetadata.class);
        StoredDocument doc = RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png",
                TestFiles.png(900, 600), passport), Role.INTAKE);
        RunAs.user("analyst", () -> ownership.record(c.getReference(), structure()), Role.ANALYST);
        String token = transactions.execute(s -> links.create(c.getId(), c.getReference(), "IDENTITY", "your ID"))
                .token();
        String taskId = null;
        for (int i = 0; i < 100 && taskId == null; i++) {
            taskId = taskService.createTaskQuery().processInstanceBusinessKey(c.getReference()).list().stream()
                    .map(Task::getId).findFirst().orElse(null);
            if (taskId == null) {
                Thread.sleep(100);
            }
        }
        assertThat(taskId).as("an open task of the case").isNotNull();
        taskService.setAssignee(taskId, "senior");
        close(c.getReference());
        return new Closed(c, doc, token, taskId);
    }

    void close(String reference) {
        jdbc.update("UPDATE case_file SET status = 'CLOSED', outcome = 'RESOLVED', closed_at = ? WHERE reference = ?",
                Timestamp.from(Instant.now()), reference);
    }

    OwnershipInput structure() {
        try {
            return json.readValue(STRUCTURE, OwnershipInput.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row that belongs to the case, as text: what "nothing changed" is compared on. */
    String rowsOf(Closed c) {
        UUID id = c.caseFile().getId();
        String ref = c.reference();
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        rows.put("case_file", jdbc.queryForList("SELECT * FROM case_file WHERE id = ?", id));
        rows.put("case_document", jdbc.queryForList("SELECT * FROM case_document WHERE case_id = ? ORDER BY id", id));
        rows.put("case_document_check", jdbc.queryForList("SELECT k.* FROM case_document_check k JOIN case_document d "
                + "ON k.document_id = d.id WHERE d.case_id = ? ORDER BY 1, 2", id));
        rows.put("client_upload_link", jdbc.queryForList("SELECT * FROM client_upload_link WHERE case_id = ? ORDER BY 1",
                id));
        rows.put("document_request", jdbc.queryForList("SELECT * FROM document_request WHERE case_id = ? ORDER BY 1", id));
        rows.put("mail_outbox", jdbc.queryForList("SELECT * FROM mail_outbox WHERE case_reference = ? ORDER BY 1", ref));
        rows.put("ownership_version", jdbc.queryForList("SELECT * FROM ownership_version WHERE case_id = ? ORDER BY 1",
                id));
        rows.put("recovery_submission", jdbc.queryForList("SELECT * FROM recovery_submission WHERE case_id = ? "
                + "ORDER BY 1", id));
        // what was recorded, not where the chainer has put it yet (it links records moments after they commit)
        rows.put("audit_entry", jdbc.queryForList("SELECT id, at, who, action, subject, case_reference, reason "
                + "FROM audit_entry WHERE case_reference = ? ORDER BY id", ref));
        rows.put("task", jdbc.queryForList("SELECT ID_, REV_, ASSIGNEE_ FROM ACT_RU_TASK WHERE ID_ = ?", c.taskId()));
        return rows.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().stream()
                .map(r -> r.entrySet().stream().map(f -> f.getKey() + ":" + text(f.getValue()))
                        .collect(Collectors.joining(",")))
                .collect(Collectors.joining(" | "))).collect(Collectors.joining("\n"));
    }

    static String text(Object value) {
        return value instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(value);
    }

    interface Call {
        void run() throws Exception;
    }

    /** A writer of case data, called on the closed case. */
    record Writer(String name, Call call) {
    }

    List<Writer> apiWriters(Closed c) {
        String base = "/api/v1/cases/" + c.reference();
        return List.of(
                api("POST documents (upload)", multipart(base + "/documents")
                        .file(new MockMultipartFile("file", "id.png", "image/png", TestFiles.png(900, 600)))
                        .file(new MockMultipartFile("metadata", "", "application/json", PASSPORT.getBytes()))
                        .with(httpBasic("intake", "demo"))),
                api("PUT documents/{id}/metadata (re-describe, checks again)",
                        put(base + "/documents/" + c.document().getId() + "/metadata").with(httpBasic("analyst", "demo"))
                                .contentType(MediaType.APPLICATION_JSON).content(PASSPORT.replace("Jane", "Janet"))),
                api("PUT ownership (a new structure)", put(base + "/ownership").with(httpBasic("intake", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(STRUCTURE)),
                api("POST marketplace-decision", post(base + "/marketplace-decision").with(httpBasic("analyst", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\": \"APPROVED\"}")),
                api("POST tasks/{id}/complete (a leftover task)", post("/api/v1/tasks/" + c.taskId() + "/complete")
                        .with(httpBasic("senior", "demo")).contentType(MediaType.APPLICATION_JSON).content("{}")));
    }

    Writer api(String name, RequestBuilder request) {
        return new Writer(name, () -> {
            var response = mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus()).as(name + ": " + response.getContentAsString()).isEqualTo(409);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getContentAsString()).contains("is closed (outcome RESOLVED",
                    "its record can no longer be changed");
        });
    }

    List<Writer> serviceWriters(Closed c) {
        UUID caseId = c.caseFile().getId();
        String ref = c.reference();
        UUID documentId = c.document().getId();
        DocumentMetadata passport = metadata();
        return List.of(
                service("Documents.upload", Role.INTAKE, () -> documents.upload(ref, "id.png", TestFiles.png(900, 600),
                        passport)),
                service("Documents.uploadByClient (the portal)", null, () -> documents.uploadByClient(c.uploadToken(),
                        "id.png", TestFiles.png(900, 600), passport)),
                service("Documents.correct", Role.ANALYST, () -> documents.correct(ref, documentId, passport)),
                service("DocumentReview.requestDocument", null, () -> review.requestDocument(caseId, 1, "again",
                        DocumentGroup.IDENTITY, ClientMessages.RequestKind.FIRST)),
                service("DocumentReview.judgeChecks", null, () -> review.judgeChecks(documentId)),
                service("DocumentReview.decide", Role.ANALYST, () -> review.decide(documentId, ReviewDecision.reject(
                        RejectionReason.OTHER, "after closing"))),
                service("ClientMessages.requestDocument", null, () -> messages.requestDocument(caseId, "IDENTITY",
                        "again", Instant.now(), ClientMessages.RequestKind.REMINDER)),
                service("Ownership.record", Role.INTAKE, () -> ownership.record(ref, structure())),
                service("OwnershipReview.approve", Role.SENIOR_ANALYST, () -> ownershipReview.approve(caseId, 1,
                        "analyst")),
                service("TwoFactorRecovery.recordSubmission", null, () -> recovery.recordSubmission(caseId,
                        LocalDate.now(), "after closing")),
                service("TwoFactorRecovery.recordDecision", Role.ANALYST, () -> recovery.recordDecision(ref,
                        new MarketplaceDecisionRequest("APPROVED", null, null))),
                service("CaseProgress.applyTriage", null, () -> progress.applyTriage(caseId, "SPECIALIST", "HIGH",
                        "STANDARD")),
                service("CaseProgress.recordVerification", null, () -> progress.recordVerification(caseId, true, true,
                        true)),
                service("CaseProgress.close (again)", null, () -> progress.close(caseId, CaseOutcome.NOT_RESOLVED,
                        "again")),
                service("Worklist.complete (a leftover task)", Role.SENIOR_ANALYST, () -> worklist.complete(c.taskId(),
                        Map.of())));
    }

    DocumentMetadata metadata() {
        try {
            return json.readValue(PASSPORT.replace("Jane", "Janet"), DocumentMetadata.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A service call as a user of the role (the senior for seniors, so that four eyes hold), or as nobody. */
    Writer service(String name, Role role, Runnable call) {
        return new Writer(name, () -> assertThatThrownBy(() -> {
            if (role == null) {
                transactions.executeWithoutResult(s -> call.run());
            } else {
                String user = role == Role.SENIOR_ANALYST ? "senior" : role.name().toLowerCase();
                RunAs.user(user, () -> {
                    call.run();
                    return null;
                }, role);
            }
        }).as(name).isInstanceOf(CaseClosedException.class).hasMessageContaining("Case " + "CASE-")
                .hasMessageContaining("is closed"));
    }

    @Test
    void everyWriterIsRefusedOnAClosedCaseAndNothingOfItChanges() throws Exception {
        Closed c = closedCase();
        List<Writer> writers = new ArrayList<>(apiWriters(c));
        writers.addAll(serviceWriters(c));
        List<String> wrong = new ArrayList<>();
        for (Writer w : writers) {
            String before = rowsOf(c);
            try {
                w.call().run();
            } catch (AssertionError | Exception e) {
                wrong.add(w.name() + ": " + e.getMessage());
            }
            String after = rowsOf(c);
            if (!before.equals(after)) {
                wrong.add(w.name() + " changed the case's rows:\nbefore " + before + "\nafter  " + after);
            }
        }
        assertThat(wrong).as("writers not refused, or refused after changing something").isEmpty();
        assertThat(writers).hasSize(20);
    }

    /** Writing service methods that change no case data, with the reason; every other one must ask the rule. */
    static final Map<String, String> NOT_CASE_DATA = Map.of(
            "Documents.read", "an audited read",
            "Documents.preview", "an audited read",
            "ClientMessages.send", "an e-mail to the client (the guidance), no case data",
            "TwoFactorRecovery.sendGuidance", "an e-mail to the client, no case data",
            "EngineWorklist.claim", "who holds a task, not case data (completing it asks the rule)",
            "EngineWorklist.unclaim", "who holds a task, not case data",
            "EngineWorklist.assign", "who holds a task, not case data (completing it asks the rule)",
            "EngineWorklist.returnAllHeldBy", "who holds tasks, not case data",
            "EngineWorklist.followUp", "when a task comes back to its holder, not case data",
            "Documents.readInBackground", "what a document stored while the case was open says (its reading), "
                    + "recorded by the DocumentCheck's job before that check's review; no decision");

    /**
     * Every public method of the services that write case data, run in a writing transaction, asks
     * {@link CaseRecords#requireOpen} (itself or through the methods it calls), so that a new writer fails here until
     * it does or is listed above with its reason.
     */
    @Test
    void everyWritingServiceMethodAsksTheRule() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.attest");
        List<String> writers = List.of(Documents.class.getName(), DocumentReview.class.getName(),
                Ownership.class.getName(), OwnershipReview.class.getName(), TwoFactorRecovery.class.getName(),
                ClientMessages.class.getName(), CaseProgress.class.getName(),
                dev.attest.screening.ScreeningReview.class.getName(),
                "dev.attest.worklist.internal.engine.EngineWorklist");
        List<String> missing = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        int checked = 0;
        for (String typeName : writers) {
            var type = classes.get(typeName);
            for (var method : type.getMethods()) {
                var tx = method.tryGetAnnotationOfType(Transactional.class);
                if (!method.getModifiers().contains(JavaModifier.PUBLIC)
                        || tx.isEmpty() || tx.get().readOnly()) {
                    continue;
                }
                String name = type.getSimpleName() + "." + method.getName();
                names.add(name);
                if (NOT_CASE_DATA.containsKey(name)) {
                    continue;
                }
                checked++;
                if (!asksTheRule(method, new HashSet<>(), 0)) {
                    missing.add(name);
                }
            }
        }
        assertThat(missing).as("writing service methods that do not ask CaseRecords.requireOpen").isEmpty();
        assertThat(names).as("the exceptions are writing methods that exist").containsAll(NOT_CASE_DATA.keySet());
        assertThat(checked).isGreaterThanOrEqualTo(14);
    }

    static boolean asksTheRule(JavaCodeUnit unit, Set<String> seen,
            int depth) {
        if (depth > 3 || !seen.add(unit.getFullName())) {
            return false;
        }
        for (var call : unit.getCallsFromSelf()) {
            var target = call.getTarget();
            if (target.getOwner().isEquivalentTo(CaseRecords.class) && target.getName().startsWith("requireOpen")) {
                return true;
            }
            if (target.getOwner().getPackageName().startsWith("dev.attest.")) {
                for (var resolved : target.resolveMember().stream().toList()) {
                    if (asksTheRule(resolved, seen, depth + 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void theRefusalNamesTheCaseItsOutcomeAndWhatWasRefused() throws Exception {
        Closed c = closedCase();
        mvc.perform(put("/api/v1/cases/" + c.reference() + "/ownership").with(httpBasic("intake", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(STRUCTURE))
                .andExpect(MockMvcResultMatchers.status().isConflict())
                .andExpect(MockMvcResultMatchers.jsonPath("$.title")
                        .value("Case closed"))
                .andExpect(MockMvcResultMatchers.jsonPath("$.detail")
                        .value(Matchers.allOf(
                                Matchers.startsWith("Case " + c.reference() + " is closed (outcome RESOLVED, closed at "),
                                Matchers.endsWith("its record can no longer be changed; refused: record an "
                                        + "ownership structure"))));
    }

    @Test
    void recordKeepingStillActsOnAClosedCase() throws Exception {
        Closed c = closedCase();
        RunAs.user("admin", () -> {
            retention.placeLegalHold(c.reference(), "litigation 2026-17");
            return null;
        }, Role.ADMIN);
        assertThat(caseFiles.findByReference(c.reference()).orElseThrow().isOnLegalHold()).isTrue();
        RunAs.user("admin", () -> {
            retention.releaseLegalHold(c.reference());
            return null;
        }, Role.ADMIN);
        assertThat(caseFiles.findByReference(c.reference()).orElseThrow().isOnLegalHold()).isFalse();
        Retention.ErasureDecision decision = RunAs.user("admin",
                () -> retention.requestErasure(c.reference(), "client asked"), Role.ADMIN);
        assertThat(decision.erased()).isFalse();
        assertThat(decision.reason()).contains("record keeping");
    }

    @Test
    void anOpenCaseIsStillWritten() throws Exception {
        CaseFile c = RunAs.user("intake", () -> intake.open(json.convertValue(CaseRequests.valid(),
                CaseIntakeRequest.class)), Role.INTAKE);
        assertThat(RunAs.user("intake", () -> ownership.record(c.getReference(), structure()), Role.INTAKE).version())
                .isEqualTo(1);
    }

    /**
     * A change that read the case while it was open, and asks the rule only after the close committed, is refused:
     * the rule reads the case again under its lock instead of trusting what the transaction loaded before.
     */
    @Test
    void aChangeThatLoadedTheCaseBeforeItClosedIsRefusedAfterTheClose() throws Exception {
        CaseFile c = RunAs.user("intake", () -> intake.open(json.convertValue(CaseRequests.valid(),
                CaseIntakeRequest.class)), Role.INTAKE);
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            assertThat(caseFiles.findById(c.getId()).orElseThrow().isClosed()).isFalse();
            close(c.getReference()); // JdbcTemplate joins the transaction; the loaded entity still says open
            records.requireOpen(c.getId(), "record something");
        })).isInstanceOf(CaseClosedException.class);
    }

    /** The close waits for a change that holds the case's lock, and a change asked for after the close is refused. */
    @Test
    void theCloseWaitsForAChangeInFlight() throws Exception {
        CaseFile c = RunAs.user("intake", () -> intake.open(json.convertValue(CaseRequests.valid(),
                CaseIntakeRequest.class)), Role.INTAKE);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> change = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            records.requireOpen(c.getId(), "record something");
            locked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(
                s -> progress.close(c.getId(), CaseOutcome.RESOLVED, "done")));
        Thread.sleep(300);
        assertThat(closing).as("the close waits for the change holding the case").isNotDone();
        release.countDown();
        change.get(10, TimeUnit.SECONDS);
        closing.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> RunAs.user("intake", () -> ownership.record(c.getReference(), structure()),
                Role.INTAKE)).isInstanceOf(CaseClosedException.class);
    }
}
