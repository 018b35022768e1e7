package dev.attest.ownership.process;

import static dev.attest.ownership.process.BeneficialOwnershipProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseProgress;
import dev.attest.ownership.OwnershipReview;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/** Asks the client for what the findings need and sets when the reply is due. */
@ModelCallable
@Component("requestOwnershipDocumentsDelegate")
class RequestOwnershipDocumentsDelegate implements JavaDelegate {

    private final OwnershipReview review;
    private final CaseProgress cases;

    RequestOwnershipDocumentsDelegate(OwnershipReview review, CaseProgress cases) {
        this.cases = cases;
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var due = review.requestDocuments(cases.caseOfProcess(BeneficialOwnershipVariables.caseId(execution),
                CaseProcesses.caseReference(execution)), BeneficialOwnershipVariables.findingsSummary(execution));
        execution.setVariable(CLIENT_REPLY_DUE, Date.from(due));
    }
}
