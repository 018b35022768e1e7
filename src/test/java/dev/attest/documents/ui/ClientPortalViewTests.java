package dev.attest.documents.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.upload.Upload;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.communication.UploadLinks;
import dev.attest.documents.DocumentGroup;
import dev.attest.documents.DocumentKind;
import dev.attest.documents.DocumentRequestItems;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.ui.KaribuTest;

/**
 * The client's portal page as a client on a phone meets it: who is asking, one card per requested item with the
 * file first, only the fields that fit the kind, countries and states by name, errors at the field in plain words,
 * and two items sent through one link filling both slots.
 */
class ClientPortalViewTests extends KaribuTest {

    @Autowired CaseIntake intake;
    @Autowired UploadLinks links;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    CaseFile openCase(String email) {
        var body = CaseRequests.with("client.email", email);
        return RunAs.user("intake", () -> intake.open(json.convertValue(body, CaseIntakeRequest.class)),
                Role.INTAKE);
    }

    String link(CaseFile c, String group) {
        return transactions.execute(s -> links.create(c.getId(), c.getReference(), group,
                DocumentRequestItems.firstReason(DocumentGroup.valueOf(group)), "Ada Analyst", DocumentRequestItems.first(DocumentGroup.valueOf(group)))).token();
    }

    ClientUploadView open(String token) {
        UI.getCurrent().navigate("portal/upload/" + token);
        return _get(ClientUploadView.class);
    }

    static RequestedItemCard card(ClientUploadView view, int slot) {
        return view.cards.get(slot - 1);
    }

    @Test
    void thePageSaysWhoAsksAndHasOneCardPerRequestedItemWithTheFileFirst() {
        CaseFile c = openCase("portal-who@example.com");
        ClientUploadView view = open(link(c, "COMPANY"));

        assertThat(_get(Span.class, spec -> spec.withId("portal-organisation-name")).getText()).isEqualTo("Attest");
        assertThat(_get(Paragraph.class, spec -> spec.withId("portal-case")).getText())
                .contains(c.getReference(), "Ada Analyst");
        assertThat(_get(Paragraph.class, spec -> spec.withId("portal-requested")).getText())
                .contains("confirm your company");
        assertThat(view.cards).hasSize(2);
        RequestedItemCard registration = card(view, 1);
        assertThat(registration.item.title()).isEqualTo("Company registration");
        assertThat(card(view, 2).item.title()).isEqualTo("Ownership chart");
        List<Component> parts = registration.getChildren().toList();
        assertThat(parts.indexOf(registration.upload.getParent().orElseThrow()))
                .as("the file comes before the fields").isLessThan(parts.indexOf(registration.form));
        assertThat(registration.upload.getElement().getProperty("accept")).contains("image/*", ".pdf");
        assertThat(registration.camera.getElement().getProperty("capture")).isEqualTo("environment");
        // one kind asked for: it is set, and only its fields show
        assertThat(registration.form.kind.getValue()).isEqualTo(DocumentKind.COMPANY_REGISTRATION);
        assertThat(registration.form.kind.isReadOnly()).isTrue();
        assertThat(registration.form.name.isVisible()).isTrue();
        assertThat(registration.form.name.getLabel()).isEqualTo("Company name, as on the document");
        assertThat(registration.form.issuingCountry.getLabel()).isEqualTo("Country where the company is registered");
        assertThat(registration.form.datedOn.isVisible()).isTrue();
        assertThat(registration.form.expiresOn.isVisible()).isFalse();
        assertThat(registration.form.line1.isVisible()).isFalse();
        // only the kind is required: the rest is read off the document, and what is typed is compared with it
        assertThat(card(view, 2).form.datedOn.isRequiredIndicatorVisible()).isFalse();
        assertThat(registration.form.name.isRequiredIndicatorVisible()).isFalse();
    }

    @Test
    void countriesAndStatesAreChosenByNameAndTheFieldsFollowTheKind() {
        CaseFile c = openCase("portal-places@example.com");
        ClientUploadView view = open(link(c, "IDENTITY"));
        ClientDocumentForm form = card(view, 1).form;

        assertThat(form.kind.isReadOnly()).as("several kinds answer: the client chooses").isFalse();
        assertThat(form.name.isVisible()).as("nothing to fill before the kind is chosen").isFalse();
        form.kind.setValue(DocumentKind.PASSPORT);
        assertThat(form.issuingCountry.isVisible()).isTrue();
        assertThat(form.expiresOn.isRequiredIndicatorVisible()).as("read off the document").isFalse();
        assertThat(form.documentNumber.isVisible()).isTrue();
        assertThat(form.line1.isVisible()).as("a passport shows no address").isFalse();
        assertThat(form.issuingCountry.getItemLabelGenerator().apply("DE")).isEqualTo("Germany");
        assertThat(form.issuingCountry.getListDataView().getItems().map(form.issuingCountry.getItemLabelGenerator()))
                .contains("United States", "Italy").noneMatch(label -> label.matches("[A-Z]{2}"));

        form.kind.setValue(DocumentKind.DRIVERS_LICENSE);
        assertThat(form.issuingState.isVisible()).as("no state until the country is the US").isFalse();
        form.issuingCountry.setValue("US");
        assertThat(form.issuingState.isVisible()).isTrue();
        assertThat(form.issuingState.getItemLabelGenerator().apply("TX")).isEqualTo("Texas");
        assertThat(form.line1.isVisible()).isTrue();
        form.country.setValue("US");
        assertThat(form.state.isVisible()).isTrue();
        assertThat(form.region.isVisible()).isFalse();
        form.country.setValue("IT");
        assertThat(form.state.isVisible()).isFalse();
        assertThat(form.region.isVisible()).isTrue();

        form.country.setValue("US");
        form.state.setValue("TX");
        form.issuingState.setValue("TX");
        assertThat(form.metadata().issuingCountry()).isEqualTo("US");
        assertThat(form.metadata().issuingRegion()).isEqualTo("TX");
        assertThat(form.metadata().addressOnDocument().region()).isEqualTo("TX");
    }

