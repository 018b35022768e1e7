package dev.attest.cases.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;

import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseIntakeRequest.AccountInput;
import dev.attest.cases.CaseIntakeRequest.AddressInput;
import dev.attest.cases.CaseIntakeRequest.ClientInput;
import dev.attest.cases.CaseIntakeRequest.SituationInput;
import dev.attest.cases.CaseType;
import dev.attest.cases.CountryCode;
import dev.attest.cases.EmailAddress;
import dev.attest.cases.Marketplace;
import dev.attest.cases.OtpProblem;
import dev.attest.cases.PhoneNumber;
import dev.attest.cases.PostalAddress;
import dev.attest.cases.SellerId;
import dev.attest.cases.UsState;
import dev.attest.ui.Formats;
import dev.attest.validation.FieldError;
import dev.attest.validation.InvalidValueException;
import dev.attest.validation.Text;

/**
 * The intake form: the same fields as {@code POST /api/v1/cases}, checked as you type by the same value
 * objects, which also read the forgiving forms (a national phone number with the client's country, a US
 * state by name, countries chosen by name). Required fields are marked before anything is submitted; the
 * address country follows the client's country until it is chosen by hand. Fires a {@link SubmitEvent}
 * with the request; it knows nothing of services.
 */
public class IntakeForm extends VerticalLayout {

    final Select<CaseType> type = new Select<>();
    final TextField fullName = new TextField("Full name");
    final EmailField email = new EmailField("E-mail");
    final TextField phone = new TextField("Phone");
    final TextField businessName = new TextField("Business name (business accounts)");
    final CountryField clientCountry = new CountryField("Client's country");
    final ComboBox<String> marketplace = new ComboBox<>("Marketplace");
    final TextField sellerId = new TextField("Seller id");
    final TextField line1 = new TextField("Address line 1");
    final TextField line2 = new TextField("Address line 2");
    final TextField city = new TextField("City");
    final TextField region = new TextField("State / region");
    final TextField postalCode = new TextField("Postal code");
    final CountryField addressCountry = new CountryField("Country");
    final Checkbox lostPhone = new Checkbox("Lost access to the phone for one-time passwords");
    final Checkbox lostEmail = new Checkbox("Lost access to the account's e-mail");
    final Checkbox suspended = new Checkbox("Account suspended");
    final Checkbox voip = new Checkbox("Phone on file is a VoIP number");
    final ComboBox<OtpProblem> otpProblem = new ComboBox<>("Why one-time codes stopped arriving (2FA cases)");
    final TextArea description = new TextArea("Description");
    final Button submit = new Button("Open case");

    private static final String PHONE_HELP = "Optional; a national number is read with the client's country";

    private final Map<String, HasValidation> byPath = new LinkedHashMap<>();

