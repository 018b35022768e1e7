package dev.attest.screening.process;

import static dev.attest.screening.process.ScreeningProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
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
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.attest.ProcessTestSupport;
import dev.attest.cases.CaseProgress;
import dev.attest.screening.ScreeningFourEyesException;
import dev.attest.screening.ScreeningReview;
import dev.attest.screening.ScreeningTrigger;

/** Every path of {@code bpmn/screening.bpmn}, with the four-eyes rule. */
@Deployment(resources = "bpmn/screening.bpmn")
class ScreeningProcessTests {

    static final ScreeningReview review = mock(ScreeningReview.class);
    static final CaseProgress cases = ProcessTestSupport.scopeCases(mock(CaseProgress.class));
    static final Map<Object, Object> beans = new HashMap<>();

    static {
        beans.put("screenSubjectsDelegate", new ScreenSubjectsDelegate(review, cases));
        beans.put("screeningHitsReviewedListener", new ScreeningHitsReviewedListener(review, cases));
        beans.put("trueMatchConfirmedListener", new TrueMatchConfirmedListener(review, cases));
    }

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(engineConfiguration())
            .assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    final UUID caseId = UUID.randomUUID();

    static StandaloneInMemProcessEngineConfiguration engineConfiguration() {
        return ProcessTestSupport.engine("screening-process-tests", beans);
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        reset(review);
        if (repositoryService().createProcessDefinitionQuery().processDefinitionKey("ScreeningCaller").count() == 0) {
            repositoryService().createDeployment().addModelInstance("screening-caller.bpmn",
                    org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("ScreeningCaller")
                            .camundaHistoryTimeToLive(1).startEvent().callActivity("CallActivity_Screening")
                            .calledElement(KEY).camundaInBusinessKey("#{execution.processBusinessKey}")
                            .camundaIn(CASE_ID, CASE_ID).camundaIn(TRIGGER, TRIGGER)
                            .camundaIn(OWNERSHIP_VERSION, OWNERSHIP_VERSION).camundaOut(CLEARED, "cleared")
                            .endEvent().done()).deploy();
        }
    }

    ProcessInstance start(ScreeningTrigger trigger, int hits) {
        when(review.screenCase(caseId, trigger, 0)).thenReturn(new ScreeningReview.Outcome(7L, hits));
        return runtimeService().startProcessInstanceByKey(KEY, "CASE-2026-000001", Variables.createVariables()
                .putValue(CASE_ID, caseId.toString()).putValue(TRIGGER, trigger.name()));
    }

    void review(ProcessInstance pi, String analyst, boolean trueMatch) {
        assertThat(pi).isWaitingAt(TASK_REVIEW_HITS);
        assertThat(task(pi)).hasCandidateGroup("analyst");
        when(review.decide(eq(caseId), eq(7L), any(), eq(analyst))).thenReturn(trueMatch);
        taskService().claim(task(pi).getId(), analyst);
        complete(task(pi), withVariables("decision_1", trueMatch ? "TRUE_MATCH" : "FALSE_POSITIVE", "reason_1",
                "date of birth differs"));
    }

    @Test
    void noPotentialHitsPassesStraightOn() {
        ProcessInstance pi = start(ScreeningTrigger.INTAKE, 0);

        assertThat(pi).isEnded().hasPassed(TASK_SCREEN_SUBJECTS, END_CLEARED).hasNotPassed(TASK_REVIEW_HITS)
                .variables().containsEntry(CLEARED, true).containsEntry(RUN_ID, 7L);
        verify(review).screenCase(caseId, ScreeningTrigger.INTAKE, 0);
    }

    @Test
    void hitsAllJudgedFalsePositiveClearTheCase() {
        ProcessInstance pi = start(ScreeningTrigger.INTAKE, 2);
        review(pi, "analyst", false);

        assertThat(pi).isEnded().hasPassed(END_FALSE_POSITIVES).hasNotPassed(TASK_CONFIRM_MATCH).variables()
                .containsEntry(CLEARED, true);
        verify(review).decide(eq(caseId), eq(7L), any(), eq("analyst"));
        verify(review, never()).confirm(any(), anyLong(), anyBoolean(), any(), any());
    }

