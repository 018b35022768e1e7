package dev.attest.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.audit.AuditTrail;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.StoredDocument;
import dev.attest.documents.TestFiles;
import dev.attest.documents.internal.EncryptedFileStore;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * Record keeping: an erasure request is refused, with the reason recorded, while the case is open, inside its
 * five-year retention period or on legal hold; past it the nightly job deletes the documents (rows and encrypted
 * files), the client's personal data, the e-mails and the engine history, keeping the reference and the audit
 * trail (still intact); a legal hold stops the job, and the engine's own history cleanup, until it is released.
 * Only administrators decide.
 */
@AttestTest
class RetentionTests {

    @Autowired Retention retention;
    @Autowired CaseIntake intake;
    @Autowired CaseLookup cases;
    @Autowired Documents documents;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditTrail audit;
    @Autowired MockMvc mvc;
    @Autowired EncryptedFileStore store;

    <T> T asAdmin(Supplier<T> work) {
        return RunAs.user("admin", work, Role.ADMIN);
    }

    record Closed(CaseFile caseFile, StoredDocument document) {
    }

    /** A case with a document whose process was ended, closed {@code yearsAgo} years ago. */
    Closed closedCase(int yearsAgo) {
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
        StoredDocument doc = RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png",
                TestFiles.png(900, 600), new DocumentMetadata("PASSPORT", "Jane Seller", null, "US", null,
                        "2031-01-01")), Role.INTAKE);
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.getReference()).rootProcessInstances().list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "closed for the retention test"));
        Instant closed = Instant.now().atZone(ZoneOffset.UTC).minusYears(yearsAgo).minusDays(1).toInstant();
        jdbc.update("UPDATE case_file SET status = 'CLOSED', outcome = 'RESOLVED', closed_at = ? WHERE reference = ?",
                Timestamp.from(closed), c.getReference());
        return new Closed(c, doc);
    }

    String lastAuditReason(String reference, String action) {
        return jdbc.queryForObject("SELECT reason FROM audit_entry WHERE case_reference = ? AND action = ? "
                + "ORDER BY id DESC LIMIT 1", String.class, reference, action);
    }

    @Test
    void anErasureRequestInsideTheRetentionPeriodIsRefusedWithTheReasonRecorded() {
        Closed recent = closedCase(1);
        Retention.ErasureDecision decision = asAdmin(() -> retention.requestErasure(recent.caseFile().getReference(),
                "Client wrote on 2 March asking to delete everything"));
        assertThat(decision.erased()).isFalse();
        assertThat(decision.reason()).contains("Anti-money-laundering record keeping").contains("kept until");
        assertThat(lastAuditReason(recent.caseFile().getReference(), "ERASURE_REFUSED"))
                .contains("Client wrote on 2 March").contains("kept until");
        assertThat(asAdmin(() -> documents.list(recent.caseFile().getReference()))).hasSize(1);

        CaseFile open = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
        assertThat(asAdmin(() -> retention.requestErasure(open.getReference(), null)).reason()).contains("still open");
    }

    @Test
    void pastTheRetentionPeriodTheNightlyJobErasesDocumentsPersonalDataAndHistory() throws Exception {
        Closed old = closedCase(6);
        String ref = old.caseFile().getReference();
        var file = store.path(old.document().getStorageKey());
        assertThat(Files.exists(file)).isTrue();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ref).count()).isPositive();

        int erased = retention.eraseExpired();

        assertThat(erased).isGreaterThanOrEqualTo(1);
        CaseFile after = asAdmin(() -> cases.get(ref));
        assertThat(after.getErasedAt()).isNotNull();
        assertThat(after.getClient().fullName()).isEqualTo("(erased)");
        assertThat(asAdmin(() -> documents.list(ref))).isEmpty();
        assertThat(Files.exists(file)).as("the encrypted file").isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE case_reference = ?", Long.class, ref))
                .isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ref).count()).isZero();
        assertThat(lastAuditReason(ref, "CASE_ERASED")).isEqualTo("retention period over");
        assertThat(asAdmin(audit::verify).intact()).isTrue();
        assertThat(retention.eraseExpired()).as("nothing twice").isZero();
    }

    @Test
    void aLegalHoldStopsTheErasureUntilReleased() {
        Closed held = closedCase(7);
        String ref = held.caseFile().getReference();
        asAdmin(() -> {
            retention.placeLegalHold(ref, "Subpoena 2026-114 from the district court");
            return null;
        });
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> history
                .createHistoricProcessInstanceQuery().processInstanceBusinessKey(ref).list().stream()
                .allMatch(h -> h.getRemovalTime() == null));
        retention.eraseExpired();
        assertThat(asAdmin(() -> cases.get(ref)).getErasedAt()).isNull();
        assertThat(asAdmin(() -> retention.requestErasure(ref, null)).reason()).contains("legal hold")
                .contains("Subpoena 2026-114");
        asAdmin(() -> {
            retention.releaseLegalHold(ref);
            return null;
        });
        Date keptUntil = Date.from(retention.keptUntil(asAdmin(() -> cases.get(ref))));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> history
                .createHistoricProcessInstanceQuery().processInstanceBusinessKey(ref).list().stream()
                .allMatch(h -> keptUntil.equals(h.getRemovalTime())));
        retention.eraseExpired();
        assertThat(asAdmin(() -> cases.get(ref)).getErasedAt()).isNotNull();
    }

    @Test
    void onlyAdministratorsDecide() throws Exception {
        Closed c = closedCase(6);
        String ref = c.caseFile().getReference();
        assertThatThrownBy(() -> RunAs.user("manager", () -> retention.requestErasure(ref, null), Role.MANAGER))
                .isInstanceOf(AccessDeniedException.class);
        mvc.perform(post("/api/v1/cases/" + ref + "/legal-hold").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"x\"}").with(httpBasic("manager", "demo"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/cases/" + ref + "/legal-hold").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"\"}").with(httpBasic("admin", "demo"))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/cases/" + ref + "/erasure-requests").contentType(MediaType.APPLICATION_JSON)
                .content("{\"request\":\"client e-mail\"}").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.erased").value(true));
    }
}
