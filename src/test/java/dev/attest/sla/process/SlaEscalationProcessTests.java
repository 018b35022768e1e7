package dev.attest.sla.process;

import static dev.attest.sla.process.SlaEscalationProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.attest.ProcessTestSupport;
import dev.attest.sla.Escalation;
import dev.attest.sla.Escalations;
import dev.attest.sla.SlaClock;

/**
 * Every path of {@code bpmn/sla-escalation.bpmn}, the escalation ladder modelled once, attached to a task as the case
 * processes attach it (a sub-process runs the task and calls the ladder beside it, and ends the ladder when the task
 * ends): the three steps on the engine's clock at the dates of the task type's policy, and a task done in time that
 * takes its ladder with it. Process versions deployed before the ladder (boundary timers on the task) still escalate.
 */
@Deployment(resources = {"bpmn/sla-escalation.bpmn", "dev/attest/sla/process/sla-caller.bpmn",
        "dev/attest/sla/process/sla-boundary-timers.bpmn"})
@ExtendWith(ProcessTestSupport.ResetEngineClock.class)
class SlaEscalationProcessTests {

    static final Escalations escalations = mock(Escalations.class);
    static final SlaClock slaClock = mock(SlaClock.class);
    static final Map<Object, Object> beans = new HashMap<>();

    static {
        // one business day each (09:00-17:00 UTC): warned after 6 hours, due the next day, managers a day later
        ProcessTestSupport.putSlaBeans(beans, escalations, slaClock, Map.of("Task_Work", "1d", "Task_Old", "1d"));
    }

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(engineConfiguration())
            .assertClassCoverageAtLeast(1.0).build();

    ProcessEngine processEngine;

    static StandaloneInMemProcessEngineConfiguration engineConfiguration() {
        return ProcessTestSupport.engine("sla-escalation-process-tests", beans);
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        reset(escalations, slaClock);
        // Monday 23 November 2026, 10:00 UTC
        ProcessTestSupport.setEngineClock("2026-11-23T10:00:00Z");
    }

    int moveClockTo(String instant, ProcessInstance pi) {
        return ProcessTestSupport.runJobsDueAt(processEngine, instant, pi.getId());
    }

    Instant due(ProcessInstance ladder, String timer) {
        return managementService().createJobQuery().processInstanceId(ladder.getId()).activityId(timer).singleResult()
                .getDuedate().toInstant();
    }

    @Test
    void theLadderSetsItsThreeTimersWhenTheTaskStartsAndClimbsThemAsTheClockMoves() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("SlaCaller", "CASE-2026-000009");
        assertThat(pi).isWaitingAt("Task_Work", "CallActivity_WorkSla");
        var work = task(pi);
        ProcessInstance ladder = ProcessTestSupport.ladderOf(processEngine, pi.getId(), "Task_Work");
        assertThat(ladder).hasBusinessKey("CASE-2026-000009")
                .isWaitingAt(EVENT_WARNING, EVENT_BREACHED, EVENT_SECOND_ESCALATION);
        Assertions.assertThat(due(ladder, EVENT_WARNING)).isEqualTo("2026-11-23T16:00:00Z");
        Assertions.assertThat(due(ladder, EVENT_BREACHED)).isEqualTo("2026-11-24T10:00:00Z");
        Assertions.assertThat(due(ladder, EVENT_SECOND_ESCALATION)).isEqualTo("2026-11-25T10:00:00Z");

        Assertions.assertThat(moveClockTo("2026-11-23T15:59:00Z", pi)).isZero();
        Assertions.assertThat(moveClockTo("2026-11-23T16:01:00Z", pi)).isOne();
        verify(escalations).record("CASE-2026-000009", work.getId(), "Work", Escalation.Level.WARNING, null);
        assertThat(task(pi)).hasCandidateGroup("analyst");
        Assertions.assertThat(taskService().getVariableLocal(work.getId(), SlaEscalationDelegate.ESCALATED_VARIABLE))
                .as("a warning is no escalation").isNull();

        Assertions.assertThat(moveClockTo("2026-11-24T10:01:00Z", pi)).isOne();
        verify(escalations).record("CASE-2026-000009", work.getId(), "Work", Escalation.Level.SENIOR_ANALYSTS, null);
        assertThat(task(pi)).hasCandidateGroup("senior_analyst");
        Assertions.assertThat(taskService().getVariableLocal(work.getId(), SlaEscalationDelegate.ESCALATED_VARIABLE))
                .isEqualTo(true);
        verify(escalations, never()).record(any(), any(), any(), eq(Escalation.Level.MANAGERS), any());

        Assertions.assertThat(moveClockTo("2026-11-25T10:01:00Z", pi)).isOne();
        verify(escalations).record("CASE-2026-000009", work.getId(), "Work", Escalation.Level.MANAGERS, null);
        assertThat(task(pi)).hasCandidateGroup("manager");
        assertThat(ladder).isEnded().hasPassed(TASK_WARN, END_WARNED, TASK_ESCALATE_TO_SENIORS,
                END_ESCALATED_TO_SENIORS, TASK_ESCALATE_TO_MANAGERS, END_ESCALATED_TO_MANAGERS);
        assertThat(pi).hasPassed("EndEvent_WorkSlaDone").isWaitingAt("Task_Work");

        complete(task(pi));
        assertThat(pi).isEnded().hasPassed("EndEvent_WorkDone", "EndEvent_Ended");
    }

    @Test
    void aTaskDoneInTimeEndsItsLadderAndNothingIsEscalated() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("SlaCaller", "CASE-2026-000009");
        ProcessInstance ladder = ProcessTestSupport.ladderOf(processEngine, pi.getId(), "Task_Work");
        Assertions.assertThat(moveClockTo("2026-11-23T15:00:00Z", pi)).isZero();

        complete(task(pi));

        assertThat(pi).isEnded().hasPassed("EndEvent_WorkDone").hasNotPassed("EndEvent_WorkSlaDone");
        assertThat(ladder).isEnded().hasNotPassed(TASK_WARN);
        Assertions.assertThat(managementService().createJobQuery().count()).as("no SLA timer is left").isZero();
        verify(escalations, never()).record(any(), any(), any(), any(), any());
    }

    @Test
    void runningInstancesOfVersionsWithBoundaryTimersStillEscalateTheirOwnTask() {
        ProcessInstance caller = runtimeService().startProcessInstanceByKey("SlaBoundaryCaller", "CASE-2026-000010");
        ProcessInstance old = calledProcessInstance(caller);
        var work = task(old);

        Assertions.assertThat(moveClockTo("2026-11-23T16:01:00Z", caller)).isOne();
        verify(escalations).record("CASE-2026-000010", work.getId(), "Old work", Escalation.Level.WARNING, null);
        Assertions.assertThat(moveClockTo("2026-11-24T10:01:00Z", caller)).isOne();
        verify(escalations).record("CASE-2026-000010", work.getId(), "Old work", Escalation.Level.SENIOR_ANALYSTS, null);
        assertThat(task(old)).hasCandidateGroup("senior_analyst");
        Assertions.assertThat(moveClockTo("2026-11-25T10:01:00Z", caller)).isOne();
        verify(escalations).record("CASE-2026-000010", work.getId(), "Old work", Escalation.Level.MANAGERS, null);
        assertThat(task(old)).hasCandidateGroup("manager");
        assertThat(old).hasPassed("EndEvent_OldWarned", "EndEvent_OldToSeniors", "EndEvent_OldToManagers");

        complete(task(old));
        assertThat(caller).isEnded().hasPassed("EndEvent_CallerEnded");
    }
}
