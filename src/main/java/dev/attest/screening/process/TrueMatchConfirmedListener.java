package dev.attest.screening.process;

import static dev.attest.screening.process.ScreeningProcess.*;
import static dev.attest.screening.process.ScreeningVariables.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseProgress;
import dev.attest.screening.ScreeningReview;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/**
 * Records the second reviewer's answer on the true matches; the service refuses the analyst who judged them (four
 * eyes). A confirmed match leaves the process not cleared.
 */
@ModelCallable
@Component("trueMatchConfirmedListener")
class TrueMatchConfirmedListener implements TaskListener {

    private final ScreeningReview review;
    private final CaseProgress cases;

    TrueMatchConfirmedListener(ScreeningReview review, CaseProgress cases) {
        this.review = review;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        var execution = task.getExecution();
        UUID caseId = cases.caseOfProcess(caseId(execution), CaseProcesses.caseReference(execution));
        boolean confirmed = "CONFIRM".equals(task.getVariable(CONFIRMATION));
        Object reason = task.getVariable(CONFIRMATION_REASON);
        review.confirm(caseId, runId(execution), confirmed, reason == null ? null : String.valueOf(reason),
                task.getAssignee());
        execution.setVariable(CLEARED, !confirmed);
    }
}
