package dev.attest.ownership.process;

import static dev.attest.ownership.process.BeneficialOwnershipProcess.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.ownership.OwnershipReview;
import dev.attest.workflow.ModelCallable;

/** Records the senior analyst's approval on the structure's version (four eyes checked there). */
@ModelCallable
@Component("recordOwnershipApprovalDelegate")
class RecordOwnershipApprovalDelegate implements JavaDelegate {

    private final OwnershipReview review;

    RecordOwnershipApprovalDelegate(OwnershipReview review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if ("APPROVE".equals(execution.getVariable(APPROVAL))) {
            review.approve(UUID.fromString((String) execution.getVariable(CASE_ID)),
                    (Integer) execution.getVariable(OWNERSHIP_VERSION), (String) execution.getVariable(CONFIRMED_BY));
        }
    }
}
