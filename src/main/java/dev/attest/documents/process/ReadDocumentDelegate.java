package dev.attest.documents.process;

import static dev.attest.documents.process.DocumentCheckProcess.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.documents.DocumentReview;
import dev.attest.documents.Documents;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/**
 * Reads the received document that its upload could not read in time, and runs its checks again with what was read
 * (a job of its own: the task is asynchronous before). The checks are judged next.
 */
@ModelCallable
@Component("readDocumentDelegate")
class ReadDocumentDelegate implements JavaDelegate {

    private final DocumentReview review;
    private final Documents documents;

    ReadDocumentDelegate(DocumentReview review, Documents documents) {
        this.review = review;
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID document = review.documentOfProcess(DocumentCheckVariables.documentId(execution),
                CaseProcesses.caseReference(execution));
        documents.readInBackground(document);
        execution.setVariable(READING_PENDING, false);
    }
}
