package dev.attest.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.attest.AttestTest;
import dev.attest.communication.RequestedItem;
import dev.attest.ownership.OwnershipInput.HoldingInput;
import dev.attest.ownership.OwnershipInput.PartyInput;

/**
 * What the ownership findings ask the client for is written for the client: one item per finding, saying what to
 * send and why, with the document kind that answers it; never the analysts' wording ("has no documentation on
 * file").
 */
@AttestTest
class OwnershipRequestTextTests {

    @Autowired OwnershipReview review;

    @Test
    void eachFindingThatNeedsADocumentBecomesAnItemTheClientUnderstands() {
        OwnershipInput input = new OwnershipInput("S", "P", List.of(
                new PartyInput("S", "ORGANIZATION", "Seller Co LLC", "US", true),
                new PartyInput("F", "ORGANIZATION", "Rossi Holding S.r.l.", "IT", false),
                new PartyInput("H", "ORGANIZATION", "Bianchi Invest S.p.A.", "US", true),
                new PartyInput("P", "PERSON", "Marco Rossi", "IT", true)),
                List.of(new HoldingInput("F", "S", 60.0), new HoldingInput("H", "S", 40.0),
                        new HoldingInput("P", "F", 100.0)));

        List<RequestedItem> items = review.clientItems(OwnershipStructure.from(input));

        assertThat(items).extracting(RequestedItem::title)
                .containsExactlyInAnyOrder("Who owns Bianchi Invest S.p.A.", "Registration of Rossi Holding S.r.l.");
        RequestedItem registration = items.stream().filter(i -> i.title().startsWith("Registration")).findFirst()
                .orElseThrow();
        assertThat(registration.explanation()).contains("registered in Italy", "official extract")
                .doesNotContain("documentation on file");
        assertThat(registration.kinds()).containsExactly("COMPANY_REGISTRATION");
        assertThat(items).allSatisfy(i -> assertThat(i.explanation()).doesNotContain("trace it to", "FOREIGN", "_"));
    }
}
