package dev.attest.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.ProcessTestSupport;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.recovery.MarketplaceDecisionRequest;
import dev.attest.recovery.TwoFactorRecovery;

/**
 * Controlled interleavings, as Camunda's own concurrency tests do them: the first actor runs in a transaction on
 * its own thread and is held after its work and before its commit; the second actor starts and runs until the
 * database makes it wait for the first one's rows; then the first is released and commits, and the second
 * finishes. Each race ends with exactly one winner, a clear message to the loser, and consistent data.
 */
@AttestTest
class TaskRaceTests {

    static final Map<String, Object> APPROVE = Map.of("nameAndAddressVisible", true, "issuerClear", true,
            "wholeOriginalInColour", true, "decision", "APPROVE");

    @Autowired Worklist worklist;
    @Autowired CaseIntake intake;
    @Autowired Documents documents;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired TwoFactorRecovery recovery;

    /** An actor on its own thread, in its own transaction; held before commit when asked. */
    final class Actor {
        final Thread thread;
        final CountDownLatch worked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Actor(String user, Role[] roles, boolean holdBeforeCommit, Runnable work) {
            thread = new Thread(() -> {
                try {
                    RunAs.user(user, () -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                        work.run();
                        worked.countDown();
                        if (holdBeforeCommit) {
                            await(release);
                        }
                    }), roles);
                } catch (Throwable t) {
                    failure.set(t);
                } finally {
                    worked.countDown();
                }
            }, "race-" + user);
        }

        Actor start() {
            thread.start();
            return this;
        }

        /** Waits until the actor sits in the database, waiting for another transaction's rows. */
        void awaitBlockedInDatabase() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                Thread.State state = thread.getState();
                boolean inDatabase = Arrays.stream(thread.getStackTrace())
                        .anyMatch(f -> f.getClassName().startsWith("org.h2") || f.getClassName().startsWith("org.postgresql"));
                if ((state == Thread.State.TIMED_WAITING || state == Thread.State.WAITING) && inDatabase) {
                    return;
                }
                if (!thread.isAlive()) {
                    return; // it did not need to wait: the outcome tells
                }
                Thread.sleep(10);
            }
            throw new AssertionError("the second actor never reached the database");
        }

        void finish() throws InterruptedException {
            release.countDown();
            thread.join(30_000);
            assertThat(thread.isAlive()).isFalse();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A case whose identity document waits for review: the review task's id. */
    String reviewTask() {
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
        RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png", TestFiles.png(900, 600),
                new DocumentMetadata("PASSPORT", "Jane Seller", null, "US", null, "2031-01-01")), Role.INTAKE);
        return tasks.createTaskQuery().processInstanceBusinessKey(c.getReference())
                .taskDefinitionKey("Task_ReviewDocument").singleResult().getId();
    }

    static final Role[] ANALYST = {Role.ANALYST};
    static final Role[] SENIOR = {Role.ANALYST, Role.SENIOR_ANALYST};

    long audited(String taskId, String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE subject = ? AND action = ?", Long.class,
                taskId, action);
    }

    @Test
    void twoAnalystsClaimOneTask() throws Exception {
        String task = reviewTask();
        Actor first = new Actor("analyst", ANALYST, true, () -> worklist.claim(task)).start();
        await(first.worked);
        Actor second = new Actor("senior", SENIOR, false, () -> worklist.claim(task)).start();
        second.awaitBlockedInDatabase();
        first.finish();
        second.finish();

        assertThat(first.failure.get()).isNull();
        assertThat(second.failure.get()).isInstanceOf(TaskConflictException.class)
                .hasMessageMatching("(?s).*(Someone else claimed this task|Already claimed by).*");
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("analyst");
        assertThat(audited(task, "TASK_CLAIMED")).as("the loser's audit record rolled back").isEqualTo(1);
    }

    static final Role[] MANAGER = {Role.MANAGER};

    @Test
    void aManagerAssignsWhileAnAnalystClaims() throws Exception {
        String task = reviewTask();
        Actor manager = new Actor("manager", MANAGER, true, () -> worklist.assign(task, "senior", null)).start();
        await(manager.worked);
        Actor analyst = new Actor("analyst", ANALYST, false, () -> worklist.claim(task)).start();
        analyst.awaitBlockedInDatabase();
        manager.finish();
        analyst.finish();

        assertThat(manager.failure.get()).isNull();
        assertThat(analyst.failure.get()).isInstanceOf(TaskConflictException.class);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("senior");
        assertThat(audited(task, "TASK_ASSIGNED")).isEqualTo(1);
        assertThat(audited(task, "TASK_CLAIMED")).as("the loser's audit record rolled back").isZero();
    }

    @Test
    void anAnalystClaimsWhileAManagerAssigns() throws Exception {
        String task = reviewTask();
        Actor analyst = new Actor("analyst", ANALYST, true, () -> worklist.claim(task)).start();
        await(analyst.worked);
        Actor manager = new Actor("manager", MANAGER, false, () -> worklist.assign(task, "senior", null)).start();
        manager.awaitBlockedInDatabase();
        analyst.finish();
        manager.finish();

        assertThat(analyst.failure.get()).isNull();
        assertThat(manager.failure.get()).isInstanceOf(TaskConflictException.class)
                .hasMessageContaining("at the same moment");
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("analyst");
        assertThat(audited(task, "TASK_CLAIMED")).isEqualTo(1);
        assertThat(audited(task, "TASK_ASSIGNED")).as("the loser's audit record rolled back").isZero();
    }

    @Test
    void twoCompletionsOfOneTask() throws Exception {
        String task = reviewTask();
        RunAs.user("analyst", () -> worklist.claim(task), Role.ANALYST);
        String processInstance = tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        Actor first = new Actor("analyst", ANALYST, true, () -> worklist.complete(task, APPROVE)).start();
        await(first.worked);
        Actor second = new Actor("analyst", ANALYST, false, () -> worklist.complete(task, APPROVE)).start();
        second.awaitBlockedInDatabase();
        first.finish();
        second.finish();

        assertThat(first.failure.get()).isNull();
        assertThat(second.failure.get()).isInstanceOfAny(TaskConflictException.class, TaskNotFoundException.class);
        assertThat(history.createHistoricTaskInstanceQuery().taskId(task).finished().count()).isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(processInstance)
                .activityId("Task_RecordDecision").count()).as("the decision was recorded once").isEqualTo(1);
        assertThat(audited(task, "TASK_COMPLETED")).isEqualTo(1);
    }

    @Test
    void theSlaTimerFiresWhileTheAnalystCompletes() throws Exception {
        String task = reviewTask();
        RunAs.user("analyst", () -> worklist.claim(task), Role.ANALYST);
        String processInstance = tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        String ladder = ProcessTestSupport.ladderOf(runtime, processInstance, "Task_ReviewDocument").getId();
        String warning = management.createJobQuery().processInstanceId(ladder).timers()
                .activityId("Event_SlaWarning").singleResult().getId();
        long warningsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM sla_escalation", Long.class);

        Actor timer = new Actor("system", new Role[0], true, () -> management.executeJob(warning)).start();
        await(timer.worked);
        Actor analyst = new Actor("analyst", ANALYST, false, () -> worklist.complete(task, APPROVE)).start();
        analyst.awaitBlockedInDatabase();
        timer.finish();
        analyst.finish();

        assertThat(timer.failure.get()).isNull();
        assertThat(analyst.failure.get()).isInstanceOf(TaskConflictException.class)
                .hasMessageContaining("changed while you worked on it");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_escalation", Long.class))
                .as("the warning was recorded once").isEqualTo(warningsBefore + 1);
        assertThat(tasks.createTaskQuery().taskId(task).count()).as("the task is still open").isEqualTo(1);

        RunAs.user("analyst", () -> worklist.complete(task, APPROVE), Role.ANALYST);
        assertThat(tasks.createTaskQuery().taskId(task).count()).as("completed on the second try").isZero();
        assertThat(audited(task, "TASK_COMPLETED")).isEqualTo(1);
    }

    /** A case whose client stayed silent: the analyst holds the follow-up task. */
    String followUpTask(CaseFile c) {
        String check = runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.getReference())
                .processDefinitionKey("DocumentCheck").singleResult().getId();
        String silent = management.createJobQuery().processInstanceId(check).timers()
                .activityId("Event_ClientSilent").singleResult().getId();
        management.executeJob(silent);
        String followUp = tasks.createTaskQuery().processInstanceBusinessKey(c.getReference())
                .taskDefinitionKey("Task_FollowUpClient").singleResult().getId();
        RunAs.user("analyst", () -> worklist.claim(followUp), Role.ANALYST);
        return followUp;
    }

    CaseFile newCase() {
        return RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
    }

    Actor clientUpload(CaseFile c) {
        return new Actor("intake", new Role[] {Role.INTAKE}, true, () -> documents.upload(c.getReference(),
                "passport.png", TestFiles.png(900, 600), new DocumentMetadata("PASSPORT", "Jane Seller", null, "US",
                        null, "2031-01-01")));
    }

    long reminders(CaseFile c) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE case_reference = ? AND template = ?",
                Long.class, c.getReference(), "REMINDER");
    }

    long open(CaseFile c, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(c.getReference()).taskDefinitionKey(taskKey).count();
    }

    @Test
    void theAnalystRemindsTheClientWhileTheDocumentArrives() throws Exception {
        CaseFile c = newCase();
        String followUp = followUpTask(c);

        Actor analyst = new Actor("analyst", ANALYST, true, () -> worklist.complete(followUp,
                Map.of("followUp", "REMIND"))).start();
        await(analyst.worked);
        Actor client = clientUpload(c).start();
        client.awaitBlockedInDatabase();
        analyst.finish();
        client.finish();

        // the reminder was decided first and went out; the document then arrived where the process waits for it
        assertThat(analyst.failure.get()).isNull();
        assertThat(client.failure.get()).as("the client's upload is not lost").isNull();
        assertThat(reminders(c)).isEqualTo(1);
        assertThat(open(c, "Task_ReviewDocument")).as("the document waits for review").isEqualTo(1);
        assertThat(open(c, "Task_FollowUpClient")).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.getReference())
                .processDefinitionKey("DocumentCheck").count()).as("no second document check").isEqualTo(1);
        assertThat(audited(followUp, "TASK_COMPLETED")).isEqualTo(1);
    }

    @Test
    void theDocumentArrivesWhileTheAnalystRemindsTheClient() throws Exception {
        CaseFile c = newCase();
        String followUp = followUpTask(c);

        Actor client = clientUpload(c).start();
        await(client.worked);
        Actor analyst = new Actor("analyst", ANALYST, false, () -> worklist.complete(followUp,
                Map.of("followUp", "REMIND"))).start();
        analyst.awaitBlockedInDatabase();
        client.finish();
        analyst.finish();

        // the document ended the follow-up: no reminder for a document that has come, and the analyst is told
        assertThat(client.failure.get()).as("the client's upload is not lost").isNull();
        assertThat(analyst.failure.get()).isInstanceOf(TaskConflictException.class)
                .hasMessageContaining("ended meanwhile");
        assertThat(reminders(c)).isZero();
        assertThat(open(c, "Task_ReviewDocument")).as("the document waits for review").isEqualTo(1);
        assertThat(open(c, "Task_FollowUpClient")).isZero();
        assertThat(audited(followUp, "TASK_COMPLETED")).as("nothing recorded for the refused completion").isZero();
        assertThat(RunAs.user("analyst", () -> documents.list(c.getReference()), Role.ANALYST)).hasSize(1);
    }

    @Test
    void aClientUploadRacesTheAnalystGivingUpOnTheDocument() throws Exception {
        CaseFile c = newCase();
        String followUp = followUpTask(c);

        Actor analyst = new Actor("analyst", ANALYST, true, () -> worklist.complete(followUp,
                Map.of("followUp", "GIVE_UP", "followUpNote", "no answer after two weeks"))).start();
        await(analyst.worked);
        Actor client = clientUpload(c).start();
        client.awaitBlockedInDatabase();
        analyst.finish();
        client.finish();

        assertThat(analyst.failure.get()).isNull();
        assertThat(client.failure.get()).as("the client's upload is not lost").isNull();
        assertThat(RunAs.user("analyst", () -> documents.list(c.getReference()), Role.ANALYST)).hasSize(1);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(c.getReference())
                .taskDefinitionKey("Task_ReviewDocument").count()).as("the document waits for review").isEqualTo(1);
        assertThat(history.createHistoricTaskInstanceQuery().taskId(followUp).finished().count()).isEqualTo(1);
        assertThat(audited(followUp, "TASK_COMPLETED")).isEqualTo(1);
    }

    /** A 2FA case submitted to the marketplace, which stayed silent: the analyst holds the follow-up task. */
    String marketplaceFollowUp(CaseFile c) {
        RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.png", TestFiles.png(900, 600),
                new DocumentMetadata("PASSPORT", "Jane Seller", null, "US", null, "2031-01-01")), Role.INTAKE);
        completeAsAnalyst(c, "Task_ReviewDocument", APPROVE);
        completeAsAnalyst(c, "Task_PrepareSubmission", Map.of("ready", "READY"));
        completeAsAnalyst(c, "Task_SubmitToMarketplace", Map.of("submittedOn",
                LocalDate.now(ZoneId.of("America/New_York")).toString()));
        String overdue = management.createJobQuery().processDefinitionKey("TwoFactorReset").timers()
                .activityId("Event_DecisionOverdue").list().stream()
                .filter(j -> runtime.createProcessInstanceQuery().processInstanceId(j.getProcessInstanceId())
                        .processInstanceBusinessKey(c.getReference()).count() == 1)
                .findFirst().orElseThrow().getId();
        management.executeJob(overdue);
        String followUp = tasks.createTaskQuery().processInstanceBusinessKey(c.getReference())
                .taskDefinitionKey("Task_FollowUpMarketplace").singleResult().getId();
        RunAs.user("analyst", () -> worklist.claim(followUp), Role.ANALYST);
        return followUp;
    }

    void completeAsAnalyst(CaseFile c, String taskKey, Map<String, Object> values) {
        String task = tasks.createTaskQuery().processInstanceBusinessKey(c.getReference()).taskDefinitionKey(taskKey)
                .singleResult().getId();
        RunAs.user("analyst", () -> {
            worklist.claim(task);
            worklist.complete(task, values);
        }, Role.ANALYST);
    }

    Actor approvalRecordedBy(CaseFile c, String user, boolean hold) {
        return new Actor(user, SENIOR, hold, () -> recovery.recordDecision(c.getReference(),
                new MarketplaceDecisionRequest("APPROVED", null, null)));
    }

    @Test
    void theMarketplacesDecisionArrivesWhileTheAnalystChasesIt() throws Exception {
        CaseFile c = newCase();
        String followUp = marketplaceFollowUp(c);

        Actor decision = approvalRecordedBy(c, "senior", true).start();
        await(decision.worked);
        Actor analyst = new Actor("analyst", ANALYST, false, () -> worklist.complete(followUp,
                Map.of("followUp", "WAIT_AGAIN"))).start();
        analyst.awaitBlockedInDatabase();
        decision.finish();
        analyst.finish();

        // the decision ended the follow-up; chasing the marketplace for it is refused with a clear message
        assertThat(decision.failure.get()).isNull();
        assertThat(analyst.failure.get()).isInstanceOf(TaskConflictException.class)
                .hasMessageContaining("ended meanwhile");
        assertThat(open(c, "Task_FollowUpMarketplace")).isZero();
        assertThat(RunAs.user("analyst", () -> recovery.awaitingDecision(c.getReference()), Role.ANALYST)).isFalse();
        assertThat(audited(followUp, "TASK_COMPLETED")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE case_reference = ? AND action = "
                + "'DECISION_RECORDED' AND subject LIKE 'submission%'", Long.class, c.getReference())).as("one marketplace "
                + "decision (the document's own is recorded too)").isEqualTo(1);
    }

    @Test
    void theAnalystChasesTheMarketplaceWhileItsDecisionArrives() throws Exception {
        CaseFile c = newCase();
        String followUp = marketplaceFollowUp(c);

        Actor analyst = new Actor("analyst", ANALYST, true, () -> worklist.complete(followUp,
                Map.of("followUp", "WAIT_AGAIN"))).start();
        await(analyst.worked);
        Actor decision = approvalRecordedBy(c, "senior", false).start();
        decision.awaitBlockedInDatabase();
        analyst.finish();
        decision.finish();

        // the follow-up went first (wait again); the decision then arrived where the process waits for it
        assertThat(analyst.failure.get()).isNull();
        assertThat(decision.failure.get()).isNull();
        assertThat(audited(followUp, "TASK_COMPLETED")).isEqualTo(1);
        assertThat(RunAs.user("analyst", () -> recovery.awaitingDecision(c.getReference()), Role.ANALYST)).isFalse();
        assertThat(RunAs.user("analyst", () -> recovery.submissions(c.getReference()), Role.ANALYST))
                .singleElement().satisfies(sub -> assertThat(sub.getDecision()).hasToString("APPROVED"));
    }
}
