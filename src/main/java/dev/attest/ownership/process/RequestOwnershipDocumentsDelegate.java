package dev.attest.ownership.process;

import static dev.attest.ownership.process.BeneficialOwnershipProcess.*;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.ownership.OwnershipReview;
import dev.attest.workflow.ModelCallable;

/** Asks the client for what the findings need and sets when the reply is due. */
@ModelCallable
@Component("requestOwnershipDocumentsDelegate")
class RequestOwnershipDocumentsDelegate implements JavaDelegate {

    private final OwnershipReview review;

    RequestOwnershipDocumentsDelegate(OwnershipReview review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var due = review.requestDocuments(UUID.fromString((String) execution.getVariable(CASE_ID)),
                (String) execution.getVariable(FINDINGS_SUMMARY));
        execution.setVariable(CLIENT_REPLY_DUE, Date.from(due));
    }
}
