package dev.attest.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.micrometer.core.instrument.MeterRegistry;

import dev.attest.AttestApplication;
import dev.attest.audit.AuditTrail;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseIntakeRequest.AccountInput;
import dev.attest.cases.CaseIntakeRequest.AddressInput;
import dev.attest.cases.CaseIntakeRequest.ClientInput;
import dev.attest.cases.CaseIntakeRequest.SituationInput;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * Two Attest nodes (two application contexts, profile {@code prod}) on one PostgreSQL database, as in
 * production, with one SMTP server (GreenMail): cases opened on both; every case's e-mail is sent by the nodes'
 * mail relays, both relays send, and the server receives every e-mail exactly once; once the client's reply date
 * has passed (the engine's clock moved), a timer asks for the follow-up. Every job runs exactly once (one success
 * in the engine's job log, no failure), both nodes take jobs, and no case is lost. Then node B is stopped while a
 * second batch is moving, and node A finishes all of it, still without sending any e-mail twice.
 * <p>
 * Runs when {@code ATTEST_TEST_POSTGRES_URL} names a PostgreSQL server (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/}); {@code .ci/run} sets it. The database {@code attest_two_nodes}
 * is dropped and created afresh.
 */
class TwoNodesPostgresIT {

    static final String SERVER = System.getenv("ATTEST_TEST_POSTGRES_URL");
    static final String USER = System.getenv().getOrDefault("ATTEST_TEST_POSTGRES_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("ATTEST_TEST_POSTGRES_PASSWORD", "");
    static final String DATABASE = "attest_two_nodes";
    static final int FIRST_BATCH = 120;
    static final int SECOND_BATCH = 80;

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static GreenMail smtp;

    @BeforeAll
    static void startNodes() throws Exception {
        Assumptions.assumeTrue(SERVER != null && !SERVER.isBlank(),
                "ATTEST_TEST_POSTGRES_URL is not set: two-node test skipped");
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD)) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            c.createStatement().execute("CREATE DATABASE " + DATABASE);
        }
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        nodeA = node("node-a");
        nodeB = node("node-b");
    }

    static ConfigurableApplicationContext node(String name) {
        // command-line arguments: they win over application-prod.yml, as the environment would
        return new SpringApplicationBuilder(AttestApplication.class).profiles("prod").run(
                "--ATTEST_DB_URL=" + SERVER + DATABASE, "--ATTEST_DB_USER=" + USER, "--ATTEST_DB_PASSWORD=" + PASSWORD,
                "--server.port=0", "--attest.data-dir=target/two-nodes",
                "--attest.documents.encryption-key=pwpXZv8aPgwl28TiwXW60vTpxwGRwyDWWH+uRfii0Rs=",
                "--attest.bootstrap-admin.password=two-nodes-test-only",
                "--camunda.bpm.process-engine-name=" + name,
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                // short locks, so that jobs a stopped node had acquired come back soon
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=2000",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--attest.dashboard.rollup-cron=-", "--spring.main.banner-mode=off", "--logging.level.root=warn");
    }

    @AfterAll
    static void stopNodes() {
        ClockUtil.reset();
        if (nodeB != null && nodeB.isActive()) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    static List<CaseFile> openCases(int count, String prefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CaseFile>> opened = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                CaseIntake intake = (i % 2 == 0 ? nodeA : nodeB).getBean(CaseIntake.class);
                int n = i;
                opened.add(pool.submit(() -> RunAs.user("intake", () -> intake.open(new CaseIntakeRequest(
                        "ACCOUNT_RECOVERY_2FA", new ClientInput(prefix + " Client " + n, "client" + n + "@" + prefix
                                + ".example.com", null, null, "US"),
                        new AccountInput("amazon.com", null, new AddressInput("1 Main Street", null, "Austin", "TX",
                                "78704", "US")),
                        new SituationInput(true, false, false, false, "PORTED_LINE"), null)), Role.INTAKE)));
            }
            List<CaseFile> cases = new ArrayList<>();
            for (Future<CaseFile> f : opened) {
                cases.add(f.get());
            }
            return cases;
        } finally {
            pool.shutdown();
        }
    }

    static JdbcTemplate jdbc() {
        return nodeA.getBean(JdbcTemplate.class);
    }

    static long sentMails(String prefix) {
        return jdbc().queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT' AND recipient LIKE ?",
                Long.class, "%@" + prefix + ".example.com");
    }

    /** The outbox ids of the e-mails the SMTP server received, once per e-mail received. */
    static List<String> received(String prefix) throws Exception {
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().endsWith("@" + prefix + ".example.com")) {
                ids.add(m.getHeader("X-Attest-Message")[0]);
            }
        }
        return ids;
    }

    static double sentBy(ConfigurableApplicationContext node) {
        return node.getBean(MeterRegistry.class).counter("attest.mails", "result", "sent").count();
    }

    /** Successful runs of the processes' jobs (not the engine's own housekeeping, such as history cleanup). */
    static List<HistoricJobLog> processJobs(HistoryService history) {
        return history.createHistoricJobLogQuery().successLog().list().stream()
                .filter(l -> l.getProcessDefinitionKey() != null).toList();
    }

    @Test
    void twoNodesRunEveryJobExactlyOnceAndTheSurvivorFinishesTheWorkOfAStoppedNode() throws Exception {
        ManagementService management = nodeA.getBean(ManagementService.class);
        HistoryService history = nodeA.getBean(HistoryService.class);

        List<CaseFile> first = openCases(FIRST_BATCH, "first");
        await().atMost(Duration.ofMinutes(3)).until(() -> sentMails("first") == FIRST_BATCH);
        assertThat(received("first")).as("every e-mail received once").hasSize(FIRST_BATCH).doesNotHaveDuplicates();
        assertThat(jdbc().queryForList("SELECT id FROM mail_outbox WHERE recipient LIKE '%@first.example.com'",
                UUID.class).stream().map(UUID::toString).toList())
                .containsExactlyInAnyOrderElementsOf(received("first"));
        // (the counters move just after each commit)
        await().atMost(Duration.ofSeconds(10)).until(() -> sentBy(nodeA) + sentBy(nodeB) == FIRST_BATCH);
        double sentByA = sentBy(nodeA);
        double sentByB = sentBy(nodeB);
        assertThat(sentByA).as("node A's relay sent").isPositive();
        assertThat(sentByB).as("node B's relay sent").isPositive();
        System.out.printf("two nodes, first batch: %d e-mails received once each, %.0f sent by node A, %.0f by B%n",
                FIRST_BATCH, sentByA, sentByB);

        // the clients stay silent: six days later every reply date has passed and the timers fire; the follow-up
        // tasks they open are past their SLA at once (its timers run on the real clock), so each is warned, then
        // escalated to senior analysts, then to managers: three more timers per case
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(6))));
        var followUps = nodeA.getBean(TaskService.class).createTaskQuery()
                .taskDefinitionKey("Task_FollowUpClient");
        await().atMost(Duration.ofMinutes(4)).until(() -> followUps.count() == FIRST_BATCH
                && management.createJobQuery().executable().count() == 0
                && jdbc().queryForObject("SELECT COUNT(*) FROM sla_escalation", Long.class) == 3L * FIRST_BATCH);
        assertThat(jdbc().queryForList("SELECT task_id, level FROM sla_escalation GROUP BY task_id, level"
                + " HAVING COUNT(*) > 1")).as("no escalation recorded twice").isEmpty();

        List<HistoricJobLog> successes = processJobs(history);
        Map<String, Long> perJob = successes.stream().collect(Collectors.groupingBy(HistoricJobLog::getJobId,
                Collectors.counting()));
        // per case: the client's reply date, three SLA timers of the follow-up (the e-mail is no job)
        assertThat(perJob.size()).as("jobs run").isEqualTo(4 * FIRST_BATCH);
        assertThat(perJob.values()).as("every job ran once").containsOnly(1L);
        // The SLA ladder is a called process beside its task: when both nodes run a case's timers at once they may
        // collide on the task they both touch. The engine then rolls one back and runs it again at once, without
        // spending a retry; anything else is a failure.
        assertThat(history.createHistoricJobLogQuery().failureLog().list()).as("no job failed but for a collision")
                .allSatisfy(failure -> assertThat(history.getHistoricJobLogExceptionStacktrace(failure.getId()))
                        .contains("OptimisticLockingException"));
        assertThat(management.createJobQuery().withException().count()).as("no job left with an error").isZero();
        assertThat(nodeA.getBean(RuntimeService.class).createIncidentQuery().count()).as("no incident").isZero();
        Map<String, Long> perNode = successes.stream().collect(Collectors.groupingBy(HistoricJobLog::getHostname,
                Collectors.counting()));
        assertThat(perNode).as("both nodes ran jobs").containsOnlyKeys("node-a", "node-b");
        System.out.printf("two nodes, first batch: %d cases, %d jobs, per node %s%n", first.size(), perJob.size(),
                perNode);
        assertAuditChainHoldsEveryRecordOnce();

        // node B stops while the second batch's mails are being sent; node A finishes its work
        ClockUtil.reset();
        List<CaseFile> second = openCases(SECOND_BATCH, "second");
        nodeB.close();
        await().atMost(Duration.ofMinutes(3)).until(() -> sentMails("second") == SECOND_BATCH);
        assertThat(received("second")).as("every e-mail received once").hasSize(SECOND_BATCH)
                .doesNotHaveDuplicates();
        await().atMost(Duration.ofMinutes(1)).until(() -> management.createJobQuery().executable().count() == 0);

        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM case_file", Long.class))
                .as("no case lost").isEqualTo(FIRST_BATCH + SECOND_BATCH);
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM mail_outbox", Long.class))
                .as("one request mail per case, none twice").isEqualTo(FIRST_BATCH + SECOND_BATCH);
        Map<String, Long> all = processJobs(history).stream()
                .collect(Collectors.groupingBy(HistoricJobLog::getJobId, Collectors.counting()));
        assertThat(all.values()).as("still every job once").containsOnly(1L);
        assertThat(all.size()).isEqualTo(4 * FIRST_BATCH);
        // (the first batch's follow-up tasks take a document too, on their boundary event: not counted here)
        long waiting = nodeA.getBean(RuntimeService.class).createEventSubscriptionQuery()
                .eventType("message").eventName("DocumentReceived").activityId("Event_DocumentReceived").count();
        assertThat(waiting).as("every second-batch case waits for its client").isEqualTo(SECOND_BATCH);
        System.out.printf("two nodes, second batch after node B stopped: %d cases, all e-mails sent once%n",
                second.size());
        assertAuditChainHoldsEveryRecordOnce();
    }

    /**
     * Both nodes wrote audit records (each opened half the cases) and both run a chainer: every record ends up
     * linked exactly once, the chain verifies, and nothing waits.
     */
    static void assertAuditChainHoldsEveryRecordOnce() {
        AuditTrail audit = nodeA.getBean(AuditTrail.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> RunAs.user("admin", audit::verify, Role.ADMIN).pending() == 0);
        AuditTrail.Verification v = RunAs.user("admin", audit::verify, Role.ADMIN);
        assertThat(v.intact()).as("the audit chain verifies: " + v.problem()).isTrue();
        long records = jdbc().queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);
        assertThat(v.records()).as("every record linked").isEqualTo(records);
        assertThat(jdbc().queryForObject("SELECT COUNT(DISTINCT seq) FROM audit_entry", Long.class))
                .as("no record linked twice, no position given twice").isEqualTo(records);
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'CASE_OPENED'", Long.class))
                .as("nothing lost").isEqualTo(jdbc().queryForObject("SELECT COUNT(*) FROM case_file", Long.class));
    }
}
