package dev.attest.bench;

import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.variable.Variables;

import dev.attest.ProcessTestSupport;
import dev.attest.sla.Escalations;
import dev.attest.sla.SlaClock;

/**
 * What Attest is measured against: a plain Camunda engine running the same BPMN and DMN files with delegates that
 * only set the variables the diagrams route on, driven by the engine's own API one call per step (start, message
 * correlation, task query, claim, complete). Full history and UUID ids as in Attest; no job executor (the case's
 * path has no asynchronous step, and the bare engine sends no e-mails). Statements through it are counted.
 */
final class BareEngine implements AutoCloseable {

    final CountingDataSource statements = new CountingDataSource();
    final ProcessEngine engine;
    private final RuntimeService runtime;
    private final TaskService tasks;

    BareEngine(DataSource dataSource, String name) {
        var cfg = new StandaloneInMemProcessEngineConfiguration();
        cfg.setProcessEngineName("bare-" + name);
        cfg.setDataSource(statements.wrap(dataSource));
        cfg.setDatabaseSchemaUpdate("true");
        cfg.setHistory("full");
        cfg.setIdGenerator(new StrongUuidGenerator());
        cfg.setJobExecutorActivate(false);
        cfg.setBeans(beans());
        engine = cfg.buildProcessEngine();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        var deployment = engine.getRepositoryService().createDeployment();
        for (String r : List.of("case-intake.bpmn", "case-triage.dmn", "two-factor-reset.bpmn",
                "document-check.bpmn", "sla-escalation.bpmn")) {
            deployment.addClasspathResource("bpmn/" + r);
        }
        deployment.deploy();
    }

    /** One 2FA case from start to end; its business key is {@code BARE-n}, so {@code n} must be new. */
    void runCase(int n, ClientCalls calls) {
        String ref = "BARE-" + n;
        calls.time(CaseCall.OPEN_CASE, () -> runtime.startProcessInstanceByKey("CaseIntake", ref,
                Variables.createVariables().putValue("caseId", UUID.randomUUID().toString())
                        .putValue("caseType", "ACCOUNT_RECOVERY_2FA").putValue("lostPhoneAccess", true)
                        .putValue("lostEmailAccess", false).putValue("accountSuspended", false)
                        .putValue("businessAccount", false)));
        calls.time(CaseCall.UPLOAD, () -> runtime.createMessageCorrelation("DocumentReceived")
                .processInstanceBusinessKey(ref).setVariable("documentId", UUID.randomUUID().toString()).correlate());
        complete(ref, CaseCall.COMPLETE_REVIEW, Map.of("nameAndAddressVisible", true, "issuerClear", true,
                "decision", "APPROVE"), calls);
        complete(ref, CaseCall.COMPLETE_PREPARATION, Map.of("ready", "READY"), calls);
        complete(ref, CaseCall.COMPLETE_SUBMISSION, Map.of("submittedOn", new Date()), calls);
        calls.time(CaseCall.RECORD_DECISION, () -> runtime.createMessageCorrelation("MarketplaceDecision")
                .processInstanceBusinessKey(ref).setVariable("marketplaceDecision", "APPROVED").correlate());
        complete(ref, CaseCall.COMPLETE_SWITCH, Map.of("authenticatorApp", "AUTHY"), calls);
        if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref).count() != 0) {
            throw new IllegalStateException("bare case " + ref + " did not end");
        }
    }

    private void complete(String ref, CaseCall call, Map<String, Object> values, ClientCalls calls) {
        String task = calls.time(CaseCall.FIND_TASK, () -> tasks.createTaskQuery().processInstanceBusinessKey(ref)
                .singleResult().getId());
        calls.time(CaseCall.CLAIM, () -> tasks.claim(task, "analyst"));
        calls.time(call, () -> tasks.complete(task, values));
    }

    @Override
    public void close() {
        engine.close();
    }

    private static Map<Object, Object> beans() {
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
        ProcessTestSupport.putSlaBeans(beans, mock(Escalations.class), mock(SlaClock.class), Map.of(
                "Task_ReviewDocument", "1d", "Task_FollowUpClient", "4h", "Task_SeniorReview", "2d",
                "Task_FollowUpMarketplace", "4h"));
        return beans;
    }

    /** When the marketplace's decision would be overdue, for {@code ${marketplaceWait.due()}}. */
    public static class Wait {
        public Date due() {
            return Date.from(Instant.now().plus(2, ChronoUnit.DAYS));
        }
    }
}
