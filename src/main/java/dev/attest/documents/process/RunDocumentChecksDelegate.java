package dev.attest.documents.process;

import static dev.attest.documents.process.DocumentCheckProcess.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.documents.DocumentReview;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/**
 * Counts the round and judges the received document's automated checks: any FAIL rejects it. Names what the review
 * is about (kind and round) and who it goes to: the analyst who asked for this document, while they may take it.
 */
@ModelCallable
@Component("runDocumentChecksDelegate")
class RunDocumentChecksDelegate implements JavaDelegate {

    private final DocumentReview review;

    RunDocumentChecksDelegate(DocumentReview review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int round = DocumentCheckVariables.round(execution);
        execution.setVariable(ROUND, round + 1);
        if (!execution.hasVariable(MAX_ROUNDS)) {
            execution.setVariable(MAX_ROUNDS, review.maxRounds());
        }
        UUID document = review.documentOfProcess(DocumentCheckVariables.documentId(execution),
                CaseProcesses.caseReference(execution));
        String rejected = review.judgeChecks(document);
        execution.setVariable(CHECKS_FAILED, rejected != null);
        execution.setVariable(REVIEW_SUBJECT, review.reviewSubject(document, round + 1));
        execution.setVariable(REVIEW_ASSIGNEE, review.reviewerFor(DocumentCheckVariables.requestedBy(execution)));
        execution.setVariable(DOCUMENT_ACCEPTED, false);
        execution.setVariable(REJECTION_SUMMARY, rejected);
    }
}
