package dev.attest.cases.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each row of {@code bpmn/case-triage.dmn}, and that the first matching row wins. */
class CaseTriageDecisionTests {

    static DmnDecision decision;
    static DmnEngine engine;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = CaseTriageDecisionTests.class.getResourceAsStream("/bpmn/case-triage.dmn")) {
            decision = engine.parseDecision("CaseTriage", in);
        }
    }

    @ParameterizedTest(name = "{0} phone={1} email={2} suspended={3} business={4} → {5} {6} {7}")
    @CsvSource({
            // Rule_RecoveryLostPhoneAndEmail
            "ACCOUNT_RECOVERY_2FA, true,  true,  false, false, SPECIALIST_RECOVERY, URGENT, EXPEDITED",
            // lost both AND suspended: the first rule still wins
            "ACCOUNT_RECOVERY_2FA, true,  true,  true,  true,  SPECIALIST_RECOVERY, URGENT, EXPEDITED",
            // Rule_RecoverySuspended
            "ACCOUNT_RECOVERY_2FA, false, false, true,  false, SPECIALIST_RECOVERY, URGENT, EXPEDITED",
            // Rule_RecoveryBusinessAccount
            "ACCOUNT_RECOVERY_2FA, true,  false, false, true,  SPECIALIST_RECOVERY, HIGH, EXPEDITED",
            // Rule_RecoveryStandard
            "ACCOUNT_RECOVERY_2FA, true,  false, false, false, TWO_FACTOR_RESET, HIGH, EXPEDITED",
            "ACCOUNT_RECOVERY_2FA, false, true,  false, false, TWO_FACTOR_RESET, HIGH, EXPEDITED",
            // Rule_VerificationSuspended
            "SELLER_VERIFICATION,  false, false, true,  true,  SELLER_VERIFICATION, HIGH, EXPEDITED",
            // Rule_VerificationStandard: lost access does not matter for verification
            "SELLER_VERIFICATION,  true,  true,  false, true,  SELLER_VERIFICATION, NORMAL, STANDARD",
    })
    void routesPrioritisesAndSetsSlaClass(String type, boolean phone, boolean email, boolean suspended,
            boolean business, String route, String priority, String slaClass) {
        var result = engine.evaluateDecisionTable(decision, Variables.createVariables()
                .putValue("caseType", type).putValue("lostPhoneAccess", phone).putValue("lostEmailAccess", email)
                .putValue("accountSuspended", suspended).putValue("businessAccount", business))
                .getSingleResult();

        assertThat(result.getEntryMap())
                .containsEntry("route", route).containsEntry("priority", priority).containsEntry("slaClass", slaClass);
    }

    @ParameterizedTest
    @CsvSource({"UNKNOWN_TYPE"})
    void anUnknownCaseTypeMatchesNoRule(String type) {
        var result = engine.evaluateDecisionTable(decision, Variables.createVariables()
                .putValue("caseType", type).putValue("lostPhoneAccess", false).putValue("lostEmailAccess", false)
                .putValue("accountSuspended", false).putValue("businessAccount", false));
        assertThat(result.getResultList()).isEmpty();
    }
}
