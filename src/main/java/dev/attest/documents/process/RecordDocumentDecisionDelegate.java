package dev.attest.documents.process;

import static dev.attest.documents.process.DocumentCheckProcess.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.documents.DocumentReview;
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
        boolean approve = DocumentCheckVariables.approved(execution);
        String rejected = review.decide(review.documentOfProcess(DocumentCheckVariables.documentId(execution),
                CaseProcesses.caseReference(execution)), approve, DocumentCheckVariables.rejectionReason(execution),
                DocumentCheckVariables.reviewNote(execution));
        execution.setVariable(DOCUMENT_ACCEPTED, approve);
        execution.setVariable(REJECTION_SUMMARY, rejected);
    }
}
