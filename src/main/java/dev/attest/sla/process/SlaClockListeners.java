package dev.attest.sla.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.attest.sla.SlaClock;

/**
 * Execution listeners that stop and start the case's SLA clock where a process waits on the client
 * ({@code camunda:executionListener delegateExpression="${pauseSlaClock}"} on the waiting gateway, and
 * {@code ${resumeSlaClock}} on the events that end the wait). The reason names the document requested.
 */
@Configuration(proxyBeanMethods = false)
public class SlaClockListeners {

    /** The variable naming what the client was asked for (set by the document-check process). */
    static final String WAITING_FOR = "documentGroup";

    @Bean
    public ExecutionListener pauseSlaClock(SlaClock clock) {
        return execution -> clock.pause(execution.getProcessBusinessKey(),
                execution.getProcessInstanceId(), reason(execution));
    }

    @Bean
    public ExecutionListener resumeSlaClock(SlaClock clock) {
        return execution -> clock.resume(execution.getProcessBusinessKey(),
                execution.getProcessInstanceId());
    }

    static String reason(DelegateExecution execution) {
        Object what = execution.getVariable(WAITING_FOR);
        return what == null ? "Waiting for the client" : "Waiting for the client to send a new "
                + what.toString().toLowerCase(java.util.Locale.ROOT) + " document";
    }
}
