package dev.attest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

import dev.attest.ProcessTestSupport;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseStatus;
import dev.attest.communication.MailStatus;
import dev.attest.communication.internal.OutboxMessages;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.recovery.MarketplaceDecisionRequest;
import dev.attest.recovery.TwoFactorRecovery;
import dev.attest.worklist.Worklist;

/**
 * End-to-end case throughput: 2FA cases from intake to closed (open, ID uploaded and checked, reviewed, prepared,
 * submitted, approved by the marketplace, switch confirmed) through Attest's services, against a bare engine
 * running the same BPMN and DMN files in the same run with delegates that only set the variables the diagrams
 * route on. Also the SQL statements per case on each side (counted at the JDBC data source; Attest's include the
 * mail relay sending the case's e-mails, and its and the job executor's polling while the run lasts). Writes
 * {@code target/benchmarks/throughput-h2.md} or {@code -postgresql.md}; asserts only that every case closed. Run with
 * {@code ./mvnw -Pbench test -Dtest='CaseThroughput*'}; subclasses choose the database.
 */
@Tag("benchmark")
public abstract class CaseThroughputBenchmark {

    /** The database, as the table names it. */
    abstract String database();

    /** A pooled data source for the bare engine, on an empty database of the same kind as Attest's. */
    abstract DataSource bareDataSource();

    static final int WARM_UP = 20;
    static final int CASES = 200;
    static final CountingDataSource attestStatements = new CountingDataSource();

    /** Where the statements go: per case, by verb and table, the 30 kinds where Attest differs most. */
    static List<String> breakdown(CountingDataSource bare, CountingDataSource attest) {
        java.util.Set<String> kinds = new java.util.TreeSet<>(bare.byKind.keySet());
        kinds.addAll(attest.byKind.keySet());
        record Row(String kind, double bare, double attest) {
        }
        List<Row> rows = new ArrayList<>();
        for (String k : kinds) {
            double b = bare.byKind.containsKey(k) ? bare.byKind.get(k).sum() / (double) CASES : 0;
            double a = attest.byKind.containsKey(k) ? attest.byKind.get(k).sum() / (double) CASES : 0;
            rows.add(new Row(k, b, a));
        }
        rows.sort(java.util.Comparator.comparingDouble((Row r) -> -Math.abs(r.attest - r.bare)));
        List<String> lines = new ArrayList<>();
        lines.add("| statements per case, by kind (largest differences) | bare engine | Attest | difference |");
        lines.add("|---|---|---|---|");
        rows.stream().limit(30).forEach(r -> lines.add(String.format(java.util.Locale.ROOT, "| %s | %.1f | %.1f | %+.1f |",
                r.kind, r.bare, r.attest, r.attest - r.bare)));
        return lines;
    }

