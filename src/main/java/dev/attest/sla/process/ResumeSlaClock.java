package dev.attest.sla.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import dev.attest.sla.SlaClock;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/**
 * Starts the case's SLA clock again when the client's wait ends
 * ({@code camunda:executionListener delegateExpression="${resumeSlaClock}"} on the events that end the wait
 * {@link PauseSlaClock} began).
 */
@ModelCallable
@Component("resumeSlaClock")
public class ResumeSlaClock implements ExecutionListener {

    private final SlaClock clock;

    public ResumeSlaClock(SlaClock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        clock.resume(CaseProcesses.caseReference(execution), execution.getProcessInstanceId());
    }
}
