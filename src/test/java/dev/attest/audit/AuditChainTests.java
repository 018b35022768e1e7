package dev.attest.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.audit.internal.AuditChainer;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseRequests;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * The audit trail as a hash chain: what users do and see is recorded and shown on the case timeline; records are
 * linked into the chain moments after they commit, and until then verification counts them as pending; the chain
 * verifies; a changed record, a removed record, a truncated end and a record forged beyond the head are each
 * found; concurrent appends with several chainers at once (as on several nodes) are each linked exactly once; a
 * rolled-back transaction leaves no record and no gap; only ADMIN verifies.
 */
@AttestTest
class AuditChainTests {

    @Autowired AuditTrail audit;
    @Autowired CaseIntake intake;
    @Autowired CaseLookup cases;
    @Autowired Documents documents;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired MockMvc mvc;
    @Autowired AuditChainer chainer;

    /** Verifies after linking everything committed so far (the chainer would, moments later). */
    AuditTrail.Verification verify() {
        chainer.chainPending();
        return RunAs.user("admin", audit::verify, Role.ADMIN);
    }

    long highestSeq() {
        chainer.chainPending();
        return jdbc.queryForObject("SELECT MAX(seq) FROM audit_entry", Long.class);
    }

    @Test
    void aRecordIsLinkedMomentsAfterItCommitsAndCountedAsPendingUntilThen() {
        RunAs.user("admin", () -> transactions.executeWithoutResult(s -> {
            audit.record(AuditTrail.Action.DOCUMENT_READ, "doc-pending", null, "first");
            // inside the writer's transaction the record has no place in the chain: no lock is held on the chain
            assertThat(jdbc.queryForObject("SELECT seq FROM audit_entry WHERE subject = 'doc-pending'", Long.class))
                    .isNull();
        }), Role.ADMIN);
        // woken by the commit, the chainer links it without being asked
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT seq FROM audit_entry WHERE subject = 'doc-pending'", Long.class) != null);

        // a record the chainer has not reached yet (here: it is stopped) is reported, not counted as verified
        chainer.stop();
        AuditTrail.Verification v;
        try {
            jdbc.update("INSERT INTO audit_entry (at, who, action, subject) VALUES (?, 'admin', 'DOCUMENT_READ', "
                    + "'doc-unlinked')", Timestamp.from(Instant.now()));
            v = RunAs.user("admin", audit::verify, Role.ADMIN);
        } finally {
            chainer.start();
        }
        assertThat(v.intact()).isTrue();
        assertThat(v.pending()).isGreaterThanOrEqualTo(1);
        assertThat(v.pendingSince()).isNotNull();
        AuditTrail.Verification after = verify();
        assertThat(after.pending()).isZero();
        assertThat(after.pendingSince()).isNull();
        assertThat(after.records()).isGreaterThan(v.records());
    }

