package dev.attest.documents.process;

import static dev.attest.documents.process.DocumentCheckProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import dev.attest.communication.ClientMessages;
import dev.attest.documents.DocumentGroup;
import dev.attest.documents.DocumentReview;
import dev.attest.documents.Documents;
import dev.attest.documents.RejectionReason;
import dev.attest.documents.ReviewDecision;
import dev.attest.sla.BusinessCalendar;
import dev.attest.sla.Escalation;
import dev.attest.sla.Escalations;
import dev.attest.sla.SlaClock;
import dev.attest.sla.SlaPolicies;
import dev.attest.sla.process.SlaEscalationDelegate;
import dev.attest.sla.process.SlaTimers;

/**
 * Every path of {@code bpmn/document-check.bpmn}: documents read on upload or in a job of their own, accepted, refused
 * by checks or reviewers,
 * clients reminded or given up on, and the senior analyst's decision after too many rounds.
 */
@Deployment(resources = {"bpmn/document-check.bpmn", "bpmn/sla-escalation.bpmn"})
@ExtendWith(ProcessTestSupport.ResetEngineClock.class)
class DocumentCheckProcessTests {

    static final DocumentReview review = mock(DocumentReview.class);
    static final Escalations escalations = mock(Escalations.class);
    static final SlaClock slaClock = mock(SlaClock.class);
    static final CaseProgress cases = ProcessTestSupport.scopeCases(
            mock(CaseProgress.class));
    static final Documents documents = mock(Documents.class);
    static final Map<Object, Object> beans = new HashMap<>();

    static {
        beans.put("readDocumentDelegate", new ReadDocumentDelegate(review, documents));
        beans.put("requestDocumentDelegate", new RequestDocumentDelegate(review, cases));
        beans.put("runDocumentChecksDelegate", new RunDocumentChecksDelegate(review));
        beans.put("recordDocumentDecisionDelegate", new RecordDocumentDecisionDelegate(review));
        ProcessTestSupport.putSlaBeans(beans, escalations, slaClock, Map.of("Task_ReviewDocument", "1d",
                "Task_FollowUpClient", "4h", "Task_SeniorReview", "2d"));
    }

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(engineConfiguration())
            .assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    final UUID caseId = UUID.randomUUID();
    final UUID good = UUID.randomUUID();
    final UUID bad = UUID.randomUUID();

    static StandaloneInMemProcessEngineConfiguration engineConfiguration() {
        return ProcessTestSupport.engine("document-check-process-tests", beans);
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        reset(review, escalations, slaClock, documents);
        when(review.documentOfProcess(any(), any())).thenAnswer(a -> UUID.fromString(String.valueOf((Object) a.getArgument(0))));
        when(review.maxRounds()).thenReturn(2);
        when(review.requestDocument(any(), anyInt(), anyString(), any(DocumentGroup.class), any())).thenReturn(Instant.now().plus(3, ChronoUnit.DAYS));
        when(review.judgeChecks(good)).thenReturn(null);
        when(review.judgeChecks(bad)).thenReturn("ADDRESS_MATCH: the address differs");
        when(review.decide(any(), any())).thenAnswer(a -> ((ReviewDecision) a.getArgument(1)).approve()
                ? new DocumentReview.Decided(null, "ann")
                : new DocumentReview.Decided("We could not read it clearly. Note: blurry", "ann"));
        when(review.reviewSubject(any(), anyInt())).thenAnswer(a -> "passport"
                + ((int) a.getArgument(1) > 1 ? " (round " + a.getArgument(1) + ")" : ""));
        when(review.reviewerFor(any())).thenAnswer(a -> "ann".equals(a.getArgument(0)) ? "ann" : null);
    }

