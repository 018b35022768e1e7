package dev.attest;

import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;

/** What the process tests share: an in-memory engine with given beans, and stand-ins for called processes. */
public final class ProcessTestSupport {

    private ProcessTestSupport() {
    }

    /** The engine's clock as a {@link java.time.Clock}, so that SLA timer dates follow the clock a test moves. */
    public static final java.time.Clock ENGINE_CLOCK = new java.time.Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
        }
    };

    /**
     * Puts the SLA beans the BPMNs call: timers from the given policies on a UTC business calendar and the
     * engine's clock, the escalation delegate with the given (mocked) records, and the SLA clock's listeners.
     */
    public static void putSlaBeans(Map<Object, Object> beans, dev.attest.sla.Escalations escalations,
            dev.attest.sla.SlaClock slaClock, Map<String, String> policies) {
        var slaPolicies = new dev.attest.sla.SlaPolicies(new dev.attest.sla.BusinessCalendar(java.time.ZoneOffset.UTC));
        slaPolicies.setPolicies(policies);
        beans.put("slaTimers", new dev.attest.sla.process.SlaTimers(slaPolicies, ENGINE_CLOCK));
        beans.put("slaEscalationDelegate", (org.camunda.bpm.engine.delegate.JavaDelegate) execution ->
                new dev.attest.sla.process.SlaEscalationDelegate(execution.getProcessEngineServices().getTaskService(),
                        escalations).execute(execution));
        beans.put("pauseSlaClock", new dev.attest.sla.process.PauseSlaClock(slaClock));
        beans.put("resumeSlaClock", new dev.attest.sla.process.ResumeSlaClock(slaClock));
    }

    /**
     * Lets a mocked {@link dev.attest.cases.CaseProgress} answer which case a process may act on as the real one does
     * for the case the test's process was started for: the case id its variable names (the check that it is that
     * case is tested against the real service in {@code CaseProcessScopeTests}).
     */
    public static dev.attest.cases.CaseProgress scopeCases(dev.attest.cases.CaseProgress progress) {
        org.mockito.Mockito.when(progress.caseOfProcess(org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any())).thenAnswer(a -> java.util.UUID.fromString(
                        String.valueOf((Object) a.getArgument(0))));
        return progress;
    }

    /** Sets the engine's clock (reset after each test by {@link ResetEngineClock}). */
    public static void setEngineClock(String instant) {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse(instant)));
    }

    /** Puts the engine's clock back to the real time after each test of a class that moves it. */
    public static final class ResetEngineClock implements org.junit.jupiter.api.extension.AfterEachCallback {
        @Override
        public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    /**
     * Moves the engine's clock to {@code instant} and runs the jobs due by then of the process instance and of the
     * processes it calls (the SLA escalation ladder runs in one); returns how many.
     */
    public static int runJobsDueAt(org.camunda.bpm.engine.ProcessEngine engine, String instant, String processInstanceId) {
        setEngineClock(instant);
        var due = engine.getManagementService().createJobQuery().processInstanceIds(withCalled(engine, processInstanceId))
                .executable().list();
        due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        return due.size();
    }

    /** The running process instance and the ones it calls, at any depth. */
    static java.util.Set<String> withCalled(org.camunda.bpm.engine.ProcessEngine engine, String processInstanceId) {
        java.util.Set<String> ids = new java.util.HashSet<>(java.util.List.of(processInstanceId));
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
    public static org.camunda.bpm.engine.runtime.ProcessInstance ladderOf(org.camunda.bpm.engine.ProcessEngine engine,
            String processInstanceId, String lateTask) {
        return ladderOf(engine.getRuntimeService(), processInstanceId, lateTask);
    }

    /** The same, for tests with the application's engine. */
    public static org.camunda.bpm.engine.runtime.ProcessInstance ladderOf(org.camunda.bpm.engine.RuntimeService runtime,
            String processInstanceId, String lateTask) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId)
                .processDefinitionKey(dev.attest.sla.process.SlaEscalationProcess.KEY)
                .variableValueEquals(dev.attest.sla.process.SlaEscalationProcess.LATE_TASK, lateTask).singleResult();
    }

    /**
     * An in-memory engine (full history, no job executor) whose expressions see the given beans, with the
     * coverage listeners registered so that the coverage extension can measure (and assert) flow-node coverage.
     */
    public static StandaloneInMemProcessEngineConfiguration engine(String name, Map<Object, Object> beans) {
        var cfg = new org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration();
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