    @TestConfiguration
    static class CountStatements {
        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && "dataSource".equals(name) ? attestStatements.wrap(ds) : bean;
                }
            };
        }
    }

    @Autowired CaseIntake intake;
    @Autowired CaseLookup cases;
    @Autowired Documents documents;
    @Autowired Worklist worklist;
    @Autowired TwoFactorRecovery recovery;
    @Autowired org.camunda.bpm.engine.ManagementService attestJobs;
    @Autowired OutboxMessages attestOutbox;

    final byte[] passport = TestFiles.png(900, 600);
    final String today = LocalDate.now(ZoneId.of("America/New_York")).toString();

    @Test
    void casesPerSecondAndStatementsPerCaseAgainstABareEngine() throws Exception {
        Bare bare = new Bare(bareDataSource(), getClass().getSimpleName());
        for (int i = 0; i < WARM_UP; i++) {
            attestCase(i);
            bare.runCase(i);
        }
        awaitJobs();
        attestStatements.reset();
        bare.statements.reset();

        long bareStart = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            bare.runCase(WARM_UP + i);
        }
        double bareSeconds = (System.nanoTime() - bareStart) / 1e9;
        long bareSql = bare.statements.statements.get();

        long attestStart = System.nanoTime();
        List<CaseFile> run = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            run.add(attestCase(WARM_UP + i));
        }
        double attestSeconds = (System.nanoTime() - attestStart) / 1e9;
        awaitJobs();
        long attestSql = attestStatements.statements.get();

        for (CaseFile c : run) {
            assertThat(RunAs.user("manager", () -> cases.get(c.getReference()).getStatus(), Role.MANAGER))
                    .isEqualTo(CaseStatus.CLOSED);
        }
        double bareRate = CASES / bareSeconds;
        double attestRate = CASES / attestSeconds;
        List<String> table = List.of(
                "| 2FA case, intake to closed (" + CASES + " cases, " + database() + ", one thread) | bare engine | Attest | Attest / bare |",
                "|---|---|---|---|",
                String.format("| cases per second | %.1f | %.1f | %.2f |", bareRate, attestRate, attestRate / bareRate),
                String.format("| ms per case | %.1f | %.1f | |", 1000 / bareRate, 1000 / attestRate),
                String.format("| SQL statements per case | %.0f | %.0f | %.2f |", (double) bareSql / CASES,
                        (double) attestSql / CASES, (double) attestSql / bareSql));
        List<String> breakdown = breakdown(bare.statements, attestStatements);
        table = new ArrayList<>(table);
        table.add("");
        table.addAll(breakdown);
        table.forEach(System.out::println);
        CountingDataSource.SAMPLES.forEach(o -> System.out.println("sample: " + o));
        Path out = Path.of("target", "benchmarks", "throughput-" + (database().startsWith("H2") ? "h2" : "postgresql")
                + ".md");
        Files.createDirectories(out.getParent());
        Files.write(out, table);
        bare.engine.close();
    }

    void awaitJobs() throws InterruptedException {
        for (int i = 0; i < 600 && (attestJobs.createJobQuery().executable().count() > 0
                || attestOutbox.countByStatus(MailStatus.QUEUED) > 0); i++) {
            Thread.sleep(100);
        }
    }

    CaseFile attestCase(int n) {
        CaseFile c = RunAs.user("intake", () -> intake.open(request(n)), Role.INTAKE);
        String ref = c.getReference();
        RunAs.user("intake", () -> documents.upload(ref, "passport.png", passport, new DocumentMetadata("PASSPORT",
                "Bench Client " + n, null, "US", null, "2031-01-01")), Role.INTAKE);
        complete(c, Map.of("nameAndAddressVisible", true, "issuerClear", true, "decision", "APPROVE"));
        complete(c, Map.of("ready", "READY"));
        complete(c, Map.of("submittedOn", today));
        RunAs.user("analyst", () -> recovery.recordDecision(ref, new MarketplaceDecisionRequest("APPROVED", null,
                null)), Role.ANALYST);
        complete(c, Map.of("authenticatorApp", "AUTHY"));
        return c;
    }

    void complete(CaseFile c, Map<String, Object> values) {
        String task = RunAs.user("intake", () -> cases.openTasks(c).get(0).id(), Role.INTAKE);
        RunAs.user("analyst", () -> {
            worklist.claim(task);
            worklist.complete(task, values);
        }, Role.ANALYST);
    }

    static CaseIntakeRequest request(int n) {
        return new CaseIntakeRequest("ACCOUNT_RECOVERY_2FA",
                new CaseIntakeRequest.ClientInput("Bench Client " + n, "bench" + n + "@example.com", null, null, "US"),
                new CaseIntakeRequest.AccountInput("amazon.com", null, new CaseIntakeRequest.AddressInput(
                        "1 Main Street", null, "Austin", "TX", "78704", "US")),
                new CaseIntakeRequest.SituationInput(true, false, false, false, "PORTED_LINE"), null);
    }

    /** When the marketplace's decision would be overdue, for {@code ${marketplaceWait.due()}}. */
    public static class Wait {
        public Date due() {
            return Date.from(Instant.now().plus(2, ChronoUnit.DAYS));
        }
    }

    /** The same BPMN and DMN on a plain engine: delegates only set the variables the diagrams route on. */
    static class Bare {

        final CountingDataSource statements = new CountingDataSource();
        final ProcessEngine engine;

        Bare(DataSource dataSource, String name) {
            Map<Object, Object> beans = new HashMap<>();
            beans.put("recordTriageDelegate", (JavaDelegate) e -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> triage = (Map<String, Object>) e.getVariable("triage");
                e.setVariable("route", triage.get("route"));
                e.setVariable("taskPriority", 75);
                e.setVariable("reviewDue", Date.from(Instant.now().plus(1, ChronoUnit.DAYS)));
            });
            beans.put("closeCaseDelegate", (JavaDelegate) e -> { });
            beans.put("requestDocumentDelegate", (JavaDelegate) e -> {
                e.setVariable("maxRounds", 3);
                e.setVariable("round", 0);
                e.setVariable("documentAccepted", false);
                e.setVariable("clientReplyDue", Date.from(Instant.now().plus(3, ChronoUnit.DAYS)));
            });
            beans.put("runDocumentChecksDelegate", (JavaDelegate) e -> {
                e.setVariable("round", 1);
                e.setVariable("checksFailed", false);
                e.setVariable("documentAccepted", false);
                e.setVariable("rejectionSummary", null);
            });
            beans.put("recordDocumentDecisionDelegate", (JavaDelegate) e -> {
                e.setVariable("documentAccepted", "APPROVE".equals(e.getVariable("decision")));
                e.setVariable("rejectionSummary", null);
            });
            beans.put("recordSubmissionDelegate", (JavaDelegate) e -> {
                e.setVariable("submissionRound", 1);
                e.setVariable("resubmissionAllowed", true);
                e.removeVariable("marketplaceDecision");
            });
            beans.put("sendAuthenticatorGuidanceDelegate", (JavaDelegate) e -> { });
            beans.put("recoveryResultDelegate", (JavaDelegate) e -> {
                e.setVariable("recoveryResult", e.getVariable("result"));
                e.setVariable("outcome", "RESOLVED");
                e.setVariable("outcomeNote", "restored");
            });
            beans.put("marketplaceWait", new Wait());
            ProcessTestSupport.putSlaBeans(beans, mock(dev.attest.sla.Escalations.class),
                    mock(dev.attest.sla.SlaClock.class), Map.of("Task_ReviewDocument", "1d",
                            "Task_FollowUpClient", "4h", "Task_SeniorReview", "2d", "Task_FollowUpMarketplace", "4h"));
            var cfg = new StandaloneInMemProcessEngineConfiguration();
            cfg.setProcessEngineName("bare-" + name);
            cfg.setDataSource(statements.wrap(dataSource));
            cfg.setDatabaseSchemaUpdate("true");
            cfg.setHistory("full");
            cfg.setJobExecutorActivate(false);
            cfg.setBeans(beans);
            engine = cfg.buildProcessEngine();
            var deployment = engine.getRepositoryService().createDeployment();
            for (String r : List.of("case-intake.bpmn", "case-triage.dmn", "two-factor-reset.bpmn",
                    "document-check.bpmn")) {
                deployment.addClasspathResource("bpmn/" + r);
            }
            deployment.deploy();
        }

        void runCase(int n) {
            String ref = "BARE-" + n;
            var runtime = engine.getRuntimeService();
            var tasks = engine.getTaskService();
            runtime.startProcessInstanceByKey("CaseIntake", ref, Variables.createVariables()
                    .putValue("caseId", UUID.randomUUID().toString()).putValue("caseType", "ACCOUNT_RECOVERY_2FA")
                    .putValue("lostPhoneAccess", true).putValue("lostEmailAccess", false)
                    .putValue("accountSuspended", false).putValue("businessAccount", false));
            runtime.createMessageCorrelation("DocumentReceived").processInstanceBusinessKey(ref)
                    .setVariable("documentId", UUID.randomUUID().toString()).correlate();
            complete(ref, Map.of("nameAndAddressVisible", true, "issuerClear", true, "decision", "APPROVE"));
            complete(ref, Map.of("ready", "READY"));
            complete(ref, Map.of("submittedOn", new Date()));
            runtime.createMessageCorrelation("MarketplaceDecision").processInstanceBusinessKey(ref)
                    .setVariable("marketplaceDecision", "APPROVED").correlate();
            complete(ref, Map.of("authenticatorApp", "AUTHY"));
            if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref).count() != 0) {
                throw new IllegalStateException("bare case " + ref + " did not end");
            }
        }

        void complete(String ref, Map<String, Object> values) {
            var tasks = engine.getTaskService();
            String task = tasks.createTaskQuery().processInstanceBusinessKey(ref).singleResult().getId();
            tasks.claim(task, "analyst");
            tasks.complete(task, values);
        }
    }
}
