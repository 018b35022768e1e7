package dev.attest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

import dev.attest.cases.CaseProgress;
import dev.attest.sla.BusinessCalendar;
import dev.attest.sla.Escalations;
import dev.attest.sla.SlaClock;
import dev.attest.sla.SlaPolicies;
import dev.attest.sla.process.PauseSlaClock;
import dev.attest.sla.process.ResumeSlaClock;
import dev.attest.sla.process.SlaEscalationDelegate;
import dev.attest.sla.process.SlaEscalationProcess;
import dev.attest.sla.process.SlaTimers;

/** What the process tests share: an in-memory engine with given beans, and stand-ins for called processes. */
public final class ProcessTestSupport {

    private ProcessTestSupport() {
    }

    /** The engine's clock as a {@link java.time.Clock}, so that SLA timer dates follow the clock a test moves. */
    public static final Clock ENGINE_CLOCK = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    };

    /**
     * Puts the SLA beans the BPMNs call: timers from the given policies on a UTC business calendar and the
     * engine's clock, the escalation delegate with the given (mocked) records, and the SLA clock's listeners.
     */
    public static void putSlaBeans(Map<Object, Object> beans, Escalations escalations,
            SlaClock slaClock, Map<String, String> policies) {
        var slaPolicies = new SlaPolicies(new BusinessCalendar(ZoneOffset.UTC));
        slaPolicies.setPolicies(policies);
        beans.put("slaTimers", new SlaTimers(slaPolicies, ENGINE_CLOCK));
        beans.put("slaEscalationDelegate", (JavaDelegate) execution ->
                new SlaEscalationDelegate(execution.getProcessEngineServices().getTaskService(),
                        escalations, Mockito.mock(dev.attest.sla.TaskLog.class)).execute(execution));
        beans.put("pauseSlaClock", new PauseSlaClock(slaClock));
        beans.put("resumeSlaClock", new ResumeSlaClock(slaClock));
    }

    /**
     * Lets a mocked {@link dev.attest.cases.CaseProgress} answer which case a process may act on as the real one does
     * for the case the test's process was started for: the case id its variable names (the check that it is that
     * case is tested against the real service in {@code CaseProcessScopeTests}).
     */
    public static CaseProgress scopeCases(CaseProgress progress) {
        Mockito.when(progress.caseOfProcess(ArgumentMatchers.any(),
                ArgumentMatchers.any())).thenAnswer(a -> UUID.fromString(
                        String.valueOf((Object) a.getArgument(0))));
        return progress;
    }

    /** Sets the engine's clock (reset after each test by {@link ResetEngineClock}). */
    public static void setEngineClock(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    }

    /** Puts the engine's clock back to the real time after each test of a class that moves it. */
    public static final class ResetEngineClock implements AfterEachCallback {
        @Override
        public void afterEach(ExtensionContext context) {
            ClockUtil.reset();
        }
    }

    /**
     * Moves the engine's clock to {@code instant} and runs the jobs due by then of the process instance and of the
     * processes it calls (the SLA escalation ladder runs in one); returns how many.
     */
    public static int runJobsDueAt(ProcessEngine engine, String instant, String processInstanceId) {
        setEngineClock(instant);
        var due = engine.getManagementService().createJobQuery().processInstanceIds(withCalled(engine, processInstanceId))
                .executable().list();
        due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        return due.size();
    }

    /** The running process instance and the ones it calls, at any depth. */
    static Set<String> withCalled(ProcessEngine engine, String processInstanceId) {
        Set<String> ids = new HashSet<>(List.of(processInstanceId));
        for (var called : engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(processInstanceId)
                .list()) {
            ids.addAll(withCalled(engine, called.getId()));
        }
        return ids;
    }

    /**
     * The running SLA escalation ladder (bpmn/sla-escalation.bpmn) that the process instance calls beside its task
     * {@code lateTask}.
     */
    public static ProcessInstance ladderOf(ProcessEngine engine,
            String processInstanceId, String lateTask) {
        return ladderOf(engine.getRuntimeService(), processInstanceId, lateTask);
    }

    /** The same, for tests with the application's engine. */
    public static ProcessInstance ladderOf(RuntimeService runtime,
            String processInstanceId, String lateTask) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId)
                .processDefinitionKey(SlaEscalationProcess.KEY)
                .variableValueEquals(SlaEscalationProcess.LATE_TASK, lateTask).singleResult();
    }

    /**
     * An in-memory engine (full history, no job executor) whose expressions see the given beans, with the
     * coverage listeners registered so that the coverage extension can measure (and assert) flow-node coverage.
     */
    public static StandaloneInMemProcessEngineConfiguration engine(String name, Map<Object, Object> beans) {
        var cfg = new ProcessCoverageInMemProcessEngineConfiguration();
        cfg.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        cfg.setHistory("full");
        cfg.setJobExecutorActivate(false);
        cfg.setBeans(beans);
        return cfg;
    }

    /**
     * Deploys, once, a stand-in for each called process key: one user task {@code Task_Stub<key>}, then the
     * end. Called processes are tested on their own.
     */
    public static void deployStubs(RepositoryService repository, String... keys) {
        for (String key : keys) {
            if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
                repository.createDeployment().addModelInstance(key + "-stub.bpmn", Bpmn.createExecutableProcess(key)
                        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Stub" + key).endEvent().done()).deploy();
            }
        }
    }
}