    public IntakeForm() {
        setPadding(false);
        type.setLabel("Case type");
        type.setItems(CaseType.values());
        type.setItemLabelGenerator(CaseType::label);
        type.setId("intake-type");
        lostPhone.setId("intake-lost-phone");
        lostEmail.setId("intake-lost-email");
        marketplace.setItems(Marketplace.SUPPORTED);
        marketplace.setValue("amazon.com");
        marketplace.setAllowCustomValue(false);
        phone.setPlaceholder("(512) 555-0199 or +44 20 7946 0958");
        phone.setHelperText(PHONE_HELP);
        region.setHelperText(regionHelp());
        sellerId.setHelperText("Optional, e.g. A1B2C3D4E5F6G7");
        description.setMaxLength(4000);
        description.setHelperText("What the client told you (optional, at most 4000 characters)");

        bind("type", type, v -> v == null ? fail("is required") : v);
        bind("client.fullName", fullName, v -> Text.requiredLine(v, 200));
        bind("client.email", email, EmailAddress::of);
        bind("client.phone", phone, v -> showPhone(PhoneNumber.optional(v, clientCountry.getValue())));
        bind("client.businessName", businessName, v -> Text.line(v, 200));
        bind("client.country", clientCountry, v -> v == null ? fail("is required") : v);
        bind("account.marketplace", marketplace, Marketplace::of);
        bind("account.sellerId", sellerId, SellerId::optional);
        bind("account.addressOnFile.line1", line1, v -> Text.requiredLine(v, 200));
        bind("account.addressOnFile.line2", line2, v -> Text.line(v, 200));
        bind("account.addressOnFile.city", city, v -> Text.requiredLine(v, 100));
        bind("account.addressOnFile.country", addressCountry, v -> v == null ? fail("is required") : v);
        bind("account.addressOnFile.region", region, v -> showRegion(PostalAddress.region(v, addressCountry.getValue())));
        bind("account.addressOnFile.postalCode", postalCode, v -> PostalAddress.postalCode(v, addressCountry.getValue()));
        bind("description", description, v -> Text.optional(v, 4000));
        clientCountry.addValueChangeListener(e -> {
            if (!addressCountry.isChosenByUser()) {
                addressCountry.setValue(e.getValue());
            }
            if (!phone.isEmpty()) {
                validate(phone, v -> showPhone(PhoneNumber.optional(v, e.getValue())));
            }
        });
        addressCountry.addValueChangeListener(e -> {
            region.setRequiredIndicatorVisible(PostalAddress.regionRequired(e.getValue()));
            if (!region.isEmpty()) {
                validate(region, v -> showRegion(PostalAddress.region(v, e.getValue())));
            } else {
                region.setHelperText(regionHelp());
            }
            if (!postalCode.isEmpty()) {
                validate(postalCode, v -> PostalAddress.postalCode(v, e.getValue()));
            }
        });
        for (HasValue<?, ?> required : List.<HasValue<?, ?>>of(type, fullName, email, clientCountry, marketplace, line1, city, postalCode,
                addressCountry)) {
            required.setRequiredIndicatorVisible(true);
        }

        FormLayout clientForm = new FormLayout(type, fullName, email, phone, businessName, clientCountry);
        FormLayout accountForm = new FormLayout(marketplace, sellerId, line1, line2, city, region, postalCode,
                addressCountry);
        accountForm.setColspan(line1, 2);
        otpProblem.setItems(OtpProblem.values());
        otpProblem.setItemLabelGenerator(Formats::label);
        otpProblem.setClearButtonVisible(true);
        otpProblem.setId("intake-otp-problem");
        otpProblem.setWidth("24em");
        byPath.put("situation.otpProblem", otpProblem);
        VerticalLayout situation = new VerticalLayout(lostPhone, lostEmail, suspended, voip, otpProblem);
        situation.setPadding(false);
        situation.setSpacing(false);

        submit.setId("intake-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> fireEvent(new SubmitEvent(this, request())));
        Paragraph requiredNote = new Paragraph("Fields marked \u2022 are required.");
        add(requiredNote, new H3("Client"), clientForm, new H3("Marketplace account"), accountForm, new H3("Situation"), situation,
                description, submit);
        description.setWidthFull();
    }

    /** The request as typed. */
    public CaseIntakeRequest request() {
        return new CaseIntakeRequest(type.getValue() == null ? null : type.getValue().name(),
                new ClientInput(fullName.getValue(), email.getValue(), phone.getValue(), businessName.getValue(),
                        clientCountry.code()),
                new AccountInput(marketplace.getValue(), sellerId.getValue(),
                        new AddressInput(line1.getValue(), line2.getValue(), city.getValue(), region.getValue(),
                                postalCode.getValue(), addressCountry.code())),
                new SituationInput(lostPhone.getValue(), lostEmail.getValue(), suspended.getValue(), voip.getValue(),
                        otpProblem.getValue() == null ? null : otpProblem.getValue().name()),
                description.getValue());
    }

    /** Marks the fields the service refused, with its messages. */
    public void showErrors(List<FieldError> errors) {
        for (FieldError error : errors) {
            HasValidation field = byPath.get(error.field());
            if (field != null) {
                field.setErrorMessage(capitalize(error.message()));
                field.setInvalid(true);
            }
        }
    }

    public Registration addSubmitListener(ComponentEventListener<SubmitEvent> listener) {
        return addListener(SubmitEvent.class, listener);
    }

    /** The user asked to open the case. */
    public static class SubmitEvent extends ComponentEvent<IntakeForm> {
        private final CaseIntakeRequest request;

        SubmitEvent(IntakeForm source, CaseIntakeRequest request) {
            super(source, false);
            this.request = request;
        }

        public CaseIntakeRequest request() {
            return request;
        }
    }

    private <V, F extends AbstractField<?, V> & HasValidation> void bind(String path, F field,
            Function<V, Object> check) {
        byPath.put(path, field);
        if (field.getId().isEmpty()) {
            field.setId("intake-" + path.replace("addressOnFile.", "").replace('.', '-'));
        }
        field.addValueChangeListener(e -> validate(field, check));
        if (field instanceof HasValueChangeMode withMode) {
            withMode.setValueChangeMode(ValueChangeMode.ON_BLUR);
        }
    }

    private <V, F extends AbstractField<?, V> & HasValidation> void validate(F field, Function<V, Object> check) {
        try {
            check.apply(field.getValue());
            field.setInvalid(false);
        } catch (InvalidValueException ex) {
            field.setErrorMessage(capitalize(ex.getMessage()));
            field.setInvalid(true);
        }
    }

    /** The hint under the region for the address's country. */
    private String regionHelp() {
        CountryCode country = addressCountry.getValue();
        if (country != null && "US".equals(country.value())) {
            return "A US state by name or code, e.g. Texas or TX";
        }
        return PostalAddress.regionRequired(country) ? "Required for " + country.displayName()
                : "If the address has one";
    }

    /** Shows how a valid phone will be saved (or the hint again when empty). */
    private Object showPhone(PhoneNumber number) {
        phone.setHelperText(number == null ? PHONE_HELP : "Saved as " + number.international());
        return number;
    }

    /** Shows which state a valid US region names (or the hint again when empty). */
    private Object showRegion(String value) {
        region.setHelperText(value == null ? regionHelp()
                : UsState.find(value).filter(s -> "US".equals(addressCountry.code()))
                        .map(s -> s.label() + " (" + s.code() + ")").orElse(regionHelp()));
        return value == null ? "" : value;
    }

    private static Object fail(String message) {
        throw new InvalidValueException(message);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
