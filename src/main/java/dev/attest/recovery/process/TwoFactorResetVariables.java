package dev.attest.recovery.process;

import static dev.attest.recovery.process.TwoFactorResetProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The TwoFactorReset process's variables, typed: what its delegates read. The stored forms stay as the BPMN and
 * running resets have them (the form fields' values as the forms submit them).
 */
public final class TwoFactorResetVariables {

    /** The result a recovery-result step is configured with (its input parameter): RECOVERED or SPECIALIST. */
    public static final String RESULT = "result";

    private TwoFactorResetVariables() {
    }

    /** The case's public id as the process carries it (checked against the process's case by the case module). */
    public static String caseId(VariableScope variables) {
        Object value = variables.getVariable(CASE_ID);
        return value == null ? null : value.toString();
    }

    /** The day the analyst submitted the document at the marketplace (a date form field). */
    public static Date submittedOn(VariableScope variables) {
        return (Date) variables.getVariable(SUBMITTED_ON);
    }

    public static String submissionNote(VariableScope variables) {
        return (String) variables.getVariable(SUBMISSION_NOTE);
    }

    /** What the step records: {@code RECOVERED} or {@code SPECIALIST}. */
    public static String result(VariableScope variables) {
        return (String) variables.getVariable(RESULT);
    }

    /** The authenticator app the client uses now (the form's enum value). */
    public static String authenticatorApp(VariableScope variables) {
        return (String) variables.getVariable(AUTHENTICATOR_APP);
    }

    public static boolean phoneUpdated(VariableScope variables) {
        return Boolean.TRUE.equals(variables.getVariable(PHONE_UPDATED));
    }

    public static String switchNote(VariableScope variables) {
        return (String) variables.getVariable(SWITCH_NOTE);
    }

    /** Whether the identity check accepted a document. */
    public static boolean documentAccepted(VariableScope variables) {
        return Boolean.TRUE.equals(variables.getVariable(DOCUMENT_ACCEPTED));
    }

    /** Whether the analyst following up handed the case to the specialist path ({@code followUp} is SPECIALIST). */
    public static boolean handedToSpecialist(VariableScope variables) {
        return "SPECIALIST".equals(variables.getVariable(FOLLOW_UP));
    }
}
