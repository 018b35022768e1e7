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
 * Records the analyst's decision on every hit of the review (refused whole, naming the field, when a hit has no
 * decision or no reason) and whether any is a true match.
 */
@ModelCallable
@Component("screeningHitsReviewedListener")
class ScreeningHitsReviewedListener implements TaskListener {

    private final ScreeningReview review;
    private final CaseProgress cases;

    ScreeningHitsReviewedListener(ScreeningReview review, CaseProgress cases) {
        this.review = review;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        var execution = task.getExecution();
        UUID caseId = cases.caseOfProcess(caseId(execution), CaseProcesses.caseReference(execution));
        boolean trueMatch = review.decide(caseId, runId(execution), task.getVariables(), task.getAssignee());
        execution.setVariable(TRUE_MATCH, trueMatch);
    }
}
