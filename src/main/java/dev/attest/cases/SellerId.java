package dev.attest.cases;

import java.util.Locale;

import org.apache.commons.validator.routines.RegexValidator;

import dev.attest.validation.InvalidValueException;

/** A marketplace seller (merchant) id such as Amazon's {@code A1B2C3D4E5F6G7}: 8–20 letters and digits. */
public record SellerId(String value) {

    private static final RegexValidator FORMAT = new RegexValidator("^[A-Z0-9]{8,20}$");

    /** Empty input is no seller id; anything else must have the format. */
    public static SellerId optional(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip().toUpperCase(Locale.ROOT);
        if (!FORMAT.isValid(value)) {
            throw new InvalidValueException("must be 8–20 letters and digits, e.g. A1B2C3D4E5F6G7");
        }
        return new SellerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
