package dev.attest.documents.process;

import static dev.attest.documents.process.DocumentCheckProcess.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.documents.DocumentReview;
import dev.attest.documents.RejectionReason;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/** Records the reviewer's decision on the document. */
@ModelCallable
@Component("recordDocumentDecisionDelegate")
class RecordDocumentDecisionDelegate implements JavaDelegate {

    private final DocumentReview review;

    RecordDocumentDecisionDelegate(DocumentReview review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approve = "APPROVE".equals(execution.getVariable(DECISION));
        String reason = (String) execution.getVariable(REJECTION_REASON);
        String rejected = review.decide(review.documentOfProcess(execution.getVariable(DOCUMENT_ID), CaseProcesses.caseReference(execution)), approve,
                reason == null ? null : RejectionReason.valueOf(reason), (String) execution.getVariable(REVIEW_NOTE));
        execution.setVariable(DOCUMENT_ACCEPTED, approve);
        execution.setVariable(REJECTION_SUMMARY, rejected);
    }
}