    @Test
    void aWriterDoesNotWaitForAnotherWritersOpenTransaction() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> slow = pool.submit(() -> RunAs.user("analyst", () -> transactions.executeWithoutResult(s -> {
            audit.record(AuditTrail.Action.DOCUMENT_READ, "doc-slow", null, "held open");
            written.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), Role.ANALYST));
        try {
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            // before, the first writer held the chain's head row until it committed, and this one queued behind it
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> RunAs.user("analyst-2", () -> audit.record(
                    AuditTrail.Action.DOCUMENT_READ, "doc-quick", null, "not queued"), Role.ANALYST));
        } finally {
            release.countDown();
            slow.get(30, TimeUnit.SECONDS);
            pool.shutdown();
        }
        assertThat(verify().intact()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE subject IN ('doc-slow', 'doc-quick') "
                + "AND seq IS NOT NULL", Long.class)).isEqualTo(2);
    }

    @Test
    void aLastRecordMovedBeyondTheHeadOrForgedBeforeTheFirstIsFound() {
        RunAs.user("admin", () -> audit.record(AuditTrail.Action.DOCUMENT_READ, "doc-moved", null, null), Role.ADMIN);
        long last = highestSeq();
        chainer.stop(); // nothing is linked meanwhile
        try {
            jdbc.update("UPDATE audit_entry SET seq = ? WHERE seq = ?", last + 3, last);
            AuditTrail.Verification v = RunAs.user("admin", audit::verify, Role.ADMIN);
            assertThat(v.intact()).isFalse();
            assertThat(v.problem()).contains("removed from the end");
            jdbc.update("UPDATE audit_entry SET seq = ? WHERE seq = ?", last, last + 3);

            jdbc.update("INSERT INTO audit_entry (at, who, action, subject, seq, prev_hash, hash) VALUES (?, 'mallory', "
                    + "'DOCUMENT_READ', 'doc-early', 0, 'x', 'y')", Timestamp.from(Instant.now()));
            AuditTrail.Verification early = RunAs.user("admin", audit::verify, Role.ADMIN);
            assertThat(early.intact()).isFalse();
            assertThat(early.problem()).contains("record 0 is before the chain's first record");
        } finally {
            jdbc.update("DELETE FROM audit_entry WHERE subject = 'doc-early'");
            jdbc.update("UPDATE audit_entry SET seq = ? WHERE seq = ?", last, last + 3);
            chainer.start();
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void aRecordForgedBeyondTheHeadIsFound() {
        long last = highestSeq();
        jdbc.update("INSERT INTO audit_entry (at, who, action, subject, seq, prev_hash, hash) VALUES (?, 'mallory', "
                + "'DOCUMENT_READ', 'doc-forged', ?, 'x', 'y')", Timestamp.from(Instant.now()),
                last + 5);
        try {
            AuditTrail.Verification v = RunAs.user("admin", audit::verify, Role.ADMIN);
            assertThat(v.intact()).isFalse();
            assertThat(v.problem()).contains("record " + (last + 5) + " is beyond the chain's head");
        } finally {
            jdbc.update("DELETE FROM audit_entry WHERE subject = 'doc-forged'");
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void whatUsersDoAndSeeIsChainedAndShownOnTheCaseTimeline() {
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
        var doc = RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png", TestFiles.png(900, 600),
                new DocumentMetadata("PASSPORT", "Jane Seller", null, "US", null, "2031-01-01")), Role.INTAKE);
        RunAs.user("analyst", () -> documents.read(c.getReference(), doc.getId(), "checking the photo"),
                Role.ANALYST);

        List<AuditTrail.Record> trail = RunAs.user("manager", () -> audit.ofCase(c.getReference()), Role.MANAGER);
        assertThat(trail).extracting(AuditTrail.Record::action).containsSubsequence(AuditTrail.Action.CASE_OPENED,
                AuditTrail.Action.DOCUMENT_UPLOADED, AuditTrail.Action.DOCUMENT_READ);
        assertThat(trail).filteredOn(r -> r.action() == AuditTrail.Action.DOCUMENT_READ).singleElement()
                .satisfies(r -> assertThat(r.who()).isEqualTo("analyst"));
        assertThat(verify().intact()).isTrue();

        var timeline = RunAs.user("manager", () -> cases.timeline(cases.get(c.getReference())), Role.MANAGER);
        assertThat(timeline).anySatisfy(e -> {
            assertThat(e.what()).isEqualTo("Document opened (checking the photo)");
            assertThat(e.who()).isEqualTo("analyst");
        });
        assertThat(timeline).anySatisfy(e -> assertThat(e.what()).isEqualTo("Case opened"));
    }

    @Test
    void aChangedRecordIsFoundAndNamed() {
        RunAs.user("admin", () -> audit.record(AuditTrail.Action.DOCUMENT_READ, "doc-1", null, "original"), Role.ADMIN);
        long seq = highestSeq();
        try {
            jdbc.update("UPDATE audit_entry SET reason = 'forged' WHERE seq = ?", seq);
            AuditTrail.Verification v = verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.brokenAt()).isEqualTo(seq);
            assertThat(v.problem()).contains("was changed");
        } finally {
            jdbc.update("UPDATE audit_entry SET reason = 'original' WHERE seq = ?", seq);
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void aRemovedRecordAndATruncatedEndAreFound() {
        for (int i = 0; i < 3; i++) {
            RunAs.user("admin", () -> audit.record(AuditTrail.Action.DOCUMENT_READ, "doc-2", null, null), Role.ADMIN);
        }
        long last = highestSeq();
        for (long seq : new long[] {last - 1, last}) {
            Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_entry WHERE seq = ?", seq);
            try {
                jdbc.update("DELETE FROM audit_entry WHERE seq = ?", seq);
                AuditTrail.Verification v = verify();
                assertThat(v.intact()).isFalse();
                assertThat(v.problem()).contains(seq == last ? "removed from the end" : "missing");
            } finally {
                List<String> columns = new ArrayList<>(row.keySet());
                jdbc.update("INSERT INTO audit_entry (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", columns.stream().map(x -> "?").toList()) + ")",
                        columns.stream().map(row::get).toArray());
            }
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void concurrentAppendsWithSeveralChainersAreEachLinkedOnce() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);
        int threads = 8;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 3);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> chainers = new ArrayList<>();
        for (int c = 0; c < 3; c++) { // three chainers linking while the writers write, as three nodes would
            chainers.add(pool.submit(() -> {
                while (writing.get()) {
                    chainer.chainPending();
                }
                return null;
            }));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int n = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    int k = i;
                    RunAs.user("analyst-" + n, () -> transactions.executeWithoutResult(s -> audit.record(
                            AuditTrail.Action.DOCUMENT_READ, "doc-" + n + "-" + k, null, "race")), Role.ANALYST);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        writing.set(false);
        for (Future<?> f : chainers) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class)).isEqualTo(before + threads * each);
        AuditTrail.Verification v = verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.pending()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT seq) FROM audit_entry", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT MAX(seq) FROM audit_entry", Long.class))
                .isEqualTo(v.records());
    }

    @Test
    void aRolledBackTransactionLeavesNoRecordAndNoGap() {
        long before = highestSeq();
        assertThatThrownBy(() -> RunAs.user("admin", () -> transactions.executeWithoutResult(s -> {
            audit.record(AuditTrail.Action.DOCUMENT_READ, "doc-3", null, null);
            throw new IllegalStateException("rolled back");
        }), Role.ADMIN)).hasMessage("rolled back");
        assertThat(highestSeq()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE subject = 'doc-3'", Long.class)).isZero();
        RunAs.user("admin", () -> audit.record(AuditTrail.Action.DOCUMENT_READ, "doc-3", null, null), Role.ADMIN);
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void onlyAdminsVerify() throws Exception {
        mvc.perform(get("/api/v1/audit/verification").with(httpBasic("admin", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true)).andExpect(jsonPath("$.records").isNumber());
        mvc.perform(get("/api/v1/audit/verification").with(httpBasic("analyst", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/verification").with(httpBasic("manager", "demo")))
                .andExpect(status().isForbidden());
        assertThatThrownBy(() -> RunAs.user("manager", audit::verify, Role.MANAGER))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void adminsReadTheNewestRecordsNarrowedByUserActionAndCase() throws Exception {
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)),
                Role.INTAKE);
        mvc.perform(get("/api/v1/audit/records").param("case", c.getReference()).param("action", "CASE_OPENED")
                .with(httpBasic("admin", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].who").value("intake"))
                .andExpect(jsonPath("$[0].caseReference").value(c.getReference()));
        mvc.perform(get("/api/v1/audit/records").param("who", "intake").param("limit", "2")
                .with(httpBasic("admin", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2)).andExpect(jsonPath("$[0].who").value("intake"));
        mvc.perform(get("/api/v1/audit/records").param("limit", "0").with(httpBasic("admin", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/audit/records").param("limit", "1001").with(httpBasic("admin", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/audit/records").param("action", "DROP_TABLE").with(httpBasic("admin", "demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/audit/records").with(httpBasic("manager", "demo"))).andExpect(status().isForbidden());
    }

    @Test
    void aRecordWhoseFieldsAreCutToTheirColumnsStillVerifies() {
        String longName = "u".repeat(70);
        RunAs.user(longName, () -> audit.record(AuditTrail.Action.DOCUMENT_READ, "s".repeat(150), null,
                "r".repeat(250)), Role.ANALYST);
        assertThat(verify().intact()).isTrue();
    }
}
