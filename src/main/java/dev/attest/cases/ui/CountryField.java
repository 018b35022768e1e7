package dev.attest.cases.ui;

import com.vaadin.flow.component.combobox.ComboBox;

import dev.attest.cases.CountryCode;

/**
 * A country chosen by its English name: the list shows names only, typing filters by any part of the name,
 * accents and case ignored, or by code ({@code de}, {@code usa}, {@code uk}); a name typed in full and
 * confirmed is taken even when it is not the first suggestion. A typed name that is no country marks the
 * field invalid and leaves it empty.
 */
public class CountryField extends ComboBox<CountryCode> {

    /** Whether the user set the value (by choosing or typing), as opposed to the program. */
    private boolean chosenByUser;

    public CountryField(String label) {
        super(label);
        setItems((country, filter) -> country.matches(filter), CountryCode.allByName());
        setItemLabelGenerator(CountryCode::displayName);
        setAllowCustomValue(true);
        setClearButtonVisible(true);
        addCustomValueSetListener(e -> {
            var found = CountryCode.find(e.getDetail());
            if (found.isPresent()) {
                chosenByUser = true;
                setValue(found.get());
                setInvalid(false);
            } else {
                clear();
                setErrorMessage("Not a country we know: choose it from the list by its English name");
                setInvalid(true);
            }
        });
        addValueChangeListener(e -> {
            if (e.isFromClient()) {
                chosenByUser = e.getValue() != null;
            }
        });
    }

    /** Whether the value was set by the user rather than filled in by the program. */
    public boolean isChosenByUser() {
        return chosenByUser;
    }

    /** The two-letter code of the value, or {@code null} when empty. */
    public String code() {
        return getValue() == null ? null : getValue().value();
    }
}
