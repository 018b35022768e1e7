package dev.attest.screening.process;

import static dev.attest.screening.process.ScreeningProcess.*;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The Screening process's variables, typed. */
public final class ScreeningVariables {

    private ScreeningVariables() {
    }

    public static String caseId(VariableScope v) {
        return String.valueOf(v.getVariable(CASE_ID));
    }

    public static String trigger(VariableScope v) {
        Object value = v.getVariable(TRIGGER);
        return value == null ? "INTAKE" : String.valueOf(value);
    }

    public static int ownershipVersion(VariableScope v) {
        return v.getVariable(OWNERSHIP_VERSION) instanceof Number n ? n.intValue() : 0;
    }

    public static Long runId(VariableScope v) {
        return v.getVariable(RUN_ID) instanceof Number n ? n.longValue() : null;
    }
}
