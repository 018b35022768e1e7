package dev.attest.documents.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;

import dev.attest.cases.CountryCode;
import dev.attest.documents.DocumentGroup;
import dev.attest.documents.DocumentKind;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.reading.DocumentReading;
import dev.attest.documents.reading.ReadValue;
import dev.attest.validation.FieldError;
import dev.attest.validation.InvalidValueException;

/**
 * What the client says about the file they send: only the fields that fit the kind of document, countries and US
 * states picked by name, and every error at its field in plain words. Only the kind is required: the fields can be
 * filled from what was read off the chosen file ({@link #fill}), for the client to confirm or correct.
 */
class ClientDocumentForm extends FormLayout {

    final ComboBox<DocumentKind> kind = new ComboBox<>("What are you sending?");
    final TextField name = new TextField();
    final TextField documentNumber = new TextField("Document number");
    final ComboBox<String> issuingCountry = PlaceNames.countryBox("Issued by (country)");
    final ComboBox<String> issuingState = PlaceNames.usStateBox("Issued by (state)");
    final DatePicker expiresOn = new DatePicker("Expires on");
    final DatePicker datedOn = new DatePicker();
    final TextField line1 = new TextField("Street and number");
    final TextField line2 = new TextField("Apartment, suite, floor (if any)");
    final TextField city = new TextField("City");
    final ComboBox<String> state = PlaceNames.usStateBox("State");
    final TextField region = new TextField("State, province or region (if any)");
    final TextField postalCode = new TextField("ZIP or postal code");
    final ComboBox<String> country = PlaceNames.countryBox("Country");

    /** The fields of the metadata, by their path in the service's refusals. */
    private final Map<String, Component> byPath = new LinkedHashMap<>();

    ClientDocumentForm(String idPrefix, List<DocumentKind> kinds) {
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
        kind.setItems(kinds);
        kind.setItemLabelGenerator(DocumentKind::label);
        kind.setRequiredIndicatorVisible(true);
        expiresOn.setMin(LocalDate.now().minusYears(1));
        datedOn.setMax(LocalDate.now().plusDays(1));
        Map<String, Component> ids = new LinkedHashMap<>();
        ids.put("kind", kind);
        ids.put("name", name);
        ids.put("document-number", documentNumber);
        ids.put("issuing-country", issuingCountry);
        ids.put("issuing-region", issuingState);
        ids.put("expires-on", expiresOn);
        ids.put("dated-on", datedOn);
        ids.put("line1", line1);
        ids.put("line2", line2);
        ids.put("city", city);
        ids.put("state", state);
        ids.put("region", region);
        ids.put("postal-code", postalCode);
        ids.put("country", country);
        ids.forEach((id, field) -> {
            field.setId(idPrefix + "-" + id);
            ((HasValidation) field).setManualValidation(true);
            add(field);
        });
        setColspan(kind, 2);
        setColspan(name, 2);
        documentNumber.setMaxLength(40);
        setColspan(line1, 2);
        byPath.put("metadata.kind", kind);
        byPath.put("metadata.nameOnDocument", name);
        byPath.put("metadata.documentNumber", documentNumber);
        byPath.put("metadata.issuingCountry", issuingCountry);
        byPath.put("metadata.issuingRegion", issuingState);
        byPath.put("metadata.expiresOn", expiresOn);
        byPath.put("metadata.datedOn", datedOn);
        byPath.put("metadata.addressOnDocument.line1", line1);
        byPath.put("metadata.addressOnDocument.line2", line2);
        byPath.put("metadata.addressOnDocument.city", city);
        byPath.put("metadata.addressOnDocument.postalCode", postalCode);
        byPath.put("metadata.addressOnDocument.country", country);
        kind.addValueChangeListener(e -> fit());
        issuingCountry.addValueChangeListener(e -> fit());
        country.addValueChangeListener(e -> fit());
        if (kinds.size() == 1) {
            kind.setValue(kinds.get(0));
            kind.setReadOnly(true);
        }
        fit();
    }

    /**
     * Shows the fields that fit the kind chosen (none before one is). None but the kind is required: what the client
     * leaves empty is read off the document.
     */
    void fit() {
        DocumentKind k = kind.getValue();
        boolean chosen = k != null;
        boolean company = chosen && k.group() == DocumentGroup.COMPANY;
        show(name, chosen);
        name.setLabel(company ? "Company name, as on the document" : "Your full name, as on the document");
        boolean identity = chosen && k.isIdentity();
        show(documentNumber, identity);
        show(issuingCountry, identity || k == DocumentKind.COMPANY_REGISTRATION);
        issuingCountry.setLabel(identity ? "Issued by (country)" : "Country where the company is registered");
        show(issuingState, identity && k != DocumentKind.PASSPORT && "US".equals(issuingCountry.getValue()));
        show(expiresOn, identity);
        boolean dated = company || k == DocumentKind.PROOF_OF_ADDRESS;
        show(datedOn, dated);
        datedOn.setLabel(k == DocumentKind.PROOF_OF_ADDRESS ? "Date on the bill or statement"
                : k != null && k.needsSignature() ? "Date it was signed" : "Date of the document");
        boolean address = chosen && k.showsAddress();
        boolean us = "US".equals(country.getValue());
        show(line1, address);
        show(line2, address);
        show(city, address);
        show(country, address);
        show(state, address && us);
        show(region, address && !us);
        show(postalCode, address);
        byPath.put("metadata.addressOnDocument.region", us ? state : region);
    }

    private static void show(Component field, boolean visible) {
        show(field, visible, false);
    }

