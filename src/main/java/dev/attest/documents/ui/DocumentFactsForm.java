package dev.attest.documents.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;

import dev.attest.documents.DocumentFacts;
import dev.attest.documents.DocumentKind;
import dev.attest.documents.DocumentMetadata;

/** What a document is and shows, as a reviewer reads it off the page: for uploads and for corrections. */
class DocumentFactsForm extends FormLayout {

    final ComboBox<DocumentKind> kind = new ComboBox<>("Kind");
    final TextField name = new TextField("Name on the document");
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
        add(kind, name, issuingCountry, issuingRegion, expiresOn, datedOn, line1, line2, city, region, postalCode,
                country);
    }

    /** Fills the fields from what was recorded. */
    void show(DocumentFacts facts) {
        kind.setValue(facts.kind());
        name.setValue(facts.nameOnDocument() == null ? "" : facts.nameOnDocument());
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
                datedOn.getValue() == null ? null : datedOn.getValue().toString());
    }
}
