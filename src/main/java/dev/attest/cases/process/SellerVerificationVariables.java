package dev.attest.cases.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The SellerVerification process's variables, typed: which of its document checks accepted a document (each
 * check's {@code documentAccepted}, as seller-verification.bpmn maps it out of the called DocumentCheck).
 */
public final class SellerVerificationVariables {

    public static final String IDENTITY_ACCEPTED = "identityAccepted";
    public static final String ADDRESS_ACCEPTED = "addressAccepted";
    public static final String COMPANY_ACCEPTED = "companyAccepted";

    public static final String CLIENT_SCREENING_CLEARED = "clientScreeningCleared";
    public static final String OWNERS_SCREENING_CLEARED = "ownersScreeningCleared";

    private SellerVerificationVariables() {
    }

    public static boolean identityAccepted(VariableScope variables) {
        return Boolean.TRUE.equals(variables.getVariable(IDENTITY_ACCEPTED));
    }

    public static boolean addressAccepted(VariableScope variables) {
        return Boolean.TRUE.equals(variables.getVariable(ADDRESS_ACCEPTED));
    }

    /**
     * Whether the sanctions screenings (the client and the business, the owners) found no confirmed true match: only
     * an explicit {@code false} (a confirmed match) fails.
     */
    public static boolean screeningCleared(VariableScope variables) {
        return !Boolean.FALSE.equals(variables.getVariable(CLIENT_SCREENING_CLEARED))
                && !Boolean.FALSE.equals(variables.getVariable(OWNERS_SCREENING_CLEARED));
    }

    public static boolean companyAccepted(VariableScope variables) {
        return Boolean.TRUE.equals(variables.getVariable(COMPANY_ACCEPTED));
    }
}