    /**
     * Fills the empty fields with what was read off the chosen file, for the client to confirm or correct (what they
     * typed is kept).
     *
     * @return the labels of the fields filled
     */
    List<String> fill(DocumentReading reading) {
        List<String> filled = new ArrayList<>();
        if (reading == null || reading.status() != DocumentReading.Status.DONE) {
            return filled;
        }
        fillText(name, reading.fullName(), filled);
        fillText(documentNumber, reading.documentNumber(), filled);
        if (reading.issuingCountry() != null && issuingCountry.isEmpty()) {
            issuingCountry.setValue(reading.issuingCountry().value().value());
            filled.add(issuingCountry.getLabel());
        }
        fit();
        if (reading.issuingRegion() != null && issuingState.isEmpty()
                && PlaceNames.isUsState(reading.issuingRegion().value())) {
            issuingState.setValue(reading.issuingRegion().value());
            filled.add(issuingState.getLabel());
        }
        fillDate(expiresOn, reading.expiresOn(), filled);
        fillDate(datedOn, reading.documentDate(), filled);
        var a = reading.address() == null ? null : reading.address().value();
        if (a != null && line1.isVisible() && line1.isEmpty() && city.isEmpty()) {
            String code = countryCode(a.country());
            if (code != null && country.isEmpty()) {
                country.setValue(code);
                fit();
            }
            set(line1, a.line1());
            set(line2, a.line2());
            set(city, a.city());
            set(postalCode, a.postalCode());
            if (state.isVisible() && a.region() != null && PlaceNames.isUsState(a.region())) {
                state.setValue(a.region());
            } else if (region.isVisible()) {
                set(region, a.region());
            }
            filled.add("Address");
        }
        return filled.stream().filter(label -> label != null).toList();
    }

    private static void fillText(TextField field, ReadValue<String> read, List<String> filled) {
        if (read != null && field.isVisible() && field.isEmpty()) {
            field.setValue(read.value());
            filled.add(field.getLabel());
        }
    }

    private static void fillDate(DatePicker field, ReadValue<LocalDate> read, List<String> filled) {
        if (read != null && field.isVisible() && field.isEmpty()) {
            field.setValue(read.value());
            filled.add(field.getLabel());
        }
    }

    private static void set(TextField field, String value) {
        field.setValue(value == null ? "" : value);
    }

    private static String countryCode(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            return CountryCode.of(written).value();
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private static void show(Component field, boolean visible, boolean required) {
        field.setVisible(visible);
        ((HasValue<?, ?>) field).setRequiredIndicatorVisible(visible && required);
    }

    /**
     * Marks every visible required field left empty, with what to do.
     *
     * @return whether all are filled
     */
    boolean checkRequired() {
        clearErrors();
        boolean ok = true;
        for (Component field : fields()) {
            @SuppressWarnings("unchecked")
            var value = (HasValue<?, Object>) field;
            if (field.isVisible() && value.isRequiredIndicatorVisible() && value.isEmpty()) {
                error(field, field instanceof TextField ? "Please fill this in" : field instanceof DatePicker
                        ? "Please pick the date shown on the document" : "Please choose one");
                ok = false;
            }
        }
        return ok;
    }

    /**
     * Shows the service's refusals at their fields, in plain words.
     *
     * @return the refusals that belong to no field shown here
     */
    List<String> showErrors(List<FieldError> errors) {
        List<String> rest = new ArrayList<>();
        for (FieldError e : errors) {
            Component field = byPath.get(e.field());
            if (field != null && field.isVisible()) {
                error(field, plain(e.message()));
            } else {
                rest.add(plain(e.message()));
            }
        }
        return rest;
    }

    void clearErrors() {
        fields().forEach(f -> ((HasValidation) f).setInvalid(false));
    }

    /** What the form says, with hidden fields left out. */
    DocumentMetadata metadata() {
        boolean address = line1.isVisible();
        String regionValue = state.isVisible() ? state.getValue() : region.isVisible() ? region.getValue() : null;
        return new DocumentMetadata(kind.getValue() == null ? null : kind.getValue().name(), name.getValue(),
                address ? new DocumentMetadata.AddressOnDocument(line1.getValue(), line2.getValue(), city.getValue(),
                        regionValue, postalCode.getValue(), country.getValue()) : null,
                issuingCountry.isVisible() ? issuingCountry.getValue() : null,
                issuingState.isVisible() ? issuingState.getValue() : null,
                expiresOn.isVisible() && expiresOn.getValue() != null ? expiresOn.getValue().toString() : null,
                datedOn.isVisible() && datedOn.getValue() != null ? datedOn.getValue().toString() : null,
                documentNumber.isVisible() ? documentNumber.getValue() : null);
    }

    private List<Component> fields() {
        return Stream.of(kind, name, documentNumber, issuingCountry, issuingState, expiresOn, datedOn, line1, line2, city, state,
                region, postalCode, country).map(Component.class::cast).toList();
    }

    private static void error(Component field, String message) {
        HasValidation v = (HasValidation) field;
        v.setErrorMessage(message);
        v.setInvalid(true);
    }

    /** A refusal's message in words for the client. */
    static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "Please check this";
        }
        if (message.startsWith("is required")) {
            return "Please fill this in";
        }
        if (message.contains("ISO 3166")) {
            return "Please choose a country from the list";
        }
        if (message.contains("ISO date")) {
            return "Please pick a date from the calendar";
        }
        if (message.startsWith("must be one of ")) {
            return "Please choose one of: " + message.substring("must be one of ".length());
        }
        String sentence = message.startsWith("is ") || message.startsWith("must ") || message.startsWith("has ")
                ? "This " + message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return sentence;
    }
}
