package dev.attest.documents.process;

import static dev.attest.documents.process.DocumentCheckProcess.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.documents.DocumentReview;
import dev.attest.documents.ReviewChecklist;
import dev.attest.documents.ReviewDecision;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/**
 * Records the reviewer's decision on the document (refused, nothing recorded, when incomplete: a rejection without a
 * reason, an approval with open points without an override). The review's form values are removed afterwards, so a
 * later round starts from a blank form: no reason, note, tick or override of an earlier round counts again. A
 * rejection remembers who asked for the new document, for the re-review.
 */
@ModelCallable
@Component("recordDocumentDecisionDelegate")
class RecordDocumentDecisionDelegate implements JavaDelegate {

    private static final List<String> FORM_VALUES;

    static {
        List<String> values = new ArrayList<>(ReviewChecklist.ALL_ITEMS);
        values.addAll(List.of(DECISION, REJECTION_REASON, REVIEW_NOTE, OVERRIDE, OVERRIDE_NOTE));
        FORM_VALUES = List.copyOf(values);
    }

    private final DocumentReview review;

    RecordDocumentDecisionDelegate(DocumentReview review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewDecision decision = ReviewDecision.of(execution.getVariables());
        DocumentReview.Decided decided = review.decide(review.documentOfProcess(DocumentCheckVariables.documentId(execution),
                CaseProcesses.caseReference(execution)), decision);
        execution.setVariable(DOCUMENT_ACCEPTED, decision.approve());
        execution.setVariable(REJECTION_SUMMARY, decided.clientReasons());
        if (!decision.approve()) {
            execution.setVariable(REQUESTED_BY, decided.decidedBy());
        }
        FORM_VALUES.forEach(execution::removeVariable);
    }
}
