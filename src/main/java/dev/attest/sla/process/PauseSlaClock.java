package dev.attest.sla.process;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import dev.attest.sla.SlaClock;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/**
 * Stops the case's SLA clock where a process waits on the client
 * ({@code camunda:executionListener delegateExpression="${pauseSlaClock}"} on the waiting gateway;
 * {@link ResumeSlaClock} starts it again). The reason names the document requested.
 */
@ModelCallable
@Component("pauseSlaClock")
public class PauseSlaClock implements ExecutionListener {

    /** The variable naming what the client was asked for (set by the document-check process). */
    static final String WAITING_FOR = "documentGroup";

    private final SlaClock clock;

    public PauseSlaClock(SlaClock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        clock.pause(CaseProcesses.caseReference(execution), execution.getProcessInstanceId(), reason(execution));
    }

    static String reason(DelegateExecution execution) {
        Object what = execution.getVariable(WAITING_FOR);
        return what == null ? "Waiting for the client" : "Waiting for the client to send a new "
                + what.toString().toLowerCase(Locale.ROOT) + " document";
    }
}