    ProcessInstance startWaiting() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "CASE-2026-000001",
                Variables.createVariables().putValue(CASE_ID, caseId.toString()).putValue(READING_PENDING, false).putValue(CASE_TYPE, "ACCOUNT_RECOVERY_2FA")
                        .putValue(HAS_DOCUMENT, false).putValue("documentGroup", "IDENTITY"));
        assertThat(pi).hasPassed(TASK_REQUEST_DOCUMENT).isWaitingAt(GATEWAY_AWAIT_DOCUMENT);
        return pi;
    }

    void send(ProcessInstance pi, UUID document) {
        runtimeService().createMessageCorrelation(MESSAGE_DOCUMENT_RECEIVED).processInstanceId(pi.getId())
                .setVariable(DOCUMENT_ID, document.toString()).correlate();
    }

    static Map<String, Object> approve() {
        return withVariables("nameAndAddressVisible", true, "issuerClear", true, DECISION, "APPROVE");
    }

    static Map<String, Object> reject() {
        return withVariables(DECISION, "REJECT", REJECTION_REASON, "ILLEGIBLE", REVIEW_NOTE, "blurry");
    }

    @Test
    void requestedDocumentPassesChecksAndIsApproved() {
        ProcessInstance pi = startWaiting();
        verify(review).requestDocument(eq(caseId), eq(0), contains("government ID"), eq(DocumentGroup.IDENTITY), eq(ClientMessages.RequestKind.FIRST));

        send(pi, good);
        assertThat(pi).hasPassed(TASK_RUN_CHECKS).isWaitingAt(TASK_REVIEW_DOCUMENT);
        assertThat(task(pi)).hasCandidateGroup("analyst");
        complete(task(pi), approve());

        assertThat(pi).isEnded().hasPassed(END_DOCUMENT_ACCEPTED).variables().containsEntry(DOCUMENT_ACCEPTED, true);
        verify(review).decide(eq(good), argThat(ReviewDecision::approve));
    }

    @Test
    void theCaseClockStandsStillWhileTheClientOwesTheDocument() {
        ProcessInstance pi = startWaiting();
        verify(slaClock).pause("CASE-2026-000001", pi.getId(), "Waiting for the client to send a new identity document");
        verify(slaClock, never()).resume(any(), any());

        send(pi, good);
        verify(slaClock).resume("CASE-2026-000001", pi.getId());
    }

    @Test
    void theCaseClockRunsAgainWhenTheClientStaysSilent() {
        ProcessInstance pi = startWaiting();
        execute(job(pi));
        assertThat(pi).isWaitingAt(TASK_FOLLOW_UP_CLIENT);
        verify(slaClock).resume("CASE-2026-000001", pi.getId());

        complete(task(pi), withVariables(FOLLOW_UP, "REMIND"));
        verify(slaClock, times(2)).pause(eq("CASE-2026-000001"), eq(pi.getId()), anyString());
    }

    @Test
    void aDocumentThatFailsAChecksIsRefusedAndTheClientAskedAgain() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "CASE-2026-000001",
                Variables.createVariables().putValue(CASE_ID, caseId.toString()).putValue(READING_PENDING, false).putValue(HAS_DOCUMENT, true)
                        .putValue(DOCUMENT_ID, bad.toString()));

        assertThat(pi).hasPassed(TASK_RUN_CHECKS, TASK_REQUEST_DOCUMENT).hasNotPassed(TASK_REVIEW_DOCUMENT)
                .isWaitingAt(GATEWAY_AWAIT_DOCUMENT);
        verify(review).requestDocument(eq(caseId), eq(1), contains("address differs"), any(DocumentGroup.class), eq(ClientMessages.RequestKind.REJECTED));

        send(pi, good);
        complete(task(pi), approve());
        assertThat(pi).isEnded().hasPassed(END_DOCUMENT_ACCEPTED);
    }

    @Test
    void reviewerRejectsThenTooManyRoundsGoToASeniorWhoGivesUp() {
        ProcessInstance pi = startWaiting();
        send(pi, good);
        complete(task(pi), reject());
        verify(review).decide(eq(good), argThat(d -> !d.approve() && d.reason() == RejectionReason.ILLEGIBLE
                && "blurry".equals(d.note())));
        assertThat(pi).isWaitingAt(GATEWAY_AWAIT_DOCUMENT);
        verify(review).requestDocument(eq(caseId), eq(1), contains("could not read it clearly"), any(DocumentGroup.class), eq(ClientMessages.RequestKind.REJECTED));

        send(pi, bad);
        assertThat(pi).isWaitingAt(TASK_SENIOR_REVIEW);
        assertThat(task(pi)).hasCandidateGroup("senior_analyst");

        complete(task(pi), withVariables(SENIOR_DECISION, "GIVE_UP"));
        assertThat(pi).isEnded().hasPassed(END_DOCUMENT_REFUSED).variables().containsEntry(DOCUMENT_ACCEPTED, false);
    }

    @Test
    void theClientsAnswerIsReviewedInATaskNamedForItsKindAndRoundByTheAnalystWhoAskedForIt() {
        ProcessInstance pi = startWaiting();
        send(pi, good);
        assertThat(task(pi)).hasName("Review passport");
        Assertions.assertThat(task(pi).getAssignee()).as("a first review is for the group").isNull();
        taskService().setAssignee(task(pi).getId(), "ann");
        complete(task(pi), reject());
        assertThat(pi).variables().containsEntry(REQUESTED_BY, "ann").doesNotContainKeys(DECISION, REJECTION_REASON,
                REVIEW_NOTE);

        send(pi, good);
        assertThat(pi).isWaitingAt(TASK_REVIEW_DOCUMENT);
        assertThat(task(pi)).hasName("Review passport (round 2)").isAssignedTo("ann");
        Assertions.assertThat(taskService().getIdentityLinksForTask(task(pi).getId()))
                .anyMatch(l -> "analyst".equals(l.getGroupId()));
        verify(review).reviewerFor("ann");
        complete(task(pi), approve());
        assertThat(pi).isEnded().hasPassed(END_DOCUMENT_ACCEPTED);
    }

    @Test
    void aReReviewGoesToTheGroupWhenItsAnalystMayNoLongerTakeIt() {
        ProcessInstance pi = startWaiting();
        send(pi, good);
        Mockito.doReturn(new DocumentReview.Decided("We could not read it clearly.", "bob")).when(review)
                .decide(any(), any());
        complete(task(pi), reject());
        send(pi, good);
        verify(review).reviewerFor("bob");
        assertThat(task(pi)).hasName("Review passport (round 2)");
        Assertions.assertThat(task(pi).getAssignee()).isNull();
    }

    @Test
    void seniorAllowsOneMoreRound() {
        ProcessInstance pi = startWaiting();
        send(pi, bad);
        send(pi, bad);
        assertThat(pi).isWaitingAt(TASK_SENIOR_REVIEW);

        complete(task(pi), withVariables(SENIOR_DECISION, "REQUEST_AGAIN"));
        verify(review).requestDocument(eq(caseId), eq(2), contains("address differs"), any(DocumentGroup.class), eq(ClientMessages.RequestKind.REJECTED));
        assertThat(pi).isWaitingAt(GATEWAY_AWAIT_DOCUMENT)
                .variables().containsEntry(MAX_ROUNDS, 3);

        send(pi, good);
        complete(task(pi), approve());
        assertThat(pi).isEnded().hasPassed(END_DOCUMENT_ACCEPTED);
    }

    @Test
    void silentClientIsRemindedThenGivenUpOn() {
        ProcessInstance pi = startWaiting();

        execute(job(pi));
        assertThat(pi).isWaitingAt(TASK_FOLLOW_UP_CLIENT);
        complete(task(pi), withVariables(FOLLOW_UP, "REMIND"));
        verify(review).requestDocument(eq(caseId), eq(0), contains("has not arrived"), any(DocumentGroup.class), eq(ClientMessages.RequestKind.REMINDER));
        assertThat(pi).isWaitingAt(GATEWAY_AWAIT_DOCUMENT);

        execute(job(pi));
        complete(task(pi), withVariables(FOLLOW_UP, "GIVE_UP"));
        assertThat(pi).isEnded().hasPassed(END_NO_DOCUMENT);
    }

    @Test
    void aDocumentArrivingDuringTheFollowUpEndsItAndIsCheckedWithoutAReminder() {
        ProcessInstance pi = startWaiting();
        execute(job(pi));
        assertThat(pi).isWaitingAt(TASK_FOLLOW_UP_CLIENT);
        String followUp = task(pi).getId();
        ProcessInstance ladder = ProcessTestSupport.ladderOf(processEngine, pi.getId(), TASK_FOLLOW_UP_CLIENT);
        Assertions.assertThat(managementService().createJobQuery()
                .processInstanceId(ladder.getId()).count()).as("the follow-up's three SLA timers").isEqualTo(3);

        send(pi, good);

        assertThat(pi).hasPassed("Event_DocumentArrivedDuringFollowUp", TASK_RUN_CHECKS)
                .hasNotPassed("Gateway_FollowUp").isWaitingAt(TASK_REVIEW_DOCUMENT);
        Assertions.assertThat(taskService().createTaskQuery().taskId(followUp).count())
                .as("the follow-up is gone").isZero();
        Assertions.assertThat(managementService().createJobQuery()
                .processInstanceId(ladder.getId()).count()).as("the follow-up's SLA timers went with it").isZero();
        assertThat(ladder).isEnded();
        verify(review, never()).requestDocument(any(), anyInt(), anyString(), any(DocumentGroup.class),
                eq(ClientMessages.RequestKind.REMINDER));
        complete(task(pi), approve());
        assertThat(pi).isEnded().hasPassed(END_DOCUMENT_ACCEPTED);
        verify(review).decide(eq(good), argThat(ReviewDecision::approve));
    }

    int moveClockTo(String instant, ProcessInstance pi) {
        return ProcessTestSupport.runJobsDueAt(processEngine, instant, pi.getId());
    }

    @Test
    void aLateReviewIsWarnedThenOfferedToSeniorsThenToManagersAsTheClockMoves() {
        // Monday 23 November 2026, 10:00 (business hours 09:00-17:00 UTC here); the review's policy is 1 business day
        ProcessTestSupport.setEngineClock("2026-11-23T10:00:00Z");
        ProcessInstance pi = startWaiting();
        send(pi, good);
        var review = task(pi);
        ProcessInstance ladder = ProcessTestSupport.ladderOf(processEngine, pi.getId(), TASK_REVIEW_DOCUMENT);
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(ladder.getId())
                .activityId("Event_SlaBreached").singleResult().getDuedate().toInstant())
                .isEqualTo("2026-11-24T10:00:00Z");

        // 75 % of 8 business hours = 6 hours: Monday 16:00; nothing before
        Assertions.assertThat(moveClockTo("2026-11-23T15:59:00Z", pi)).isZero();
        Assertions.assertThat(moveClockTo("2026-11-23T16:01:00Z", pi)).isOne();
        verify(escalations).record("CASE-2026-000001", review.getId(), "Review passport", Escalation.Level.WARNING, null);
        assertThat(task(pi)).hasCandidateGroup("analyst");
        verify(escalations, never()).record(any(), any(), any(), eq(Escalation.Level.SENIOR_ANALYSTS), any());

        // due Tuesday 10:00: offered to the senior analysts
        moveClockTo("2026-11-24T10:01:00Z", pi);
        assertThat(task(pi)).hasCandidateGroup("senior_analyst");
        verify(escalations).record("CASE-2026-000001", review.getId(), "Review passport", Escalation.Level.SENIOR_ANALYSTS, null);
        verify(escalations, never()).record(any(), any(), any(), eq(Escalation.Level.MANAGERS), any());

        // one further business day: Wednesday 10:00, offered to managers
        moveClockTo("2026-11-25T10:01:00Z", pi);
        assertThat(task(pi)).hasCandidateGroup("manager");
        verify(escalations).record("CASE-2026-000001", review.getId(), "Review passport", Escalation.Level.MANAGERS, null);
        assertThat(ladder).isEnded().hasPassed("EndEvent_Warned", "EndEvent_EscalatedToSeniors",
                "EndEvent_EscalatedToManagers");
        assertThat(pi).hasPassed("EndEvent_ReviewDocumentSlaDone").isWaitingAt(TASK_REVIEW_DOCUMENT);

        complete(task(pi), approve());
        assertThat(pi).isEnded().hasPassed(END_DOCUMENT_ACCEPTED);
    }

    @Test
    void aLateFollowUpWithASilentClientIsWarnedThenEscalatedTwice() {
        // Monday 23 November 2026, 10:00 UTC; following up is due within 4 business hours
        ProcessTestSupport.setEngineClock("2026-11-23T10:00:00Z");
        ProcessInstance pi = startWaiting();
        execute(job(pi));
        assertThat(pi).isWaitingAt(TASK_FOLLOW_UP_CLIENT);
        var followUp = task(pi);
        ProcessInstance ladder = ProcessTestSupport.ladderOf(processEngine, pi.getId(), TASK_FOLLOW_UP_CLIENT);

        Assertions.assertThat(moveClockTo("2026-11-23T12:59:00Z", pi)).isZero();
        Assertions.assertThat(moveClockTo("2026-11-23T13:01:00Z", pi)).isOne();
        verify(escalations).record("CASE-2026-000001", followUp.getId(), "Follow up with silent client",
                Escalation.Level.WARNING, null);
        Assertions.assertThat(moveClockTo("2026-11-23T14:01:00Z", pi)).isOne();
        assertThat(task(pi)).hasCandidateGroup("senior_analyst");
        // 4 business hours after the breach: 3 on Monday, 1 on Tuesday morning
        Assertions.assertThat(moveClockTo("2026-11-24T09:59:00Z", pi)).isZero();
        Assertions.assertThat(moveClockTo("2026-11-24T10:01:00Z", pi)).isOne();
        assertThat(task(pi)).hasCandidateGroup("manager");
        assertThat(ladder).isEnded().hasPassed("EndEvent_Warned", "EndEvent_EscalatedToSeniors",
                "EndEvent_EscalatedToManagers");

        complete(task(pi), withVariables(FOLLOW_UP, "GIVE_UP"));
        assertThat(pi).isEnded().hasPassed(END_NO_DOCUMENT);
    }

    @Test
    void aLateDecisionOnRepeatedRejectionsGoesToManagers() {
        ProcessTestSupport.setEngineClock("2026-11-23T10:00:00Z");
        ProcessInstance pi = startWaiting();
        send(pi, bad);
        send(pi, bad);
        assertThat(pi).isWaitingAt(TASK_SENIOR_REVIEW);
        var decision = task(pi);
        ProcessInstance ladder = ProcessTestSupport.ladderOf(processEngine, pi.getId(), TASK_SENIOR_REVIEW);

        // 2 business days: warned after 12 business hours (Tuesday 14:00), due Wednesday 10:00, managers two
        // business days later (Thanksgiving off): Monday 30 November 10:00
        Assertions.assertThat(moveClockTo("2026-11-24T13:59:00Z", pi)).isZero();
        Assertions.assertThat(moveClockTo("2026-11-24T14:01:00Z", pi)).isOne();
        Assertions.assertThat(moveClockTo("2026-11-25T10:01:00Z", pi)).isOne();
        verify(escalations).record("CASE-2026-000001", decision.getId(), "Decide on repeated rejections",
                Escalation.Level.SENIOR_ANALYSTS, null);
        Assertions.assertThat(moveClockTo("2026-11-27T10:01:00Z", pi)).isZero();
        Assertions.assertThat(moveClockTo("2026-11-30T10:01:00Z", pi)).isOne();
        assertThat(task(pi)).hasCandidateGroup("manager");
        verify(escalations).record("CASE-2026-000001", decision.getId(), "Decide on repeated rejections",
                Escalation.Level.MANAGERS, null);
        assertThat(ladder).isEnded().hasPassed("EndEvent_Warned", "EndEvent_EscalatedToSeniors",
                "EndEvent_EscalatedToManagers");

        complete(task(pi), withVariables(SENIOR_DECISION, "GIVE_UP"));
        assertThat(pi).isEnded().hasPassed(END_DOCUMENT_REFUSED);
    }

    @Test
    void aDocumentNotReadOnUploadIsReadInAJobBeforeItsChecksAndNoReviewTaskExistsBefore() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "CASE-2026-000001",
                Variables.createVariables().putValue(CASE_ID, caseId.toString()).putValue(HAS_DOCUMENT, true)
                        .putValue(DOCUMENT_ID, good.toString()).putValue(READING_PENDING, true));

        assertThat(pi).isWaitingAt(TASK_READ_DOCUMENT).hasNotPassed(TASK_RUN_CHECKS);
        Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        verify(review, never()).judgeChecks(any());
        verify(documents, never()).readInBackground(any());

        execute(job(pi));
        verify(documents).readInBackground(good);
        assertThat(pi).hasPassed(TASK_READ_DOCUMENT, TASK_RUN_CHECKS).isWaitingAt(TASK_REVIEW_DOCUMENT)
                .variables().containsEntry(READING_PENDING, false);
        verify(review).judgeChecks(good);
        complete(task(pi), approve());
        assertThat(pi).isEnded().hasPassed(END_DOCUMENT_ACCEPTED);
    }

    @Test
    void aRequestedDocumentStillBeingReadWaitsForItsJobAndAReadOneGoesStraightToItsChecks() {
        ProcessInstance pi = startWaiting();
        runtimeService().createMessageCorrelation(MESSAGE_DOCUMENT_RECEIVED).processInstanceId(pi.getId())
                .setVariable(DOCUMENT_ID, bad.toString()).setVariable(READING_PENDING, true).correlate();
        assertThat(pi).isWaitingAt(TASK_READ_DOCUMENT);
        Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();

        execute(job(pi));
        verify(documents).readInBackground(bad);
        assertThat(pi).hasPassed(TASK_RUN_CHECKS).isWaitingAt(GATEWAY_AWAIT_DOCUMENT);
        verify(review).requestDocument(eq(caseId), eq(1), contains("address differs"), any(DocumentGroup.class),
                eq(ClientMessages.RequestKind.REJECTED));

        runtimeService().createMessageCorrelation(MESSAGE_DOCUMENT_RECEIVED).processInstanceId(pi.getId())
                .setVariable(DOCUMENT_ID, good.toString()).setVariable(READING_PENDING, false).correlate();
        assertThat(pi).isWaitingAt(TASK_REVIEW_DOCUMENT);
        verify(documents, never()).readInBackground(good);
    }
}
