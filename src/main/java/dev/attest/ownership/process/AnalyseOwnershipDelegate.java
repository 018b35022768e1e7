package dev.attest.ownership.process;

import static dev.attest.ownership.process.BeneficialOwnershipProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseProgress;
import dev.attest.ownership.OwnershipReview;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/** Analyses the case's current structure and sets what the process needs to route on. */
@ModelCallable
@Component("analyseOwnershipDelegate")
class AnalyseOwnershipDelegate implements JavaDelegate {

    private final OwnershipReview review;
    private final CaseProgress cases;

    AnalyseOwnershipDelegate(OwnershipReview review, CaseProgress cases) {
        this.cases = cases;
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var state = review.analyse(cases.caseOfProcess(BeneficialOwnershipVariables.caseId(execution),
                CaseProcesses.caseReference(execution)));
        execution.setVariable(STRUCTURE_RECORDED, state.recorded());
        execution.setVariable(DOCUMENTS_NEEDED, state.documentsNeeded());
        execution.setVariable(OWNERSHIP_VERSION, state.version());
        execution.setVariable(FINDINGS_SUMMARY, state.summary());
    }
}
