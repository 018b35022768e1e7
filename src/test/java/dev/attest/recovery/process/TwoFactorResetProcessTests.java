package dev.attest.recovery.process;

import static dev.attest.recovery.process.TwoFactorResetProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

import dev.attest.ProcessTestSupport;
import dev.attest.cases.CaseProgress;
import dev.attest.recovery.TwoFactorRecovery;
import dev.attest.sla.Escalation;
import dev.attest.sla.Escalations;
import dev.attest.sla.SlaClock;

/**
 * Every path of {@code bpmn/two-factor-reset.bpmn}: approved at once, rejected then approved, rejected until the
 * specialist path, the marketplace's silence with the analyst's follow-up (waiting again, a decision during the
 * follow-up, giving up) and its SLA escalation, an identity document not accepted, and another ID asked for.
 * The delegates are the real ones; the recovery service behind them is a mock whose calls are checked.
 */
@Deployment(resources = {"bpmn/two-factor-reset.bpmn", "bpmn/sla-escalation.bpmn"})
@ExtendWith(ProcessTestSupport.ResetEngineClock.class)
class TwoFactorResetProcessTests {

    static final TwoFactorRecovery recovery = mock(TwoFactorRecovery.class);
    static final Escalations escalations = mock(Escalations.class);
    static final SlaClock slaClock = mock(SlaClock.class);
    static final CaseProgress cases = ProcessTestSupport.scopeCases(
            mock(CaseProgress.class));
    static final Map<Object, Object> beans = new HashMap<>();

    static {
        beans.put("recordSubmissionDelegate", new RecordSubmissionDelegate(recovery, ZoneOffset.UTC, cases));
        beans.put("sendAuthenticatorGuidanceDelegate", new SendAuthenticatorGuidanceDelegate(recovery, cases));
        beans.put("recoveryResultDelegate", new RecoveryResultDelegate(recovery, cases));
        beans.put("marketplaceWait", new MarketplaceWait(recovery));
        ProcessTestSupport.putSlaBeans(beans, escalations, slaClock, Map.of("Task_FollowUpMarketplace", "4h"));
    }

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(engineConfiguration())
            .assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    final UUID caseId = UUID.randomUUID();