    @Test
    void missingAndRefusedFieldsAreMarkedAtTheFieldInPlainWords() {
        CaseFile c = openCase("portal-errors@example.com");
        ClientUploadView view = open(link(c, "IDENTITY"));
        RequestedItemCard id = card(view, 1);
        long before = jdbc.queryForObject("select count(*) from case_document where case_id = ?", Long.class,
                c.getId());

        _click(id.send);

        assertThat(id.fileError.getText()).isEqualTo("Please choose a file or take a photo first");
        assertThat(id.form.kind.isInvalid()).isTrue();
        assertThat(id.form.kind.getErrorMessage()).isEqualTo("Please choose one");

        id.form.kind.setValue(DocumentKind.PASSPORT);
        _click(id.send);
        assertThat(id.form.kind.isInvalid()).isFalse();
        assertThat(id.form.name.isInvalid()).as("only the kind is required").isFalse();
        assertThat(id.fileError.getText()).isEqualTo("Please choose a file or take a photo first");

        // what only the server can judge comes back to its field, in words
        id.form.name.setValue("N".repeat(201));
        id.form.issuingCountry.setValue("US");
        id.form.expiresOn.setValue(LocalDate.now().plusYears(3));
        UploadKt._upload(id.upload, "passport.jpg", "image/jpeg", TestFiles.jpeg(900, 600));
        assertThat(id.file.getText()).startsWith("Ready to send: passport.jpg");
        _click(id.send);

        assertThat(id.form.name.isInvalid()).isTrue();
        assertThat(id.form.name.getErrorMessage()).isEqualTo("This must be at most 200 characters");
        assertThat(id.form.issuingCountry.isInvalid()).isFalse();
        assertThat(id.refused.isVisible()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from case_document where case_id = ?", Long.class,
                c.getId())).isEqualTo(before);
    }

    @Test
    void aFileLargerThanTheLimitIsSaidSoAtTheFile() {
        CaseFile c = openCase("portal-large@example.com");
        RequestedItemCard id = card(open(link(c, "IDENTITY")), 1);

        UploadKt._upload(id.upload, "huge.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 2]);

        assertThat(id.fileError.getText()).contains("larger than 10 MB");
        assertThat(id.file.getText()).isEqualTo("No file chosen yet");
    }

    @Test
    void twoRequestedItemsSentThroughOneLinkFillBothSlots() {
        CaseFile c = openCase("portal-two@example.com");
        String token = link(c, "COMPANY");
        ClientUploadView view = open(token);

        RequestedItemCard registration = card(view, 1);
        UploadKt._upload(registration.upload, "registration.pdf", "application/pdf", TestFiles.pdf());
        registration.form.name.setValue("Jane Seller LLC");
        registration.form.issuingCountry.setValue("US");
        _click(registration.send);

        assertThat(_get(Paragraph.class, spec -> spec.withId("portal-1-received")).getText())
                .contains("registration.pdf");
        RequestedItemCard chart = card(view, 2);
        assertThat(chart.send.getParent()).as("the chart's slot still waits").isPresent();
        // the page opened again shows what has arrived and what still waits
        view = open(token);
        assertThat(_find(Paragraph.class, spec -> spec.withId("portal-1-received"))).hasSize(1);
        chart = card(view, 2);

        UploadKt._upload(chart.upload, "chart.pdf", "application/pdf", TestFiles.pdf());
        chart.form.name.setValue("Jane Seller LLC");
        chart.form.datedOn.setValue(LocalDate.now().minusDays(3));
        _click(chart.send);

        assertThat(_get(Paragraph.class, spec -> spec.withId("portal-thanks")).getText()).contains("write to you");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("portal-received")).getElement()
                .getTextRecursively()).contains("Ownership chart: chart.pdf");
        assertThat(jdbc.queryForList("select file_name from case_document where case_id = ? order by uploaded_at",
                String.class, c.getId())).contains("registration.pdf", "chart.pdf");
        open(token);
        assertThat(_find(Paragraph.class, spec -> spec.withId("portal-invalid"))).as("every item arrived: used up")
                .hasSize(1);
        assertThat(_find(Upload.class)).isEmpty();
    }
}
