package dev.attest.documents.ui;

import static org.mockito.Mockito.when;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.cases.CountryCode;
import dev.attest.communication.UploadLinks;
import dev.attest.documents.CheckCode;
import dev.attest.documents.CheckOutcome;
import dev.attest.documents.CheckResult;
import dev.attest.documents.DocumentGroup;
import dev.attest.documents.DocumentKind;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.DocumentRequestItems;
import dev.attest.documents.Documents;
import dev.attest.documents.StoredDocument;
import dev.attest.documents.TestFiles;
import dev.attest.documents.reading.BarcodeReading;
import dev.attest.documents.reading.DocumentReader;
import dev.attest.documents.reading.DocumentReading;
import dev.attest.documents.reading.MrzFormat;
import dev.attest.documents.reading.MrzReading;
import dev.attest.documents.reading.ReadSource;
import dev.attest.documents.reading.ReadValue;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.ui.KaribuTest;

/**
 * People and what was read: the portal and the analyst's upload form fill their fields from the chosen file for the
 * person to confirm or correct (a correction is compared with the document), only the kind is required, and the
 * review shows the text read with the found values highlighted, the decoded zone with each check digit and a licence
 * barcode's fields. The reader is a stand-in answering what each test sets.
 */
class DocumentReadingViewTests extends KaribuTest {

