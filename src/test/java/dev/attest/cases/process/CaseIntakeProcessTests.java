package dev.attest.cases.process;

import static dev.attest.cases.process.CaseIntakeProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

import dev.attest.ProcessTestSupport;
import dev.attest.cases.CaseOutcome;
import dev.attest.cases.CaseProgress;

/**
 * Every path of {@code bpmn/case-intake.bpmn} with its triage table, on an in-memory engine. The delegates
 * are the real ones; the case service behind them is a mock whose calls are checked.
 */
@Deployment(resources = {"bpmn/case-intake.bpmn", "bpmn/case-triage.dmn"})
class CaseIntakeProcessTests {

    static final CaseProgress progress = mock(CaseProgress.class);
    static final Map<Object, Object> beans = new HashMap<>();

    static {
        beans.put("recordTriageDelegate", new RecordTriageDelegate(progress));
        beans.put("closeCaseDelegate", new CloseCaseDelegate(progress));
    }

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(engineConfiguration())
            .assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    final UUID caseId = UUID.randomUUID();
    final Instant due = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    static StandaloneInMemProcessEngineConfiguration engineConfiguration() {
        return ProcessTestSupport.engine("case-intake-process-tests", beans);
    }


    @BeforeEach
    void setUp() {
        init(processEngine);
        ProcessTestSupport.deployStubs(repositoryService(), "TwoFactorReset", "SellerVerification");
        reset(progress);
        ProcessTestSupport.scopeCases(progress);
        when(progress.applyTriage(any(), any(), any(), any())).thenAnswer(call -> new CaseProgress.Triage(
                call.getArgument(1), 75, due));
    }

    ProcessInstance start(String caseType, boolean lostPhone, boolean lostEmail, boolean suspended, boolean business) {
        return runtimeService().startProcessInstanceByKey(KEY, "CASE-2026-000001", Variables.createVariables()
                .putValue(CASE_ID, caseId.toString()).putValue(CASE_TYPE, caseType)
                .putValue(LOST_PHONE_ACCESS, lostPhone).putValue(LOST_EMAIL_ACCESS, lostEmail)
                .putValue(ACCOUNT_SUSPENDED, suspended).putValue(BUSINESS_ACCOUNT, business));
    }

    /** The case waits in the called 2FA reset, which then ends with the given result. */
    void resetDone(ProcessInstance pi, String result) {
        assertThat(pi).isWaitingAt(CALL_TWO_FACTOR_RESET);
        ProcessInstance reset = calledProcessInstance(pi);
        assertThat(reset).hasBusinessKey("CASE-2026-000001").variables().containsEntry(CASE_ID, caseId.toString())
                .containsEntry(CASE_TYPE, "ACCOUNT_RECOVERY_2FA").containsEntry(TASK_PRIORITY, 75);
        boolean recovered = "RECOVERED".equals(result);
        complete(task(reset), withVariables(RECOVERY_RESULT, result, RECOVERY_NOTE, "why: " + result,
                OUTCOME, recovered ? "RESOLVED" : null, OUTCOME_NOTE, recovered ? "access restored" : null));
        assertThat(pi).variables().containsEntry(RECOVERY_RESULT, result);
    }

    static Map<String, Object> outcome(String outcome) {
        return withVariables(OUTCOME, outcome, OUTCOME_NOTE, "note for " + outcome);
    }

    @Test
    void aRestoredAccountClosesTheCaseResolved() {
        ProcessInstance pi = start("ACCOUNT_RECOVERY_2FA", true, false, false, false);

        assertThat(pi).hasPassed(TASK_TRIAGE, TASK_RECORD_TRIAGE);
        verify(progress).applyTriage(caseId, "TWO_FACTOR_RESET", "HIGH", "EXPEDITED");
        resetDone(pi, "RECOVERED");

        assertThat(pi).hasPassed(TASK_CLOSE_CASE).isEnded().hasPassed(END_CASE_CLOSED)
                .hasNotPassed(TASK_SPECIALIST_REVIEW);
        verify(progress).close(caseId, CaseOutcome.RESOLVED, "access restored");
    }

