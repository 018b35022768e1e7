package dev.attest.documents.process;

import static dev.attest.documents.process.DocumentCheckProcess.*;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.VariableScope;

import dev.attest.cases.CaseType;
import dev.attest.documents.DocumentGroup;
import dev.attest.documents.RejectionReason;

/**
 * The DocumentCheck process's variables, typed: what its delegates read. The stored forms stay as the BPMN and
 * running checks have them (ids and names as text, the round as an integer).
 */
public final class DocumentCheckVariables {

    private DocumentCheckVariables() {
    }

    /** The case's public id as the process carries it (checked against the process's case by the case module). */
    public static String caseId(VariableScope variables) {
        return text(variables, CASE_ID);
    }

    /** The received document's id as the process carries it. */
    public static String documentId(VariableScope variables) {
        return text(variables, DOCUMENT_ID);
    }

    /** How many documents were received so far (0 before the first). */
    public static int round(VariableScope variables) {
        return variables.hasVariable(ROUND) ? (Integer) variables.getVariable(ROUND) : 0;
    }

    /** How many rounds are allowed, or {@code null} while the process has not set it. */
    public static Integer maxRounds(VariableScope variables) {
        return variables.hasVariable(MAX_ROUNDS) ? (Integer) variables.getVariable(MAX_ROUNDS) : null;
    }

    /**
     * Which group of documents the check takes; {@link DocumentGroup#OTHER} when the caller named none.
     *
     * @throws IllegalStateException when a model set a name that is no group
     */
    public static DocumentGroup documentGroup(VariableScope variables) {
        if (!variables.hasVariable(DOCUMENT_GROUP)) {
            return DocumentGroup.OTHER;
        }
        Object name = variables.getVariable(DOCUMENT_GROUP);
        return DocumentGroup.named((String) name).orElseThrow(() -> new IllegalStateException(
                "The process variable " + DOCUMENT_GROUP + " names no document group: " + name));
    }

    /** The case's type the caller passed, or {@code null} when it passed none the case module knows. */
    public static CaseType caseType(VariableScope variables) {
        Object name = variables.getVariable(CASE_TYPE);
        return Arrays.stream(CaseType.values()).filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /** Why the last document was refused, or {@code null}. */
    public static String rejectionSummary(VariableScope variables) {
        return (String) variables.getVariable(REJECTION_SUMMARY);
    }

    /** Whether the reviewer approved the document ({@code decision} is {@code APPROVE}). */
    public static boolean approved(VariableScope variables) {
        return "APPROVE".equals(variables.getVariable(DECISION));
    }

    /** The reviewer's main reason for a rejection, or {@code null}. */
    public static RejectionReason rejectionReason(VariableScope variables) {
        String reason = (String) variables.getVariable(REJECTION_REASON);
        return reason == null ? null : RejectionReason.valueOf(reason);
    }

    /** The reviewer's note, or {@code null}. */
    public static String reviewNote(VariableScope variables) {
        return (String) variables.getVariable(REVIEW_NOTE);
    }

    /** Whether the senior analyst allowed one more round ({@code seniorDecision} is {@code REQUEST_AGAIN}). */
    public static boolean anotherRoundAllowed(VariableScope variables) {
        return "REQUEST_AGAIN".equals(variables.getVariable(SENIOR_DECISION));
    }

    /** Whether the analyst following up chose to remind the client ({@code followUp} is {@code REMIND}). */
    public static boolean reminderChosen(VariableScope variables) {
        return "REMIND".equals(variables.getVariable(FOLLOW_UP));
    }

    /** The analyst who rejected the last document (its re-review goes back to them), or {@code null}. */
    public static String requestedBy(VariableScope variables) {
        return text(variables, REQUESTED_BY);
    }

    private static String text(VariableScope variables, String name) {
        Object value = variables.getVariable(name);
        return value == null ? null : value.toString();
    }
}
