package dev.attest.cases.process;

import static dev.attest.cases.process.CaseIntakeProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseOutcome;
import dev.attest.cases.CaseProgress;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/** Closes the case with the outcome the reviewer chose. */
@ModelCallable
@Component("closeCaseDelegate")
class CloseCaseDelegate implements JavaDelegate {

    private final CaseProgress progress;

    CloseCaseDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.close(progress.caseOfProcess(CaseIntakeVariables.caseId(execution),
                CaseProcesses.caseReference(execution)), CaseIntakeVariables.outcome(execution),
                CaseIntakeVariables.outcomeNote(execution));
    }
}
