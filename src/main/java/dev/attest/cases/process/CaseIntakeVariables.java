package dev.attest.cases.process;

import static dev.attest.cases.process.CaseIntakeProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import dev.attest.cases.CaseOutcome;

/**
 * The CaseIntake process's variables, typed: what its delegates read. The stored forms stay as the BPMN and running
 * cases have them (the case id and the outcome as text, the triage as the decision's result map).
 */
public final class CaseIntakeVariables {

    private CaseIntakeVariables() {
    }

    /** The case's public id as the process carries it (checked against the process's case by the case module). */
    public static String caseId(VariableScope variables) {
        Object value = variables.getVariable(CASE_ID);
        return value == null ? null : value.toString();
    }

    /**
     * The triage decision's result.
     *
     * @throws IllegalStateException when the decision matched no rule
     */
    public static Triage triage(VariableScope variables) {
        @SuppressWarnings("unchecked")
        Map<String, Object> triage = (Map<String, Object>) variables.getVariable(TRIAGE);
        if (triage == null) {
            throw new IllegalStateException("The triage decision matched no rule for this case");
        }
        return new Triage((String) triage.get("route"), (String) triage.get("priority"),
                (String) triage.get("slaClass"));
    }

    /** The outcome the case closes with. */
    public static CaseOutcome outcome(VariableScope variables) {
        return CaseOutcome.valueOf((String) variables.getVariable(OUTCOME));
    }

    /** The note the case closes with, or {@code null}. */
    public static String outcomeNote(VariableScope variables) {
        return (String) variables.getVariable(OUTCOME_NOTE);
    }

    /** The triage decision's single result, as the decision table names its outputs. */
    public record Triage(String route, String priority, String slaClass) {
    }
}
