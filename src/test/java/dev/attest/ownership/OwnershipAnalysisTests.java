package dev.attest.ownership;

import static dev.attest.ownership.OwnershipAnalysis.FindingCode.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.attest.ownership.OwnershipAnalysis.BeneficialOwner;
import dev.attest.ownership.OwnershipAnalysis.Result;
import dev.attest.ownership.OwnershipInput.HoldingInput;
import dev.attest.ownership.OwnershipInput.PartyInput;
import dev.attest.validation.InvalidInputException;

/** Effective ownership, beneficial owners, findings and refusals, on small structures worked out by hand. */
class OwnershipAnalysisTests {

    /** Builds structures in a few words: persons, organizations and holdings. */
    static final class Builder {
        final List<PartyInput> parties = new ArrayList<>();
        final List<HoldingInput> holdings = new ArrayList<>();
        String control = "ceo";

        Builder() {
            parties.add(new PartyInput("S", "ORGANIZATION", "Subject LLC", "US", true));
            parties.add(new PartyInput("ceo", "PERSON", "Chief Executive", "US", true));
        }

        Builder person(String id) {
            parties.add(new PartyInput(id, "PERSON", "Person " + id, "US", true));
            return this;
        }

        Builder org(String id, String country, boolean documented) {
            parties.add(new PartyInput(id, "ORGANIZATION", "Org " + id, country, documented));
            return this;
        }

        Builder org(String id) {
            return org(id, "US", true);
        }

        Builder holds(String owner, String owned, double percent) {
            holdings.add(new HoldingInput(owner, owned, percent));
            return this;
        }

        Builder noControlPerson() {
            control = null;
            return this;
        }

        OwnershipInput input() {
            return new OwnershipInput("S", control, parties, holdings);
        }

        Result analyse() {
            return OwnershipAnalysis.analyse(OwnershipStructure.from(input()), 25.0);
        }
    }

    static Map<String, Double> shares(Result r) {
        return r.beneficialOwners().stream().collect(Collectors.toMap(BeneficialOwner::party,
                BeneficialOwner::effectivePercent));
    }

