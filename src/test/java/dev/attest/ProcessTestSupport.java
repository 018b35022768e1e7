package dev.attest;

import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;

/** What the process tests share: an in-memory engine with given beans, and stand-ins for called processes. */
public final class ProcessTestSupport {

    private ProcessTestSupport() {
    }

    /** An in-memory engine (full history, no job executor) whose expressions see the given beans. */
    public static StandaloneInMemProcessEngineConfiguration engine(String name, Map<Object, Object> beans) {
        var cfg = new StandaloneInMemProcessEngineConfiguration();
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
