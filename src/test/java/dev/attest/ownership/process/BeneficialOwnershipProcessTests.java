package dev.attest.ownership.process;

import static dev.attest.ownership.process.BeneficialOwnershipProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
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

import dev.attest.ProcessTestSupport;
import dev.attest.cases.CaseProgress;
import dev.attest.ownership.FourEyesViolationException;
import dev.attest.ownership.OwnershipReview;
import dev.attest.sla.Escalation;
import dev.attest.sla.Escalations;
import dev.attest.sla.SlaClock;

/** Every path of {@code bpmn/beneficial-ownership.bpmn}. */
@Deployment(resources = {"bpmn/beneficial-ownership.bpmn", "bpmn/sla-escalation.bpmn"})
@ExtendWith(ProcessTestSupport.ResetEngineClock.class)
class BeneficialOwnershipProcessTests {

    static final OwnershipReview review = mock(OwnershipReview.class);
    static final Escalations escalations = mock(Escalations.class);
    static final SlaClock slaClock = mock(SlaClock.class);
    static final CaseProgress cases = ProcessTestSupport.scopeCases(
            mock(CaseProgress.class));
    static final Map<Object, Object> beans = new HashMap<>();
    static final java.util.List<String> screenedVersions = new java.util.ArrayList<>();
    static volatile boolean screeningCleared = true;

