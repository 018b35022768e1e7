package dev.attest.ownership.process;

import static dev.attest.ownership.process.BeneficialOwnershipProcess.*;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The BeneficialOwnership process's variables, typed: what its delegates read. The stored forms stay as the BPMN
 * and running reviews have them.
 */
public final class BeneficialOwnershipVariables {

    private BeneficialOwnershipVariables() {
    }

    /** The case's public id as the process carries it (checked against the process's case by the case module). */
    public static String caseId(VariableScope variables) {
        Object value = variables.getVariable(CASE_ID);
        return value == null ? null : value.toString();
    }

    /** Whether the approver approved the owners ({@code approval} is {@code APPROVE}). */
    public static boolean approved(VariableScope variables) {
        return "APPROVE".equals(variables.getVariable(APPROVAL));
    }

    /** The version of the ownership structure the owners were confirmed on. */
    public static Integer ownershipVersion(VariableScope variables) {
        return (Integer) variables.getVariable(OWNERSHIP_VERSION);
    }

    /** Who confirmed the owners. */
    public static String confirmedBy(VariableScope variables) {
        return (String) variables.getVariable(CONFIRMED_BY);
    }

    /** The analysis's findings, in words for the client. */
    public static String findingsSummary(VariableScope variables) {
        return (String) variables.getVariable(FINDINGS_SUMMARY);
    }
}
