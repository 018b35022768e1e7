package dev.attest.documents.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.documents.AddressComparison;
import dev.attest.documents.CheckCode;
import dev.attest.documents.CheckOutcome;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.StoredDocument;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.ui.KaribuTest;

/** The documents section of the case view: list, the opened document, and corrections re-running checks. */
class DocumentViewTests extends KaribuTest {

    @Autowired CaseIntake intake;
    @Autowired Documents documents;

    @Test
    void anAnalystOpensADocumentAndCorrectsItsAddress() {
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
        RunAs.user("intake", () -> documents.upload(c.getReference(), "bill.pdf", TestFiles.pdf(),
                new DocumentMetadata("DRIVERS_LICENSE", "Jane Seller", new DocumentMetadata.AddressOnDocument(
                        "1 Market Street", null, "San Francisco", "CA", "94105", "US"), "US", "CA", "2031-01-01")),
                Role.INTAKE);
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate("cases/" + c.getReference());

        @SuppressWarnings("unchecked")
        Grid<StoredDocument> list = _get(Grid.class, spec -> spec.withId("documents"));
        GridKt._clickItem(list, 0);
        @SuppressWarnings("unchecked")
        Grid<AddressComparison.Component> address = _get(Grid.class, spec -> spec.withId("address-comparison"));
        assertThat(address.getGenericDataView().getItems().filter(x -> x.name().equals("unit")).findFirst().orElseThrow()
                .status()).isEqualTo(AddressComparison.Status.MISSING);

        DocumentFactsForm correction = _get(DocumentFactsForm.class, spec -> spec.withId("correct-form"));
        assertThat(correction.name.getValue()).isEqualTo("Jane Seller");
        correction.line2.setValue("Suite 500");
        _click(_get(Button.class, spec -> spec.withId("correct-save")));

        // the page reloads to show the new checks (Karibu makes a new UI, so the notification is gone)
        StoredDocument corrected = RunAs.user("analyst", () -> documents.list(c.getReference()), Role.ANALYST).get(0);
        assertThat(corrected.getChecks()).filteredOn(x -> x.code() == CheckCode.ADDRESS_MATCH)
                .extracting(x -> x.outcome()).containsExactly(CheckOutcome.PASS);
    }
}