    @Test
    void aTrueMatchConfirmedByASecondSeniorAnalystSendsTheCaseToTheSpecialist() {
        when(review.screenCase(caseId, ScreeningTrigger.OWNERSHIP, 3)).thenReturn(new ScreeningReview.Outcome(7L, 1));
        ProcessInstance caller = runtimeService().startProcessInstanceByKey("ScreeningCaller", "CASE-2026-000001",
                Variables.createVariables().putValue(CASE_ID, caseId.toString()).putValue(TRIGGER, "OWNERSHIP")
                        .putValue("ownershipVersion", 3));
        ProcessInstance pi = calledBy(caller);
        Assertions.assertThat(pi).as("the process only runs when deployed with its caller").isNotNull();
        assertThat(pi).isWaitingAt(TASK_REVIEW_HITS);
        review(pi, "analyst", true);

        assertThat(pi).isWaitingAt(TASK_CONFIRM_MATCH);
        assertThat(task(pi)).hasCandidateGroup("senior_analyst");
        taskService().claim(task(pi).getId(), "senior");
        complete(task(pi), withVariables(CONFIRMATION, "CONFIRM", CONFIRMATION_REASON, "same passport number"));

        assertThat(pi).isEnded().hasPassed(END_TRUE_MATCH).variables().containsEntry(CLEARED, false);
        assertThat(caller).isEnded().variables().containsEntry("cleared", false);
        verify(review).confirm(caseId, 7L, true, "same passport number", "senior");
    }

    @Test
    void aTrueMatchOverturnedByTheSecondReviewerClearsTheCase() {
        ProcessInstance pi = start(ScreeningTrigger.INTAKE, 1);
        review(pi, "analyst", true);
        taskService().claim(task(pi).getId(), "senior");
        complete(task(pi), withVariables(CONFIRMATION, "OVERTURN", CONFIRMATION_REASON, "different person"));

        assertThat(pi).isEnded().hasPassed(END_OVERTURNED).variables().containsEntry(CLEARED, true);
        verify(review).confirm(caseId, 7L, false, "different person", "senior");
    }

    @Test
    void theAnalystWhoJudgedTheMatchCannotConfirmIt() {
        ProcessInstance pi = start(ScreeningTrigger.INTAKE, 1);
        review(pi, "analyst", true);
        doThrow(new ScreeningFourEyesException()).when(review).confirm(eq(caseId), eq(7L), anyBoolean(), anyString(),
                eq("analyst"));
        taskService().claim(task(pi).getId(), "analyst");

        Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables(CONFIRMATION, "CONFIRM",
                CONFIRMATION_REASON, "it is him"))).hasRootCauseInstanceOf(ScreeningFourEyesException.class)
                .hasMessageContaining("Four eyes");
        assertThat(pi).isWaitingAt(TASK_CONFIRM_MATCH);
    }

    @Test
    void aListUpdateReviewsTheRecordedHitsAndAConfirmedMatchGoesToItsOwnSpecialistReview() {
        when(review.undecided(9L)).thenReturn(List.of(mock(dev.attest.screening.CaseScreening.Hit.class)));
        when(review.decide(eq(caseId), eq(9L), any(), eq("analyst"))).thenReturn(true);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "CASE-2026-000001", Variables
                .createVariables().putValue(CASE_ID, caseId.toString()).putValue(TRIGGER, "LIST_UPDATE")
                .putValue(RUN_ID, 9L));
        assertThat(pi).isWaitingAt(TASK_REVIEW_HITS).variables().containsEntry(CALLED, false);
        verify(review, never()).screenCase(any(), any(), org.mockito.ArgumentMatchers.anyInt());
        taskService().claim(task(pi).getId(), "analyst");
        complete(task(pi), withVariables("decision_1", "TRUE_MATCH", "reason_1", "same date of birth"));
        taskService().claim(task(pi).getId(), "senior");
        complete(task(pi), withVariables(CONFIRMATION, "CONFIRM", CONFIRMATION_REASON, "confirmed"));

        assertThat(pi).isWaitingAt(TASK_SPECIALIST_REVIEW);
        assertThat(task(pi)).hasCandidateGroup("senior_analyst");
        complete(task(pi), withVariables("specialistNote", "account frozen, case referred"));
        assertThat(pi).isEnded().hasPassed(END_SPECIALIST_REVIEWED);
    }

    ProcessInstance calledBy(ProcessInstance caller) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId()).singleResult();
    }
}
