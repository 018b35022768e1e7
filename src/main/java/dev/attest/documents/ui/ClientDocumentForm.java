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

import dev.attest.documents.DocumentGroup;
import dev.attest.documents.DocumentKind;
import dev.attest.documents.DocumentMetadata;
import dev.attest.validation.FieldError;

/**
 * What the client says about the file they send: only the fields that fit the kind of document, the required ones
 * marked, countries and US states picked by name, and every error at its field in plain words.
 */
class ClientDocumentForm extends FormLayout {

    final ComboBox<DocumentKind> kind = new ComboBox<>("What are you sending?");
    final TextField name = new TextField();
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
        setColspan(line1, 2);
        byPath.put("metadata.kind", kind);
        byPath.put("metadata.nameOnDocument", name);
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

    /** Shows the fields that fit the kind chosen (none before one is), marking the required ones. */
    void fit() {
        DocumentKind k = kind.getValue();
        boolean chosen = k != null;
        boolean company = chosen && k.group() == DocumentGroup.COMPANY;
        show(name, chosen, true);
        name.setLabel(company ? "Company name, as on the document" : "Your full name, as on the document");
        boolean identity = chosen && k.isIdentity();
        show(issuingCountry, identity || k == DocumentKind.COMPANY_REGISTRATION, identity);
        issuingCountry.setLabel(identity ? "Issued by (country)" : "Country where the company is registered");
        show(issuingState, identity && k != DocumentKind.PASSPORT && "US".equals(issuingCountry.getValue()),
                k == DocumentKind.DRIVERS_LICENSE || k == DocumentKind.STATE_ID);
        show(expiresOn, identity, identity && k != DocumentKind.VOTER_REGISTRATION_CARD);
        boolean dated = company || k == DocumentKind.PROOF_OF_ADDRESS;
        show(datedOn, dated, k != null && k.needsSignature());
        datedOn.setLabel(k == DocumentKind.PROOF_OF_ADDRESS ? "Date on the bill or statement"
                : k != null && k.needsSignature() ? "Date it was signed" : "Date of the document");
        boolean address = chosen && k.showsAddress();
        boolean us = "US".equals(country.getValue());
        show(line1, address, true);
        show(line2, address, false);
        show(city, address, true);
        show(country, address, true);
        show(state, address && us, true);
        show(region, address && !us, false);
        show(postalCode, address, us);
        byPath.put("metadata.addressOnDocument.region", us ? state : region);
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
                datedOn.isVisible() && datedOn.getValue() != null ? datedOn.getValue().toString() : null);
    }

    private List<Component> fields() {
        return Stream.of(kind, name, issuingCountry, issuingState, expiresOn, datedOn, line1, line2, city, state,
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
