package dev.attest.cases;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;

import dev.attest.validation.InvalidValueException;

/** A valid phone number in E.164 form ({@code +14155550123}), checked with libphonenumber. */
public record PhoneNumber(String e164) {

    public static PhoneNumber of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("is required");
        }
        String trimmed = raw.strip();
        if (!trimmed.matches("\\+[1-9][0-9]{6,14}")) {
            throw new InvalidValueException("must be in E.164 form, e.g. +14155550123");
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber parsed = util.parse(trimmed, null);
            if (!util.isValidNumber(parsed)) {
                throw new InvalidValueException("is not a valid phone number");
            }
            return new PhoneNumber(util.format(parsed, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new InvalidValueException("is not a valid phone number");
        }
    }

    /** Empty input is no phone; anything else must be valid. */
    public static PhoneNumber optional(String raw) {
        return raw == null || raw.isBlank() ? null : of(raw);
    }

    @Override
    public String toString() {
        return e164;
    }
}
