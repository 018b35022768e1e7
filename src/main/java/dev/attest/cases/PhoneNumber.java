package dev.attest.cases;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;

import dev.attest.validation.InvalidValueException;
import dev.attest.validation.Text;

/**
 * A valid phone number, kept in E.164 form ({@code +15125550199}), checked with libphonenumber. Read from
 * the international form ({@code +1 512 555 0199}, {@code 0044 20 7946 0958} with a country) or, given the
 * country it belongs to, the national form ({@code (512) 555-0199} with the United States).
 */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String NOT_A_NUMBER = "is not a phone number: use digits, spaces, brackets and dashes, "
            + "e.g. (512) 555-0199 or +1 512 555 0199 (no extension, no letters)";

    /** Reads a number in international form (starting with + and the country code). */
    public static PhoneNumber of(String raw) {
        return of(raw, null);
    }

    /**
     * Reads a number in international form, or in the national form of {@code country}.
     *
     * @param country the country a national number belongs to; {@code null} when unknown
     * @throws InvalidValueException when blank, unreadable or not a number that can be called, in plain words
     */
    public static PhoneNumber of(String raw, CountryCode country) {
        String value = Text.line(raw, 40);
        if (value == null) {
            throw new InvalidValueException("is required");
        }
        if (!value.chars().allMatch(PhoneNumber::allowed)) {
            // libphonenumber would drop an extension, read letters as a keypad's digits or drop them: another number
            // than the one typed, saved without a word
            throw new InvalidValueException(NOT_A_NUMBER);
        }
        boolean international = value.startsWith("+");
        if (!international && country == null) {
            throw new InvalidValueException("needs its country code, e.g. +1 512 555 0199, or the client's country");
        }
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(value, international ? null : country.value());
            if (!UTIL.isValidNumber(parsed)) {
                throw new InvalidValueException(international || country == null ? "is not a valid phone number"
                        : "is not a valid phone number for " + country.displayName()
                                + " (a number from elsewhere needs its country code, e.g. +44 20 7946 0958)");
            }
            return new PhoneNumber(UTIL.format(parsed, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new InvalidValueException(NOT_A_NUMBER);
        }
    }

    /** Empty input is no phone; anything else must be valid (international form only). */
    public static PhoneNumber optional(String raw) {
        return optional(raw, null);
    }

    /** Empty input is no phone; anything else must be valid, in international or {@code country}'s form. */
    public static PhoneNumber optional(String raw, CountryCode country) {
        return raw == null || raw.isBlank() ? null : of(raw, country);
    }

    /** Digits (of any script), a leading +, and the separators people write numbers with. */
    private static boolean allowed(int c) {
        return Character.isDigit(c) || c == '+' || c == ' ' || c == '(' || c == ')' || c == '-' || c == '.'
                || c == '/' || c == '\u00A0';
    }

    /** The number as people write it internationally, e.g. {@code +1 512-555-0199}. */
    public String international() {
        try {
            return UTIL.format(UTIL.parse(e164, null), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    @Override
    public String toString() {
        return e164;
    }
}
