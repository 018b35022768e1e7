package dev.attest.ownership.process;

import static dev.attest.ownership.process.BeneficialOwnershipProcess.CONFIRMED_BY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dev.attest.workflow.ModelCallable;

/** Remembers who confirmed the beneficial owners, for the four-eyes check of the approval. */
@ModelCallable
@Component("ownershipConfirmedListener")
class OwnershipConfirmedListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.getExecution().setVariable(CONFIRMED_BY, task.getAssignee());
    }
}
