package dev.attest.documents.process;

import static dev.attest.documents.process.DocumentCheckProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

import dev.attest.cases.CaseType;
import dev.attest.documents.DocumentGroup;
import dev.attest.documents.RejectionReason;

/** The typed reads of the DocumentCheck process's variables, as the BPMN and running checks store them. */
class DocumentCheckVariablesTests {

    final VariableScope variables = mock(VariableScope.class);

    void set(String name, Object value) {
        when(variables.hasVariable(name)).thenReturn(true);
        when(variables.getVariable(name)).thenReturn(value);
    }

    @Test
    void theDocumentGroupIsReadFromItsStoredName() {
        assertThat(DocumentCheckVariables.documentGroup(variables)).as("none passed").isEqualTo(DocumentGroup.OTHER);
        set(DOCUMENT_GROUP, "ADDRESS");
        assertThat(DocumentCheckVariables.documentGroup(variables)).isEqualTo(DocumentGroup.ADDRESS);
    }

    @Test
    void aGroupNameThatIsNoGroupIsRefusedNamingTheVariable() {
        set(DOCUMENT_GROUP, "PASSPORTS");
        assertThatThrownBy(() -> DocumentCheckVariables.documentGroup(variables))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("documentGroup")
                .hasMessageContaining("PASSPORTS");
    }

    @Test
    void roundsDecisionsAndIdsReadAsTheFormsAndTheEngineStoreThem() {
        assertThat(DocumentCheckVariables.round(variables)).isZero();
        assertThat(DocumentCheckVariables.maxRounds(variables)).isNull();
        assertThat(DocumentCheckVariables.caseId(variables)).isNull();
        set(ROUND, 2);
        set(MAX_ROUNDS, 3);
        set(CASE_ID, "0b7c1f0e-6a53-4b59-9d5e-3f1c0c2b8a11");
        set(CASE_TYPE, "ACCOUNT_RECOVERY_2FA");
        set(DECISION, "REJECT");
        set(REJECTION_REASON, "ILLEGIBLE");
        set(SENIOR_DECISION, "REQUEST_AGAIN");
        assertThat(DocumentCheckVariables.round(variables)).isEqualTo(2);
        assertThat(DocumentCheckVariables.maxRounds(variables)).isEqualTo(3);
        assertThat(DocumentCheckVariables.caseId(variables)).isEqualTo("0b7c1f0e-6a53-4b59-9d5e-3f1c0c2b8a11");
        assertThat(DocumentCheckVariables.caseType(variables)).isEqualTo(CaseType.ACCOUNT_RECOVERY_2FA);
        assertThat(DocumentCheckVariables.approved(variables)).isFalse();
        assertThat(DocumentCheckVariables.rejectionReason(variables)).isEqualTo(RejectionReason.ILLEGIBLE);
        assertThat(DocumentCheckVariables.anotherRoundAllowed(variables)).isTrue();
        assertThat(DocumentCheckVariables.reminderChosen(variables)).isFalse();
    }
}
