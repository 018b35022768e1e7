package dev.attest.ownership.process;

import static dev.attest.ownership.process.BeneficialOwnershipProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseProgress;
import dev.attest.ownership.OwnershipReview;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/** Records the senior analyst's approval on the structure's version (four eyes checked there). */
@ModelCallable
@Component("recordOwnershipApprovalDelegate")
class RecordOwnershipApprovalDelegate implements JavaDelegate {

    private final OwnershipReview review;
    private final CaseProgress cases;

    RecordOwnershipApprovalDelegate(OwnershipReview review, CaseProgress cases) {
        this.cases = cases;
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (BeneficialOwnershipVariables.approved(execution)) {
            review.approve(cases.caseOfProcess(BeneficialOwnershipVariables.caseId(execution),
                    CaseProcesses.caseReference(execution)), BeneficialOwnershipVariables.ownershipVersion(execution),
                    BeneficialOwnershipVariables.confirmedBy(execution));
        }
    }
}
