package dev.attest.screening.process;

import static dev.attest.screening.process.ScreeningProcess.*;
import static dev.attest.screening.process.ScreeningVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseProgress;
import dev.attest.screening.ScreeningReview;
import dev.attest.screening.ScreeningTrigger;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/**
 * Screens the case's subjects for the trigger (or, for a list update, takes the hits already recorded) and sets what
 * the process routes on.
 */
@ModelCallable
@Component("screenSubjectsDelegate")
class ScreenSubjectsDelegate implements JavaDelegate {

    private final ScreeningReview review;
    private final CaseProgress cases;

    ScreenSubjectsDelegate(ScreeningReview review, CaseProgress cases) {
        this.review = review;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var caseId = cases.caseOfProcess(caseId(execution), CaseProcesses.caseReference(execution));
        ScreeningTrigger trigger = ScreeningTrigger.valueOf(trigger(execution));
        execution.setVariable(CLEARED, true);
        execution.setVariable(CALLED, execution.getProcessInstance().getSuperExecution() != null);
        if (trigger == ScreeningTrigger.LIST_UPDATE) {
            Long runId = runId(execution);
            execution.setVariable(POTENTIAL_HITS, runId == null ? 0 : review.undecided(runId).size());
            return;
        }
        ScreeningReview.Outcome outcome = review.screenCase(caseId, trigger, ownershipVersion(execution));
        execution.setVariable(RUN_ID, outcome.runId());
        execution.setVariable(POTENTIAL_HITS, outcome.newHits());
    }
}
