package dev.attest.documents.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;

import dev.attest.cases.CountryCode;
import dev.attest.documents.DocumentFacts;
import dev.attest.documents.DocumentKind;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.reading.DocumentReading;
import dev.attest.documents.reading.ReadValue;

/**
 * What a document is and shows, as a reviewer reads it off the page: for uploads and for corrections. Only the kind is
 * required; an upload fills the empty fields from what was read off the chosen file ({@link #fill}).
 */
class DocumentFactsForm extends FormLayout {

    final ComboBox<DocumentKind> kind = new ComboBox<>("Kind");
    final TextField name = new TextField("Name on the document");
    final TextField documentNumber = new TextField("Document number");
    final TextField line1 = new TextField("Address line 1");
    final TextField line2 = new TextField("Address line 2");
    final TextField city = new TextField("City");
    final TextField region = new TextField("State / region");
    final TextField postalCode = new TextField("Postal code");
    final TextField country = new TextField("Country");
    final TextField issuingCountry = new TextField("Issuing country (ISO code)");
    final TextField issuingRegion = new TextField("Issuing state / region");
    final DatePicker expiresOn = new DatePicker("Expires on");
    final DatePicker datedOn = new DatePicker("Dated (issued or signed) on");

    DocumentFactsForm(String idPrefix) {
        kind.setItems(DocumentKind.values());
        kind.setItemLabelGenerator(k -> DocumentPanel.label(k.name()));
        kind.setId(idPrefix + "-kind");
        name.setId(idPrefix + "-name");
        documentNumber.setId(idPrefix + "-document-number");
        documentNumber.setMaxLength(DocumentFacts.MAX_DOCUMENT_NUMBER);
        line1.setId(idPrefix + "-line1");
        line2.setId(idPrefix + "-line2");
        city.setId(idPrefix + "-city");
        region.setId(idPrefix + "-region");
        postalCode.setId(idPrefix + "-postal-code");
        country.setId(idPrefix + "-country");
        issuingCountry.setId(idPrefix + "-issuing-country");
        issuingRegion.setId(idPrefix + "-issuing-region");
        expiresOn.setId(idPrefix + "-expires-on");
        datedOn.setId(idPrefix + "-dated-on");
        add(kind, name, documentNumber, issuingCountry, issuingRegion, expiresOn, datedOn, line1, line2, city, region, postalCode,
                country);
    }

    /** Fills the fields from what was recorded. */
    void show(DocumentFacts facts) {
        kind.setValue(facts.kind());
        name.setValue(facts.nameOnDocument() == null ? "" : facts.nameOnDocument());
        documentNumber.setValue(facts.documentNumber() == null ? "" : facts.documentNumber());
        issuingCountry.setValue(facts.issuingCountry() == null ? "" : facts.issuingCountry().value());
        issuingRegion.setValue(facts.issuingRegion() == null ? "" : facts.issuingRegion());
        expiresOn.setValue(facts.expiresOn());
        datedOn.setValue(facts.datedOn());
        var a = facts.address();
        if (a != null) {
            line1.setValue(a.line1() == null ? "" : a.line1());
            line2.setValue(a.line2() == null ? "" : a.line2());
            city.setValue(a.city() == null ? "" : a.city());
            region.setValue(a.region() == null ? "" : a.region());
            postalCode.setValue(a.postalCode() == null ? "" : a.postalCode());
            country.setValue(a.country() == null ? "" : a.country());
        }
    }

    DocumentMetadata metadata() {
        return new DocumentMetadata(kind.getValue() == null ? null : kind.getValue().name(), name.getValue(),
                new DocumentMetadata.AddressOnDocument(line1.getValue(), line2.getValue(), city.getValue(),
                        region.getValue(), postalCode.getValue(), country.getValue()),
                issuingCountry.getValue(), issuingRegion.getValue(),
                expiresOn.getValue() == null ? null : expiresOn.getValue().toString(),
                datedOn.getValue() == null ? null : datedOn.getValue().toString(), documentNumber.getValue());
    }

    /**
     * Fills the empty fields with what was read off the chosen file, for the uploader to confirm or correct (what they
     * typed is kept; a correction is compared with the document by the CONSISTENCY check).
     *
     * @return the labels of the fields filled
     */
    List<String> fill(DocumentReading reading) {
        List<String> filled = new ArrayList<>();
        if (reading == null || reading.status() != DocumentReading.Status.DONE) {
            return filled;
        }
        text(name, reading.fullName(), v -> v, filled);
        text(documentNumber, reading.documentNumber(), v -> v, filled);
        text(issuingCountry, reading.issuingCountry(), CountryCode::value, filled);
        text(issuingRegion, reading.issuingRegion(), v -> v, filled);
        date(expiresOn, reading.expiresOn(), filled);
        date(datedOn, reading.documentDate(), filled);
        var a = reading.address() == null ? null : reading.address().value();
        if (a != null && line1.isEmpty() && city.isEmpty()) {
            line1.setValue(a.line1() == null ? "" : a.line1());
            line2.setValue(a.line2() == null ? "" : a.line2());
            city.setValue(a.city() == null ? "" : a.city());
            region.setValue(a.region() == null ? "" : a.region());
            postalCode.setValue(a.postalCode() == null ? "" : a.postalCode());
            country.setValue(a.country() == null ? "" : a.country());
            filled.add("Address");
        }
        return filled;
    }

    private static <T> void text(TextField field, ReadValue<T> read, Function<T, String> value, List<String> filled) {
        if (read != null && field.isEmpty()) {
            field.setValue(value.apply(read.value()));
            filled.add(field.getLabel());
        }
    }

    private static void date(DatePicker field, ReadValue<LocalDate> read, List<String> filled) {
        if (read != null && field.isEmpty()) {
            field.setValue(read.value());
            filled.add(field.getLabel());
        }
    }
}
