package dev.attest.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.attest.sla.Escalation;

/** The fixed sets that travel as text: each a type with its stored name unchanged, and one label each. */
class DocumentGroupTests {

    @Test
    void eachKindBelongsToTheGroupWhoseCheckTakesIt() {
        assertThat(DocumentGroup.IDENTITY.kinds()).containsExactlyInAnyOrderElementsOf(DocumentKind.IDENTITY);
        assertThat(DocumentGroup.ADDRESS.kinds()).containsExactly(DocumentKind.PROOF_OF_ADDRESS);
        assertThat(DocumentGroup.COMPANY.kinds()).containsExactlyInAnyOrder(DocumentKind.SELF_ATTESTATION,
                DocumentKind.ORGANIZATION_CHART, DocumentKind.COMPANY_REGISTRATION);
        assertThat(DocumentGroup.OTHER.kinds()).containsExactly(DocumentKind.OTHER);
    }

    @Test
    void storedNamesStayTheOnesRunningChecksAndSentLinksCarry() {
        assertThat(Arrays.stream(DocumentGroup.values()).map(Enum::name))
                .containsExactly("IDENTITY", "ADDRESS", "COMPANY", "OTHER");
        assertThat(DocumentGroup.named("COMPANY")).contains(DocumentGroup.COMPANY);
        assertThat(DocumentGroup.named("company")).isEmpty();
        assertThat(DocumentGroup.named(null)).isEmpty();
        assertThat(Documents.kindsFor(null)).isEmpty();
    }

    @Test
    void eachEscalationLevelHasOneLabelAndKeepsItsStoredName() {
        assertThat(Arrays.stream(Escalation.Level.values()).map(Enum::name))
                .containsExactly("WARNING", "SENIOR_ANALYSTS", "MANAGERS");
        assertThat(Arrays.stream(Escalation.Level.values()).map(Escalation.Level::label))
                .containsExactly("Warned", "Escalated to seniors", "Escalated to managers");
        assertThat(Escalation.Level.SENIOR_ANALYSTS.whatHappened()).isEqualTo("offered to senior analysts (due date passed)");
        assertThat(Escalation.Level.WARNING.offeredFurther()).isFalse();
        assertThat(Escalation.Level.MANAGERS.offeredFurther()).isTrue();
    }
}
