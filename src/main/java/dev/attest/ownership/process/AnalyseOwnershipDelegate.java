package dev.attest.ownership.process;

import static dev.attest.ownership.process.BeneficialOwnershipProcess.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.ownership.OwnershipReview;
import dev.attest.workflow.ModelCallable;

/** Analyses the case's current structure and sets what the process needs to route on. */
@ModelCallable
@Component("analyseOwnershipDelegate")
class AnalyseOwnershipDelegate implements JavaDelegate {

    private final OwnershipReview review;

    AnalyseOwnershipDelegate(OwnershipReview review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var state = review.analyse(UUID.fromString((String) execution.getVariable(CASE_ID)));
        execution.setVariable(STRUCTURE_RECORDED, state.recorded());
        execution.setVariable(DOCUMENTS_NEEDED, state.documentsNeeded());
        execution.setVariable(OWNERSHIP_VERSION, state.version());
        execution.setVariable(FINDINGS_SUMMARY, state.summary());
    }
}