    static final LocalDate EXPIRES = LocalDate.now().plusYears(4).withDayOfMonth(1);
    static final String TEXT = "PASSPORT <b>UNITED STATES</b>\nSELLER JANE\nX12345678";
    static final MrzReading ZONE = new MrzReading(MrzFormat.TD3, List.of(
            "P<USASELLER<<JANE<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "X12345678<USA8001014F3304305<<<<<<<<<<<<<<02"),
            new MrzReading.CheckDigits(true, true, false, true), "P", "USA", "SELLER", "JANE", "X12345678", "USA",
            LocalDate.of(1980, 1, 1), "F", EXPIRES);

    @MockitoBean DocumentReader reader;

    @BeforeEach
    void readerReads() {
        when(reader.enabled()).thenReturn(true); // a mock answers false to a default method: this reader reads
    }
    @Autowired CaseIntake intake;
    @Autowired UploadLinks links;
    @Autowired TransactionTemplate transactions;
    @Autowired ObjectMapper json;
    @Autowired Documents documents;

    static final AtomicInteger files = new AtomicInteger(500);

    static byte[] newPhoto() {
        int n = files.incrementAndGet();
        return TestFiles.jpeg(600 + n, 400 + n % 5);
    }

    static <T> ReadValue<T> mrz(T value) {
        return new ReadValue<>(value, ReadSource.MRZ, 1.0);
    }

    static DocumentReading passport(MrzReading zone) {
        return new DocumentReading(DocumentReading.Status.DONE, mrz("JANE SELLER"), mrz("X12345678"),
                mrz(LocalDate.of(1980, 1, 1)), mrz(EXPIRES), mrz(new CountryCode("US")), null, null, null, null, zone,
                null, TEXT, List.of(new DocumentReading.Span(DocumentReading.Field.FULL_NAME, 30, 41),
                        new DocumentReading.Span(DocumentReading.Field.DOCUMENT_NUMBER, 42, 51)), null);
    }

    CaseFile openCase(String email) {
        var body = CaseRequests.with("client.email", email);
        return RunAs.user("intake", () -> intake.open(json.convertValue(body, CaseIntakeRequest.class)), Role.INTAKE);
    }

    String link(CaseFile c) {
        return transactions.execute(s -> links.create(c.getId(), c.getReference(), "IDENTITY",
                DocumentRequestItems.firstReason(DocumentGroup.IDENTITY), "Ada Analyst",
                DocumentRequestItems.first(DocumentGroup.IDENTITY))).token();
    }

    List<StoredDocument> stored(CaseFile c) {
        return RunAs.user("analyst", () -> documents.list(c.getReference()), Role.ANALYST);
    }

    static CheckResult check(StoredDocument d, CheckCode code) {
        return d.getChecks().stream().filter(x -> x.code() == code).findFirst().orElseThrow();
    }

    @Test
    void thePortalFillsTheFieldsFromTheChosenPassportAndTheClientSendsThemAsTheyAre() {
        Mockito.when(reader.read(any(), any(), any())).thenReturn(passport(ZONE));
        CaseFile c = openCase("reading-portal@example.com");
        UI.getCurrent().navigate("portal/upload/" + link(c));
        RequestedItemCard card = _get(ClientUploadView.class).cards.get(0);

        card.form.kind.setValue(DocumentKind.PASSPORT);
        assertThat(card.form.name.isRequiredIndicatorVisible()).as("only the kind is required").isFalse();
        assertThat(card.form.expiresOn.isRequiredIndicatorVisible()).isFalse();
        UploadKt._upload(card.upload, "passport.jpg", "image/jpeg", newPhoto());

        assertThat(card.form.name.getValue()).isEqualTo("JANE SELLER");
        assertThat(card.form.documentNumber.getValue()).isEqualTo("X12345678");
        assertThat(card.form.expiresOn.getValue()).isEqualTo(EXPIRES);
        assertThat(card.form.issuingCountry.getValue()).isEqualTo("US");
        assertThat(card.read.isVisible()).isTrue();
        assertThat(card.read.getText()).contains("We filled in what we read off your document", "your full name",
                "Please check it");
        _click(card.send);

        assertThat(_find(Paragraph.class, spec -> spec.withId("portal-thanks"))).hasSize(1);
        StoredDocument d = stored(c).get(0);
        assertThat(d.facts().nameOnDocument()).as("confirmed values are kept as typed").isEqualTo("JANE SELLER");
        assertThat(check(d, CheckCode.CONSISTENCY).outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(check(d, CheckCode.NAME_MATCH).detail()).endsWith("(read from the MRZ)");
    }

    @Test
    void aClientsCorrectionIsKeptAndComparedWithTheDocument() {
        Mockito.when(reader.read(any(), any(), any())).thenReturn(passport(ZONE));
        CaseFile c = openCase("reading-correct@example.com");
        UI.getCurrent().navigate("portal/upload/" + link(c));
        RequestedItemCard card = _get(ClientUploadView.class).cards.get(0);
        UploadKt._upload(card.upload, "passport.jpg", "image/jpeg", newPhoto());
        assertThat(card.form.name.isVisible()).as("no kind yet: nothing read, nothing shown").isFalse();
        card.form.kind.setValue(DocumentKind.PASSPORT);
        assertThat(card.form.documentNumber.getValue()).as("read once the kind is chosen").isEqualTo("X12345678");

        card.form.documentNumber.setValue("X12345679");
        _click(card.send);

        CheckResult consistency = check(stored(c).get(0), CheckCode.CONSISTENCY);
        assertThat(consistency.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(consistency.detail()).isEqualTo("Document number: 'X12345679' (typed by the client) but "
                + "'X12345678' (read from the MRZ)");
    }

    @Test
    void aClientSendsAPassportWithOnlyItsKindWhenNothingCouldBeRead() {
        Mockito.when(reader.read(any(), any(), any())).thenReturn(DocumentReading.unreadable("no text"));
        CaseFile c = openCase("reading-kind-only@example.com");
        UI.getCurrent().navigate("portal/upload/" + link(c));
        RequestedItemCard card = _get(ClientUploadView.class).cards.get(0);
        card.form.kind.setValue(DocumentKind.PASSPORT);
        UploadKt._upload(card.upload, "passport.jpg", "image/jpeg", newPhoto());
        assertThat(card.read.getText()).startsWith("We could not read the details off your document");
        assertThat(card.form.name.getValue()).isEmpty();

        _click(card.send);

        assertThat(_find(Paragraph.class, spec -> spec.withId("portal-thanks"))).hasSize(1);
        assertThat(stored(c).get(0).facts().nameOnDocument()).isNull();
    }

    @Test
    void theAnalystsUploadFormFillsItsFieldsAndStoresWithOnlyTheKind() {
        Mockito.when(reader.read(any(), any(), any())).thenReturn(passport(ZONE));
        CaseFile c = openCase("reading-analyst@example.com");
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate("cases/" + c.getReference());
        DocumentUploadForm form = (DocumentUploadForm) _get(Details.class, spec -> spec.withId("add-document"))
                .getContent().findFirst().orElseThrow();
        UploadKt._upload(form.upload, "passport.jpg", "image/jpeg", newPhoto());
        form.facts.kind.setValue(DocumentKind.PASSPORT);

        assertThat(form.facts.name.getValue()).isEqualTo("JANE SELLER");
        assertThat(form.facts.issuingCountry.getValue()).isEqualTo("US");
        assertThat(form.facts.expiresOn.getValue()).isEqualTo(EXPIRES);
        assertThat(form.read.getText()).startsWith("Filled from the file: Name on the document, Document number");

        Mockito.when(reader.read(any(), any(), any())).thenReturn(DocumentReading.unreadable("blank"));
        byte[] blank = newPhoto();
        UploadKt._upload(form.upload, "blank.jpg", "image/jpeg", blank);
        form.facts.name.clear();
        form.facts.documentNumber.clear();
        form.facts.issuingCountry.clear();
        form.facts.expiresOn.clear();
        _click(form.store);

        StoredDocument d = stored(c).get(0);
        assertThat(d.getFileName()).isEqualTo("blank.jpg");
        assertThat(d.facts().nameOnDocument()).isNull();
        assertThat(check(d, CheckCode.EXPIRY).outcome()).isEqualTo(CheckOutcome.NEEDS_REVIEW);
    }

    @Test
    void theReviewShowsTheTextReadWithFoundValuesHighlightedTheZonesCheckDigitsAndTheBarcode() {
        DocumentReading licence = new DocumentReading(DocumentReading.Status.DONE, mrz("JANE SELLER"), null, null,
                null, null, null, null, null, null, null, new BarcodeReading("636015", 10,
                        Map.of("DCS", "SELLER", "DAQ", "T1234567")), "", List.of(), null);
        Mockito.when(reader.read(any(), any(), any())).thenReturn(passport(ZONE), licence);
        CaseFile c = openCase("reading-review@example.com");
        RunAs.user("intake", () -> documents.upload(c.getReference(), "passport.jpg", newPhoto(),
                new DocumentMetadata("PASSPORT", null, null, null, null, null)), Role.INTAKE);
        RunAs.user("intake", () -> documents.upload(c.getReference(), "licence.jpg", newPhoto(),
                new DocumentMetadata("DRIVERS_LICENSE", null, null, null, null, null)), Role.INTAKE);
        login("analyst", Role.ANALYST);
        UI.getCurrent().navigate("cases/" + c.getReference());
        @SuppressWarnings("unchecked")
        Grid<StoredDocument> list = _get(Grid.class, spec -> spec.withId("documents"));
        GridKt._clickItem(list, 0);

        @SuppressWarnings("unchecked")
        Grid<CheckResult> checks = _get(Grid.class, spec -> spec.withId("document-checks"));
        List<String> names = new ArrayList<>();
        for (int row = 0; row < GridKt._size(checks); row++) {
            names.add(GridKt._getFormattedRow(checks, row).get(1));
        }
        assertThat(names).contains("Machine-readable zone", "Name match", "Consistency").doesNotContain("Mrz");
        Div text = _get(Div.class, spec -> spec.withId("document-reading-text"));
        assertThat(text.getElement().getTextRecursively()).isEqualTo(TEXT);
        assertThat(text.getChildren().filter(x -> x.hasClassName("attest-read-found")).map(x -> ((Span) x).getText()))
                .containsExactly("SELLER JANE", "X12345678");
        assertThat(text.getElement().getChildren().anyMatch(e -> "b".equals(e.getTag())))
                .as("document text is never markup").isFalse();
        Div digits = _get(Div.class, spec -> spec.withId("document-mrz-digits"));
        assertThat(digits.getChildren().map(x -> ((Span) x).getText())).containsExactly("Document number ✓",
                "Date of birth ✓", "Expiry date ✗", "Composite ✓");
        assertThat(_get(Div.class, spec -> spec.withId("document-mrz")).getElement().getTextRecursively())
                .contains(ZONE.lines().get(0), "check digits disagree", "issued by USA (United States)",
                        "nationality USA (United States)");
        assertThat(_get(Div.class, spec -> spec.withId("document-reading-values")).getElement().getTextRecursively())
                .contains("Name: JANE SELLER (read from the MRZ)");

        GridKt._clickItem(list, 1);
        assertThat(_get(Div.class, spec -> spec.withId("document-barcode")).getElement().getTextRecursively())
                .contains("Family name (DCS): SELLER", "Customer ID number (DAQ): T1234567");
    }
}
