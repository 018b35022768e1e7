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

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.attest.ownership.FourEyesViolationException;
import dev.attest.ownership.OwnershipReview;

/** Every path of {@code bpmn/beneficial-ownership.bpmn}. */
@Deployment(resources = "bpmn/beneficial-ownership.bpmn")
class BeneficialOwnershipProcessTests {

    static final OwnershipReview review = mock(OwnershipReview.class);
    static final Map<Object, Object> beans = new HashMap<>();

    static {
        beans.put("analyseOwnershipDelegate", new AnalyseOwnershipDelegate(review));
        beans.put("requestOwnershipDocumentsDelegate", new RequestOwnershipDocumentsDelegate(review));
        beans.put("recordOwnershipApprovalDelegate", new RecordOwnershipApprovalDelegate(review));
        beans.put("ownershipConfirmedListener", new OwnershipConfirmedListener());
    }

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(engineConfiguration())
            .assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;
    final UUID caseId = UUID.randomUUID();

    static StandaloneInMemProcessEngineConfiguration engineConfiguration() {
        return dev.attest.ProcessTestSupport.engine("beneficial-ownership-process-tests", beans);
    }

    static final OwnershipReview.State NONE = new OwnershipReview.State(false, 0, false, null);
    static final OwnershipReview.State READY = new OwnershipReview.State(true, 1, false, null);
    static final OwnershipReview.State NEEDS = new OwnershipReview.State(true, 1, true, "Holding has no recorded owners");

    @BeforeEach
    void setUp() {
        init(processEngine);
        reset(review);
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
        assertThat(pi).isEnded().hasPassed(END_OWNERS_APPROVED);
        verify(review).approve(caseId, 1, "analyst");
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

        recorded(pi);
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

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task(pi), withVariables(APPROVAL, "APPROVE")))
                .isInstanceOf(FourEyesViolationException.class);
        assertThat(pi).isWaitingAt(TASK_APPROVE_OWNERS);
    }
}
