package dev.attest.documents.process;

import static dev.attest.documents.process.DocumentCheckProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.attest.communication.ClientMessages;
import dev.attest.documents.DocumentReview;
import dev.attest.cases.CaseProgress;
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
        int round = execution.hasVariable(ROUND) ? (Integer) execution.getVariable(ROUND) : 0;
        int max = execution.hasVariable(MAX_ROUNDS) ? (Integer) execution.getVariable(MAX_ROUNDS) : review.maxRounds();
        if (round >= max) {
            max = round + 1;
        }
        execution.setVariable(MAX_ROUNDS, max);
        execution.setVariable(ROUND, round);
        execution.setVariable(DOCUMENT_ACCEPTED, false);
        String summary = (String) execution.getVariable(REJECTION_SUMMARY);
        String reasons;
        ClientMessages.RequestKind kind = summary == null ? ClientMessages.RequestKind.FIRST
                : ClientMessages.RequestKind.REJECTED;
        if ("REQUEST_AGAIN".equals(execution.getVariable(SENIOR_DECISION))) {
            reasons = summary;
            execution.removeVariable(SENIOR_DECISION);
        } else if ("REMIND".equals(execution.getVariable(FOLLOW_UP))) {
            reasons = summary != null ? "We could not accept the document you sent last:\n" + summary
                    : "The document we asked for has not arrived yet.";
            execution.removeVariable(FOLLOW_UP);
            kind = ClientMessages.RequestKind.REMINDER;
        } else if (summary != null) {
            reasons = summary;
        } else if ("IDENTITY".equals(execution.getVariable(DOCUMENT_GROUP))
                || "ACCOUNT_RECOVERY_2FA".equals(execution.getVariable(CASE_TYPE))) {
            reasons = "Please send a government ID (passport, driver's license, state ID or voter registration "
                    + "card): the whole document in colour, full name and address visible, not a screenshot";
        } else if ("ADDRESS".equals(execution.getVariable(DOCUMENT_GROUP))) {
            reasons = "Please send a proof of address (a utility bill or bank statement) showing your full name and "
                    + "the address on your seller account";
        } else if ("COMPANY".equals(execution.getVariable(DOCUMENT_GROUP))) {
            reasons = "Please send the company registration and an ownership chart up to the individuals, on "
                    + "letterhead or stamped, signed by a legal representative and dated within 180 days";
        } else {
            reasons = "Please send an official document showing your full name and the address on your seller "
                    + "account: the whole document in colour, not a screenshot";
        }
        String group = execution.hasVariable(DOCUMENT_GROUP) ? (String) execution.getVariable(DOCUMENT_GROUP) : "OTHER";
        var due = review.requestDocument(cases.caseOfProcess(execution.getVariable(CASE_ID), CaseProcesses.caseReference(execution)), round, reasons,
                group, kind);
        execution.setVariable(CLIENT_REPLY_DUE, Date.from(due));
    }
}