    static StandaloneInMemProcessEngineConfiguration engineConfiguration() {
        return ProcessTestSupport.engine("two-factor-reset-process-tests", beans);
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        ProcessTestSupport.deployStubs(repositoryService(), "DocumentCheck");
        reset(recovery, escalations, slaClock);
        // two business days, Thanksgiving and weekends aside: the calendar itself is tested on its own
        when(recovery.decisionDue()).thenAnswer(call -> ProcessTestSupport.ENGINE_CLOCK.instant().plus(2, ChronoUnit.DAYS));
        when(recovery.recordSubmission(any(), any(), any())).thenReturn(new TwoFactorRecovery.Recorded(1, true));
        when(recovery.recoveredNote(any(), any(), anyBoolean(), any())).thenReturn("access restored");
        when(recovery.specialistReason(any(), anyBoolean(), anyBoolean())).thenReturn("handed on");
    }

    ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "CASE-2026-000001",
                Variables.createVariables().putValue(CASE_ID, caseId.toString())
                        .putValue("caseType", "ACCOUNT_RECOVERY_2FA").putValue("taskPriority", 75));
        assertThat(pi).isWaitingAt(CALL_CHECK_IDENTITY);
        return pi;
    }

    /** The called document check ends with the given result. */
    void identityChecked(ProcessInstance pi, boolean accepted) {
        assertThat(pi).isWaitingAt(CALL_CHECK_IDENTITY);
        ProcessInstance check = calledProcessInstance(pi);
        assertThat(check).hasBusinessKey("CASE-2026-000001").variables().containsEntry("caseId", caseId.toString())
                .containsEntry("hasDocument", false).containsEntry("documentGroup", "IDENTITY");
        complete(task(check), withVariables(DOCUMENT_ACCEPTED, accepted));
    }

    /** Prepared and submitted on the given day; returns with the process waiting for the marketplace. */
    void submit(ProcessInstance pi, int round, boolean resubmissionAllowed) {
        when(recovery.recordSubmission(any(), any(), any()))
                .thenReturn(new TwoFactorRecovery.Recorded(round, resubmissionAllowed));
        assertThat(pi).isWaitingAt(TASK_PREPARE);
        assertThat(task(pi)).hasCandidateGroup("analyst");
        Assertions.assertThat(task(pi).getPriority()).isEqualTo(75);
        complete(task(pi), withVariables("nameAndAddressVisible", true, "issuerClear", true, READY, "READY"));
        assertThat(pi).isWaitingAt(TASK_SUBMIT);
        complete(task(pi), withVariables(SUBMITTED_ON, Date.from(LocalDate.of(2026, 11, 23)
                .atStartOfDay(ZoneOffset.UTC).toInstant()), SUBMISSION_NOTE, "round " + round));
        assertThat(pi).hasPassed(TASK_RECORD_SUBMISSION).isWaitingAt("Gateway_AwaitDecision");
        assertThat(pi).variables().containsEntry(SUBMISSION_ROUND, round)
                .containsEntry(RESUBMISSION_ALLOWED, resubmissionAllowed);
        verify(recovery).recordSubmission(caseId, LocalDate.of(2026, 11, 23), "round " + round);
    }

    /** Started, the ID accepted and submitted once: the process waits for the marketplace. */
    ProcessInstance submittedOnce() {
        ProcessInstance pi = start();
        identityChecked(pi, true);
        submit(pi, 1, true);
        return pi;
    }

    /** Submitted once, rejected, submitted again (the last allowed): the process waits for the marketplace. */
    ProcessInstance rejectedAndSubmittedAgain() {
        ProcessInstance pi = submittedOnce();
        decide(pi, "REJECTED");
        Mockito.clearInvocations(recovery);
        submit(pi, 2, false);
        return pi;
    }

    /** Submitted on Monday 23 November 10:00 UTC; two days later the follow-up task is open. */
    ProcessInstance followingUp() {
        ProcessTestSupport.setEngineClock("2026-11-23T10:00:00Z");
        ProcessInstance pi = submittedOnce();
        Assertions.assertThat(ProcessTestSupport.runJobsDueAt(processEngine,
                "2026-11-25T09:59:00Z", pi.getId())).isZero();
        Assertions.assertThat(ProcessTestSupport.runJobsDueAt(processEngine,
                "2026-11-25T10:01:00Z", pi.getId())).isOne();
        assertThat(pi).hasPassed(EVENT_DECISION_OVERDUE).isWaitingAt(TASK_FOLLOW_UP);
        return pi;
    }

    void decide(ProcessInstance pi, String decision) {
        runtimeService().createMessageCorrelation(MESSAGE_DECISION).processInstanceId(pi.getId())
                .setVariable(MARKETPLACE_DECISION, decision).correlate();
    }

    void confirmSwitch(ProcessInstance pi) {
        assertThat(pi).hasPassed(TASK_SEND_GUIDANCE).isWaitingAt(TASK_CONFIRM_SWITCH);
        verify(recovery).sendGuidance(caseId);
        complete(task(pi), withVariables(AUTHENTICATOR_APP, "AUTHY", PHONE_UPDATED, true, SWITCH_NOTE, "all set"));
        assertThat(pi).isEnded().hasPassed(END_RECOVERED).variables().containsEntry(RECOVERY_RESULT, "RECOVERED")
                .containsEntry(OUTCOME, "RESOLVED").containsEntry(OUTCOME_NOTE, "access restored");
        verify(recovery).recoveredNote(caseId, "AUTHY", true, "all set");
    }

    @Test
    void approvedAtTheFirstSubmission() {
        ProcessInstance pi = submittedOnce();

        decide(pi, "APPROVED");

        confirmSwitch(pi);
        assertThat(pi).hasNotPassed(TASK_FOLLOW_UP, TASK_HAND_TO_SPECIALIST);
    }

    @Test
    void rejectedThenApprovedOnTheSecondSubmission() {
        ProcessInstance pi = rejectedAndSubmittedAgain();

        decide(pi, "APPROVED");

        confirmSwitch(pi);
    }

    @Test
    void rejectedTwiceGoesToTheSpecialistPath() {
        ProcessInstance pi = rejectedAndSubmittedAgain();

        decide(pi, "REJECTED");

        assertThat(pi).isEnded().hasPassed(TASK_HAND_TO_SPECIALIST, END_SPECIALIST).hasNotPassed(TASK_SEND_GUIDANCE)
                .variables().containsEntry(RECOVERY_RESULT, "SPECIALIST").containsEntry(RECOVERY_NOTE, "handed on");
        verify(recovery).specialistReason(caseId, true, false);
        verify(recovery, never()).sendGuidance(any());
    }

    @Test
    void anIdentityDocumentNotAcceptedGoesToTheSpecialistPath() {
        ProcessInstance pi = start();
        identityChecked(pi, false);

        assertThat(pi).isEnded().hasPassed(END_SPECIALIST).hasNotPassed(TASK_PREPARE).variables()
                .containsEntry(RECOVERY_RESULT, "SPECIALIST");
        verify(recovery).specialistReason(caseId, false, false);
    }

    @Test
    void aDocumentNotFitToSubmitAsksTheClientForAnotherId() {
        ProcessInstance pi = start();
        identityChecked(pi, true);
        complete(task(pi), withVariables(READY, "NEED_NEW_DOCUMENT", "preparationNote", "ID cut off"));

        assertThat(pi).isWaitingAt(CALL_CHECK_IDENTITY);
        identityChecked(pi, true);
        submit(pi, 1, true);
        decide(pi, "APPROVED");
        confirmSwitch(pi);
    }

    @Test
    void theMarketplaceSilentPastTheUsualWaitAsksForAFollowUpThenWaitsAgain() {
        ProcessInstance pi = followingUp();
        assertThat(task(pi)).hasCandidateGroup("analyst");

        complete(task(pi), withVariables(FOLLOW_UP, "WAIT_AGAIN", "followUpNote", "chased"));
        assertThat(pi).isWaitingAt("Gateway_AwaitDecision");
        decide(pi, "APPROVED");
        confirmSwitch(pi);
    }

    @Test
    void aDecisionDuringTheFollowUpEndsTheFollowUp() {
        ProcessInstance pi = followingUp();

        decide(pi, "APPROVED");

        assertThat(pi).hasPassed("Event_DecisionDuringFollowUp");
        Assertions.assertThat(taskService().createTaskQuery()
                .taskDefinitionKey(TASK_FOLLOW_UP).count()).isZero();
        confirmSwitch(pi);
    }

    @Test
    void noAnswerAfterTheFollowUpGoesToTheSpecialistPath() {
        ProcessInstance pi = followingUp();

        complete(task(pi), withVariables(FOLLOW_UP, "SPECIALIST"));

        assertThat(pi).isEnded().hasPassed(END_SPECIALIST).variables().containsEntry(RECOVERY_RESULT, "SPECIALIST");
        verify(recovery).specialistReason(caseId, true, true);
    }

    @Test
    void aLateFollowUpIsWarnedThenEscalatedToSeniorsThenManagers() {
        // the follow-up task opens Wednesday 25 November 10:01 UTC; it is due within 4 business hours
        ProcessInstance pi = followingUp();
        var followUp = task(pi);
        ProcessInstance ladder = ProcessTestSupport.ladderOf(processEngine, pi.getId(), TASK_FOLLOW_UP);

        Assertions.assertThat(ProcessTestSupport.runJobsDueAt(processEngine,
                "2026-11-25T12:59:00Z", pi.getId())).isZero();
        Assertions.assertThat(ProcessTestSupport.runJobsDueAt(processEngine,
                "2026-11-25T13:02:00Z", pi.getId())).isOne();
        verify(escalations).record("CASE-2026-000001", followUp.getId(), "Follow up with the marketplace",
                Escalation.Level.WARNING, null);
        Assertions.assertThat(ProcessTestSupport.runJobsDueAt(processEngine,
                "2026-11-25T14:02:00Z", pi.getId())).isOne();
        assertThat(task(pi)).hasCandidateGroup("senior_analyst");
        // 4 business hours after the breach: 3 on Wednesday, Thanksgiving off, 1 on Friday morning
        Assertions.assertThat(ProcessTestSupport.runJobsDueAt(processEngine,
                "2026-11-26T23:00:00Z", pi.getId())).isZero();
        Assertions.assertThat(ProcessTestSupport.runJobsDueAt(processEngine,
                "2026-11-27T10:02:00Z", pi.getId())).isOne();
        assertThat(task(pi)).hasCandidateGroup("manager");
        assertThat(ladder).isEnded().hasPassed("EndEvent_Warned", "EndEvent_EscalatedToSeniors",
                "EndEvent_EscalatedToManagers");

        decide(pi, "REJECTED");
        assertThat(pi).isWaitingAt(TASK_PREPARE);
        verify(recovery, never()).specialistReason(any(), anyBoolean(), anyBoolean());
        verify(escalations).record("CASE-2026-000001", followUp.getId(), "Follow up with the marketplace",
                Escalation.Level.SENIOR_ANALYSTS, null);
        verify(escalations).record("CASE-2026-000001", followUp.getId(), "Follow up with the marketplace",
                Escalation.Level.MANAGERS, null);
        Mockito.verifyNoMoreInteractions(escalations);
    }
}
