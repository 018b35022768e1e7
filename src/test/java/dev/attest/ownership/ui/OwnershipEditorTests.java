package dev.attest.ownership.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.ownership.Ownership;
import dev.attest.ownership.OwnershipInput;
import dev.attest.ui.KaribuTest;

/** The ownership editor in the case view: checks as you type, and a saved structure analysed. */
class OwnershipEditorTests extends KaribuTest {

    @Autowired CaseIntake intake;
    @Autowired Ownership ownership;

    CaseFile verificationCase() {
        var body = CaseRequests.with("type", "SELLER_VERIFICATION");
        @SuppressWarnings("unchecked")
        var client = (Map<String, Object>) body.get("client");
        client.put("businessName", "Seller Goods LLC");
        return RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(body, CaseIntakeRequest.class)), Role.INTAKE);
    }

    @Test
    void anAnalystBuildsAStructureCheckedAsTypedAndSavesIt() {
        CaseFile c = verificationCase();
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate("cases/" + c.getReference());
        OwnershipEditor editor = _get(OwnershipEditor.class, spec -> spec.withId("ownership-editor"));
        assertThat(editor.parties).extracting(p -> p.id()).containsExactly("subject", "client");

        editor.partyId.setValue("client");
        assertThat(editor.partyId.isInvalid()).as("a duplicate id is marked at once").isTrue();
        editor.partyCountry.setValue("XX");
        assertThat(editor.partyCountry.isInvalid()).isTrue();
        editor.holdingPercent.setValue(120.0);
        assertThat(editor.holdingPercent.isInvalid()).isTrue();

        editor.partyId.setValue("holding");
        editor.partyKind.setValue("ORGANIZATION");
        editor.partyName.setValue("Seller Holding GmbH");
        editor.partyCountry.setValue("DE");
        _click(editor.addParty);
        editor.holdingOwner.setValue("holding");
        editor.holdingOwned.setValue("subject");
        editor.holdingPercent.setValue(100.0);
        _click(editor.addHolding);
        editor.holdingOwner.setValue("client");
        editor.holdingOwned.setValue("holding");
        editor.holdingPercent.setValue(100.0);
        _click(editor.addHolding);
        assertThat(editor.holdings).hasSize(2);
        _click(editor.save);

        var view = RunAs.user("analyst", () -> ownership.current(c.getReference()), Role.ANALYST).orElseThrow();
        assertThat(view.analysis().beneficialOwners()).extracting(o -> o.party() + " " + o.effectivePercent())
                .containsExactly("client 100.0");
        assertThat(view.analysis().findings()).extracting(f -> f.code().name())
                .containsExactly("FOREIGN_PARENT_UNDOCUMENTED");
        assertThat(view.structure().holdings()).hasSize(2);
    }

    @Test
    void onlySellerVerificationCasesHaveAnOwnershipSection() {
        login("manager", Role.MANAGER);
        CaseFile c = verificationCase();
        UI.getCurrent().navigate("cases/" + c.getReference());
        assertThat(_get(VerticalLayout.class,
                spec -> spec.withId("case-ownership"))).isNotNull();
        assertThat(LocatorJ._find(OwnershipEditor.class)).as("managers only read")
                .isEmpty();

        CaseFile recovery = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
        UI.getCurrent().navigate("cases/" + recovery.getReference());
        assertThat(LocatorJ._find(VerticalLayout.class,
                spec -> spec.withId("case-ownership"))).as("a 2FA case has no ownership section").isEmpty();
    }

    @Test
    void aClosedCaseShowsItsRecordWithoutEditors() {
        CaseFile c = verificationCase();
        RunAs.user("analyst", () -> ownership.record(c.getReference(), new OwnershipInput("S", "p",
                List.of(new OwnershipInput.PartyInput("S", "ORGANIZATION", "Seller Goods LLC",
                        "US", true), new OwnershipInput.PartyInput("p", "PERSON", "Jane Seller", "US",
                                true)),
                List.of(new OwnershipInput.HoldingInput("p", "S", 100.0)))), Role.ANALYST);
        jdbc.update("UPDATE case_file SET status = 'CLOSED', outcome = 'RESOLVED', closed_at = CURRENT_TIMESTAMP "
                + "WHERE reference = ?", c.getReference());
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate("cases/" + c.getReference());
        assertThat(_get(Paragraph.class, spec -> spec.withId("ownership-closed"))
                .getText()).contains("closed");
        assertThat(LocatorJ._find(OwnershipEditor.class)).as("no ownership editor")
                .isEmpty();
        assertThat(LocatorJ._find(Details.class,
                spec -> spec.withId("add-document"))).as("no upload").isEmpty();
        assertThat(_get(OwnershipGraph.class, spec -> spec.withId("ownership-graph"))).as("the record stays readable")
                .isNotNull();
    }

    @Autowired JdbcTemplate jdbc;
}