    @Test
    void aResetHandedToTheSpecialistPathIsClosedByASeniorAnalyst() {
        ProcessInstance pi = start("ACCOUNT_RECOVERY_2FA", false, false, false, false);
        resetDone(pi, "SPECIALIST");

        assertThat(pi).isWaitingAt(TASK_SPECIALIST_REVIEW);
        assertThat(task(pi)).hasCandidateGroup("senior_analyst").hasDueDate(Date.from(due));
        Assertions.assertThat(task(pi).getPriority()).isEqualTo(75);
        verify(progress, never()).close(any(), any(), any());

        complete(task(pi), outcome("NOT_RESOLVED"));
        assertThat(pi).isEnded();
        verify(progress).close(caseId, CaseOutcome.NOT_RESOLVED, "note for NOT_RESOLVED");
    }

    @Test
    void clientWhoLostPhoneAndEmailGoesStraightToTheSpecialist() {
        ProcessInstance pi = start("ACCOUNT_RECOVERY_2FA", true, true, false, false);

        assertThat(pi).isWaitingAt(TASK_SPECIALIST_REVIEW).hasNotPassed(CALL_TWO_FACTOR_RESET);
        verify(progress).applyTriage(caseId, "SPECIALIST_RECOVERY", "URGENT", "EXPEDITED");
        complete(task(pi), outcome("RESOLVED"));
        assertThat(pi).isEnded();
    }

    /** The case waits in the called seller verification, which ends with the given result. */
    void verified(ProcessInstance pi, boolean passed) {
        assertThat(pi).isWaitingAt(CALL_SELLER_VERIFICATION);
        ProcessInstance verification = calledProcessInstance(pi);
        assertThat(verification).hasBusinessKey("CASE-2026-000001").variables()
                .containsEntry(CASE_ID, caseId.toString()).containsEntry(CASE_TYPE, "SELLER_VERIFICATION");
        complete(task(verification), withVariables(VERIFICATION_PASSED, passed,
                OUTCOME, passed ? "RESOLVED" : null, OUTCOME_NOTE, "verification summary"));
    }

    @Test
    void aPassedSellerVerificationClosesTheCaseResolved() {
        ProcessInstance pi = start("SELLER_VERIFICATION", false, false, false, true);
        verify(progress).applyTriage(caseId, "SELLER_VERIFICATION", "NORMAL", "STANDARD");

        verified(pi, true);

        assertThat(pi).isEnded().hasPassed(TASK_CLOSE_CASE).hasNotPassed(TASK_SPECIALIST_REVIEW);
        verify(progress).close(caseId, CaseOutcome.RESOLVED, "verification summary");
    }

    @Test
    void aFailedSellerVerificationGoesToASeniorAnalyst() {
        ProcessInstance pi = start("SELLER_VERIFICATION", false, false, true, false);
        verify(progress).applyTriage(caseId, "SELLER_VERIFICATION", "HIGH", "EXPEDITED");

        verified(pi, false);
        assertThat(pi).isWaitingAt(TASK_SPECIALIST_REVIEW);
        assertThat(task(pi)).hasCandidateGroup("senior_analyst");
        complete(task(pi), outcome("NOT_RESOLVED"));
        assertThat(pi).isEnded();
        verify(progress).close(caseId, CaseOutcome.NOT_RESOLVED, "note for NOT_RESOLVED");
    }

    @Test
    void aFailingCaseServiceRollsTheCompletionBack() {
        ProcessInstance pi = start("ACCOUNT_RECOVERY_2FA", false, false, false, false);
        resetDone(pi, "SPECIALIST");
        Task review = task(pi);
        Mockito.doThrow(new IllegalStateException("Case is already closed"))
                .when(progress).close(any(), any(), any());

        Assertions.assertThatThrownBy(() -> complete(review, outcome("RESOLVED")))
                .hasMessageContaining("already closed");
        assertThat(pi).isWaitingAt(TASK_SPECIALIST_REVIEW);
    }
}
