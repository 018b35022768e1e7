package dev.attest.cases.process;

import static dev.attest.cases.process.CaseIntakeProcess.*;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseProgress;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/** Writes the triage decision onto the case and sets the routing variables the process needs. */
@ModelCallable
@Component("recordTriageDelegate")
class RecordTriageDelegate implements JavaDelegate {

    private final CaseProgress progress;

    RecordTriageDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var triage = CaseIntakeVariables.triage(execution);
        var result = progress.applyTriage(progress.caseOfProcess(CaseIntakeVariables.caseId(execution),
                CaseProcesses.caseReference(execution)), triage.route(), triage.priority(), triage.slaClass());
        execution.setVariable(ROUTE, result.route());
        execution.setVariable(TASK_PRIORITY, result.taskPriority());
        execution.setVariable(REVIEW_DUE, Date.from(result.reviewDue()));
    }
}
