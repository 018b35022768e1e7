package dev.attest.documents.process;

import static dev.attest.documents.process.DocumentCheckProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseProgress;
import dev.attest.cases.CaseType;
import dev.attest.communication.ClientMessages;
import dev.attest.documents.DocumentGroup;
import dev.attest.documents.DocumentRequestItems;
import dev.attest.documents.DocumentReview;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/**
 * Asks the client for a (new) document with the reasons, and sets when the reply is due. A request after
 * the senior analyst allowed another round raises the round limit by one.
 */
@ModelCallable
@Component("requestDocumentDelegate")
class RequestDocumentDelegate implements JavaDelegate {

    private final DocumentReview review;
    private final CaseProgress cases;

    RequestDocumentDelegate(DocumentReview review, CaseProgress cases) {
        this.cases = cases;
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int round = DocumentCheckVariables.round(execution);
        Integer set = DocumentCheckVariables.maxRounds(execution);
        int max = set != null ? set : review.maxRounds();
        if (round >= max) {
            max = round + 1;
        }
        execution.setVariable(MAX_ROUNDS, max);
        execution.setVariable(ROUND, round);
        execution.setVariable(DOCUMENT_ACCEPTED, false);
        String summary = DocumentCheckVariables.rejectionSummary(execution);
        DocumentGroup group = DocumentCheckVariables.documentGroup(execution);
        String reasons;
        ClientMessages.RequestKind kind = summary == null ? ClientMessages.RequestKind.FIRST
                : ClientMessages.RequestKind.REJECTED;
        if (DocumentCheckVariables.anotherRoundAllowed(execution)) {
            reasons = summary;
            execution.removeVariable(SENIOR_DECISION);
        } else if (DocumentCheckVariables.reminderChosen(execution)) {
            reasons = summary != null ? "We could not accept the document you sent last:\n" + summary
                    : "The document we asked for has not arrived yet.";
            execution.removeVariable(FOLLOW_UP);
            kind = ClientMessages.RequestKind.REMINDER;
        } else if (summary != null) {
            reasons = summary;
        } else {
            reasons = DocumentRequestItems.firstReason(
                    DocumentCheckVariables.caseType(execution) == CaseType.ACCOUNT_RECOVERY_2FA ? DocumentGroup.IDENTITY
                            : group);
        }
        var due = review.requestDocument(cases.caseOfProcess(DocumentCheckVariables.caseId(execution),
                CaseProcesses.caseReference(execution)), round, reasons, group, kind);
        execution.setVariable(CLIENT_REPLY_DUE, Date.from(due));
    }
}
