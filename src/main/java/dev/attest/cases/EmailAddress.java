package dev.attest.cases;

import java.util.Locale;

import org.apache.commons.validator.routines.EmailValidator;

import dev.attest.validation.InvalidValueException;

/** A syntactically valid e-mail address (Commons Validator), stored as typed with the domain in lower case. */
public record EmailAddress(String value) {

    public static EmailAddress of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("is required");
        }
        String trimmed = raw.strip();
        if (trimmed.length() > 254 || !EmailValidator.getInstance(false, false).isValid(trimmed)) {
            throw new InvalidValueException("is not a valid e-mail address");
        }
        int at = trimmed.lastIndexOf('@');
        return new EmailAddress(trimmed.substring(0, at) + "@" + trimmed.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