    @Test
    void directOwnersAtOrAboveTheThreshold() {
        Result r = new Builder().person("A").person("B").person("C")
                .holds("A", "S", 60).holds("B", "S", 25).holds("C", "S", 15).analyse();
        assertThat(r.beneficialOwners()).extracting(BeneficialOwner::party).containsExactly("A", "B");
        assertThat(shares(r)).containsEntry("A", 60.0).containsEntry("B", 25.0);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void chainsMultiplyAndExactlyTheThresholdCounts() {
        Result r = new Builder().person("P").org("H").holds("H", "S", 50).holds("P", "H", 50)
                .person("Q").holds("Q", "H", 50).person("R").holds("R", "S", 50).analyse();
        assertThat(shares(r)).containsEntry("P", 25.0).containsEntry("Q", 25.0).containsEntry("R", 50.0);
        assertThat(r.beneficialOwners().get(0).party()).isEqualTo("R");
        assertThat(r.beneficialOwners().get(1).chains().get(0).parties()).containsExactly("P", "H", "S");
        assertThat(r.beneficialOwners().get(1).chains().get(0).percent()).isEqualTo(25.0);
    }

    @Test
    void sharesAddAcrossChains() {
        // P: 10 % directly + 40 % of H1 (which holds 30 %) + 50 % of H2 (which holds 20 %) = 10 + 12 + 10 = 32 %
        Result r = new Builder().person("P").org("H1").org("H2").person("X")
                .holds("P", "S", 10).holds("H1", "S", 30).holds("H2", "S", 20).holds("X", "S", 40)
                .holds("P", "H1", 40).holds("X", "H1", 60).holds("P", "H2", 50).holds("X", "H2", 50).analyse();
        assertThat(shares(r)).containsEntry("P", 32.0).containsEntry("X", 68.0);
        assertThat(r.beneficialOwners().stream().filter(o -> o.party().equals("P")).findFirst().orElseThrow().chains())
                .extracting(OwnershipAnalysis.Chain::percent).containsExactly(12.0, 10.0, 10.0);
    }

    @Test
    void dilutionThroughLayersFallsBelowTheThreshold() {
        // 80 % of 80 % of 30 % = 19.2 %: not a beneficial owner
        Result r = new Builder().person("P").org("A").org("B").person("Z")
                .holds("B", "S", 30).holds("A", "B", 80).holds("P", "A", 80).holds("Z", "S", 70)
                .holds("Z", "A", 20).holds("Z", "B", 20).analyse();
        assertThat(shares(r)).doesNotContainKey("P").containsKey("Z");
    }

    @Test
    void circularStructuresGetTheExactLimitOfAllChains() {
        // S: 60 % A, 40 % P2; A: 50 % P1, 50 % B; B: 40 % A's ... B owns 50 % of A and A owns 40 % of B; B: 60 % P3
        // g(A) = 0.6 + 0.4·g(B), g(B) = 0.5·g(A) → g(A) = 0.75, g(B) = 0.375
        Result r = new Builder().person("P1").person("P2").person("P3").org("A").org("B")
                .holds("A", "S", 60).holds("P2", "S", 40)
                .holds("P1", "A", 50).holds("B", "A", 50)
                .holds("A", "B", 40).holds("P3", "B", 60).analyse();
        assertThat(shares(r)).containsExactlyInAnyOrderEntriesOf(Map.of("P2", 40.0, "P1", 37.5));
        Result low = OwnershipAnalysis.analyse(OwnershipStructure.from(new Builder().person("P1").person("P2")
                .person("P3").org("A").org("B").holds("A", "S", 60).holds("P2", "S", 40).holds("P1", "A", 50)
                .holds("B", "A", 50).holds("A", "B", 40).holds("P3", "B", 60).input()), 20.0);
        assertThat(shares(low)).containsEntry("P3", 22.5);
        assertThat(r.has(CIRCULAR_OWNERSHIP)).isTrue();
        assertThat(r.findings().stream().filter(f -> f.code() == CIRCULAR_OWNERSHIP).findFirst().orElseThrow().parties())
                .containsExactly("A", "B");
    }

    @Test
    void aClosedLoopWithNoOutsideOwnerTracesNobody() {
        Result r = new Builder().org("A").org("B").holds("A", "S", 100).holds("B", "A", 100).holds("A", "B", 100)
                .analyse();
        assertThat(r.beneficialOwners()).isEmpty();
        assertThat(r.has(CIRCULAR_OWNERSHIP)).isTrue();
        assertThat(r.has(NO_OWNER_ABOVE_THRESHOLD)).isTrue();
    }

    @Test
    void eachFindingCode() {
        Result unresolved = new Builder().person("P").org("H").holds("H", "S", 70).holds("P", "S", 30).analyse();
        assertThat(unresolved.findings()).extracting(f -> f.code()).containsExactly(CORPORATE_OWNER_UNRESOLVED);
        assertThat(unresolved.findings().get(0).parties()).containsExactly("H");

        Result foreign = new Builder().person("P").org("F", "IT", false).holds("F", "S", 100).holds("P", "F", 100)
                .analyse();
        assertThat(foreign.findings()).extracting(f -> f.code()).containsExactly(FOREIGN_PARENT_UNDOCUMENTED);
        assertThat(new Builder().person("P").org("F", "IT", true).holds("F", "S", 100).holds("P", "F", 100).analyse()
                .findings()).isEmpty();

        Result exceeds = new Builder().person("P").person("Q").holds("P", "S", 70).holds("Q", "S", 50).analyse();
        assertThat(exceeds.findings()).extracting(f -> f.code()).containsExactly(OWNERSHIP_EXCEEDS_100);

        Result incomplete = new Builder().person("P").holds("P", "S", 60).analyse();
        assertThat(incomplete.findings()).extracting(f -> f.code()).containsExactly(OWNERSHIP_INCOMPLETE);

        Result nobody = new Builder().person("P").person("Q").person("R").person("T").person("U")
                .holds("P", "S", 20).holds("Q", "S", 20).holds("R", "S", 20).holds("T", "S", 20).holds("U", "S", 20)
                .analyse();
        assertThat(nobody.findings()).extracting(f -> f.code()).containsExactly(NO_OWNER_ABOVE_THRESHOLD);

        Result noControl = new Builder().person("P").holds("P", "S", 100).noControlPerson().analyse();
        assertThat(noControl.findings()).extracting(f -> f.code()).containsExactly(CONTROL_PERSON_MISSING);
    }

    @Test
    void theThresholdIsASetting() {
        var structure = OwnershipStructure.from(new Builder().person("P").person("Q")
                .holds("P", "S", 85).holds("Q", "S", 15).input());
        assertThat(OwnershipAnalysis.analyse(structure, 25).beneficialOwners()).hasSize(1);
        assertThat(OwnershipAnalysis.analyse(structure, 10).beneficialOwners()).hasSize(2);
        assertThat(OwnershipAnalysis.analyse(structure, 15).beneficialOwners()).hasSize(2);
    }

    @Test
    void theSameInputGivesTheSameOutput() {
        Builder b = new Builder().person("P1").person("P2").person("P3").org("A").org("B")
                .holds("A", "S", 60).holds("P2", "S", 40).holds("P1", "A", 50).holds("B", "A", 50)
                .holds("A", "B", 40).holds("P3", "B", 60);
        assertThat(b.analyse()).isEqualTo(b.analyse());
    }

    static void refused(Builder b, String field) {
        assertThatThrownBy(() -> OwnershipStructure.from(b.input()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(x -> x.field()).contains(field));
    }

    @Test
    void invalidStructuresAreRefusedNamingTheProblem() {
        refused(new Builder().person("P").holds("P", "GHOST", 10), "holdings[0].owned");
        refused(new Builder().person("P").holds("NOBODY", "S", 10), "holdings[0].owner");
        refused(new Builder().person("P").holds("P", "S", 0), "holdings[0].percent");
        refused(new Builder().person("P").holds("P", "S", -5), "holdings[0].percent");
        refused(new Builder().person("P").holds("P", "S", 100.5), "holdings[0].percent");
        refused(new Builder().org("A").holds("A", "A", 10), "holdings[0]");
        refused(new Builder().person("P").person("Q").holds("P", "Q", 10), "holdings[0].owned");
        refused(new Builder().person("P").person("P"), "parties[3].id");
        Builder personSubject = new Builder();
        personSubject.parties.set(0, new PartyInput("S", "PERSON", "Not a company", "US", true));
        refused(personSubject, "subject");
        Builder unlisted = new Builder();
        unlisted.parties.remove(0);
        refused(unlisted, "subject");
        Builder badCountry = new Builder();
        badCountry.parties.add(new PartyInput("X", "PERSON", "X", "Narnia", true));
        refused(badCountry, "parties[2].country");
        Builder badKind = new Builder();
        badKind.parties.add(new PartyInput("X", "TRUST", "X", "US", true));
        refused(badKind, "parties[2].kind");
    }
}