    static {
        beans.put("analyseOwnershipDelegate", new AnalyseOwnershipDelegate(review, cases));
        beans.put("requestOwnershipDocumentsDelegate", new RequestOwnershipDocumentsDelegate(review, cases));
        beans.put("recordOwnershipApprovalDelegate", new RecordOwnershipApprovalDelegate(review, cases));
        beans.put("ownershipConfirmedListener", new OwnershipConfirmedListener());
        // the called Screening process, as a step that answers what the test says (it is tested on its own)
        beans.put("screeningStub", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
            screenedVersions.add(String.valueOf(execution.getVariable("screeningTrigger")) + " "
                    + execution.getVariable("ownershipVersion"));
            execution.setVariable("screeningCleared", screeningCleared);
        });
        ProcessTestSupport.putSlaBeans(beans, escalations, slaClock,
                Map.of("Task_ConfirmOwners", "1d", "Task_ApproveOwners", "1d"));
    }

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(engineConfiguration())
            .assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    final UUID caseId = UUID.randomUUID();

    static StandaloneInMemProcessEngineConfiguration engineConfiguration() {
        return ProcessTestSupport.engine("beneficial-ownership-process-tests", beans);
    }

    static final OwnershipReview.State NONE = new OwnershipReview.State(false, 0, false, null);
    static final OwnershipReview.State READY = new OwnershipReview.State(true, 1, false, null);
    static final OwnershipReview.State NEEDS = new OwnershipReview.State(true, 1, true, "Holding has no recorded owners");

    @BeforeEach
    void setUp() {
        init(processEngine);
        reset(review, escalations, slaClock);
        screenedVersions.clear();
        screeningCleared = true;
        if (repositoryService().createProcessDefinitionQuery().processDefinitionKey("Screening").count() == 0) {
            repositoryService().createDeployment().addModelInstance("screening-stub.bpmn",
                    org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("Screening").camundaHistoryTimeToLive(1)
                            .startEvent().serviceTask("Task_StubScreening")
                            .camundaDelegateExpression("${screeningStub}").endEvent().done()).deploy();
        }
        when(review.requestDocuments(any(), anyString())).thenReturn(Instant.now().plus(3, ChronoUnit.DAYS));
    }

    ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "CASE-2026-000001",
                Variables.createVariables().putValue(CASE_ID, caseId.toString()));
        assertThat(pi).isWaitingAt(TASK_RECORD_STRUCTURE);
        assertThat(task(pi)).hasCandidateGroup("analyst");
        return pi;
    }

    void recorded(ProcessInstance pi) {
        runtimeService().createMessageCorrelation(MESSAGE_OWNERSHIP_RECORDED).processInstanceId(pi.getId()).correlate();
    }

    void confirmAndApprove(ProcessInstance pi) {
        assertThat(pi).isWaitingAt(TASK_CONFIRM_OWNERS);
        taskService().claim(task(pi).getId(), "analyst");
        complete(task(pi), withVariables("ownersConfirmed", true));
        assertThat(pi).isWaitingAt(TASK_APPROVE_OWNERS);
        assertThat(task(pi)).hasCandidateGroup("senior_analyst");
        complete(task(pi), withVariables(APPROVAL, "APPROVE"));
    }

    @Test
    void recordedStructureIsConfirmedAndApprovedByASecondPerson() {
        when(review.analyse(caseId)).thenReturn(READY);
        ProcessInstance pi = start();
        recorded(pi);
        assertThat(pi).hasPassed(EVENT_STRUCTURE_RECORDED, TASK_ANALYSE_STRUCTURE);

        confirmAndApprove(pi);
        assertThat(pi).isEnded().hasPassed(END_OWNERS_APPROVED).hasPassed("CallActivity_ScreenOwners");
        verify(review).approve(caseId, 1, "analyst");
        Assertions.assertThat(screenedVersions).containsExactly("OWNERSHIP 1");
    }

    @Test
    void aConfirmedSanctionsMatchOnAnOwnerEndsTheTracingForTheSpecialist() {
        when(review.analyse(caseId)).thenReturn(READY);
        screeningCleared = false;
        ProcessInstance pi = start();
        recorded(pi);

        assertThat(pi).isEnded().hasPassed("CallActivity_ScreenOwners", "EndEvent_SanctionsMatch")
                .hasNotPassed(TASK_CONFIRM_OWNERS).variables().containsEntry("ownersScreeningCleared", false);
        verify(review, never()).approve(any(), anyInt(), anyString());
    }

    @Test
    void completingTheRecordTaskWithoutAStructureAsksAgain() {
        when(review.analyse(caseId)).thenReturn(NONE, READY);
        ProcessInstance pi = start();
        complete(task(pi));
        assertThat(pi).isWaitingAt(TASK_RECORD_STRUCTURE);
        complete(task(pi));
        confirmAndApprove(pi);
        assertThat(pi).isEnded();
    }

    @Test
    void findingsAskTheClientAndAnUpdatedStructureIsAnalysedAgain() {
        when(review.analyse(caseId)).thenReturn(NEEDS, READY, READY);
        ProcessInstance pi = start();
        recorded(pi);
        assertThat(pi).hasPassed(TASK_REQUEST_DOCUMENTS).isWaitingAt(GATEWAY_AWAIT_CLIENT);
        verify(review).requestDocuments(caseId, "Holding has no recorded owners");

        verify(slaClock).pause("CASE-2026-000001", pi.getId(), "Waiting for the client");
        recorded(pi);
        verify(slaClock).resume("CASE-2026-000001", pi.getId());
        assertThat(pi).isWaitingAt(TASK_CONFIRM_OWNERS);
        taskService().claim(task(pi).getId(), "analyst");
        complete(task(pi), withVariables("ownersConfirmed", true));
        complete(task(pi), withVariables(APPROVAL, "RETURN"));
        assertThat(pi).isWaitingAt(TASK_RECORD_STRUCTURE);
        verify(review, never()).approve(any(), anyInt(), any());

        complete(task(pi));
        confirmAndApprove(pi);
        assertThat(pi).isEnded();
    }

    @Test
    void aSilentClientLeavesTheAnalystToConfirmWithTheFindings() {
        when(review.analyse(caseId)).thenReturn(NEEDS);
        ProcessInstance pi = start();
        recorded(pi);
        execute(job(pi));
        confirmAndApprove(pi);
        assertThat(pi).isEnded();
    }

    @Test
    void theConfirmingAnalystCannotApprove() {
        when(review.analyse(caseId)).thenReturn(READY);
        doThrow(new FourEyesViolationException()).when(review).approve(eq(caseId), eq(1), eq("analyst"));
        ProcessInstance pi = start();
        recorded(pi);
        taskService().claim(task(pi).getId(), "analyst");
        complete(task(pi), withVariables("ownersConfirmed", true));

        Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables(APPROVAL, "APPROVE")))
                .isInstanceOf(FourEyesViolationException.class);
        assertThat(pi).isWaitingAt(TASK_APPROVE_OWNERS);
    }

    int moveClockTo(String instant, ProcessInstance pi) {
        return ProcessTestSupport.runJobsDueAt(processEngine, instant, pi.getId());
    }

    @Test
    void lateConfirmationAndApprovalAreWarnedThenEscalatedTwice() {
        // Monday 23 November 2026, 10:00 UTC; both review tasks are due after one business day
        ProcessTestSupport.setEngineClock("2026-11-23T10:00:00Z");
        when(review.analyse(caseId)).thenReturn(READY);
        ProcessInstance pi = start();
        recorded(pi);
        var confirm = task(pi);
        ProcessInstance confirmLadder = ProcessTestSupport.ladderOf(processEngine, pi.getId(), TASK_CONFIRM_OWNERS);
        Assertions.assertThat(moveClockTo("2026-11-23T15:59:00Z", pi)).isZero();
        Assertions.assertThat(moveClockTo("2026-11-23T16:01:00Z", pi)).isOne();
        verify(escalations).record("CASE-2026-000001", confirm.getId(), "Confirm beneficial owners", Escalation.Level.WARNING, null);
        Assertions.assertThat(moveClockTo("2026-11-24T10:01:00Z", pi)).isOne();
        assertThat(task(pi)).hasCandidateGroup("senior_analyst");
        Assertions.assertThat(moveClockTo("2026-11-25T10:01:00Z", pi)).isOne();
        assertThat(task(pi)).hasCandidateGroup("manager");
        verify(escalations).record("CASE-2026-000001", confirm.getId(), "Confirm beneficial owners", Escalation.Level.MANAGERS, null);
        assertThat(confirmLadder).isEnded().hasPassed("EndEvent_Warned", "EndEvent_EscalatedToSeniors",
                "EndEvent_EscalatedToManagers");

        taskService().claim(confirm.getId(), "analyst");
        complete(task(pi), withVariables("ownersConfirmed", true));
        var approve = task(pi);
        ProcessInstance approveLadder = ProcessTestSupport.ladderOf(processEngine, pi.getId(), TASK_APPROVE_OWNERS);
        // created Wednesday 10:01: warned at 16:01; Thanksgiving (Thursday) is a holiday, so due Friday 10:01
        Assertions.assertThat(moveClockTo("2026-11-25T16:02:00Z", pi)).isOne();
        verify(escalations).record("CASE-2026-000001", approve.getId(), "Approve beneficial owners (four eyes)",
                Escalation.Level.WARNING, null);
        Assertions.assertThat(moveClockTo("2026-11-26T16:00:00Z", pi)).isZero();
        Assertions.assertThat(moveClockTo("2026-11-27T10:02:00Z", pi)).isOne();
        verify(escalations).record("CASE-2026-000001", approve.getId(), "Approve beneficial owners (four eyes)",
                Escalation.Level.SENIOR_ANALYSTS, null);
        Assertions.assertThat(moveClockTo("2026-11-30T10:02:00Z", pi)).isOne();
        assertThat(task(pi)).hasCandidateGroup("manager");
        assertThat(approveLadder).isEnded().hasPassed("EndEvent_Warned", "EndEvent_EscalatedToSeniors",
                "EndEvent_EscalatedToManagers");

        complete(task(pi), withVariables(APPROVAL, "APPROVE"));
        assertThat(pi).isEnded().hasPassed(END_OWNERS_APPROVED);
    }
}
