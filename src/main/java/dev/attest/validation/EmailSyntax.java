package dev.attest.validation;

import java.util.Locale;

import org.apache.commons.validator.routines.EmailValidator;

/**
 * The one syntax rule of e-mail addresses (Commons Validator, at most 254 characters), shared by the client's
 * {@code dev.attest.cases.EmailAddress} and a staff account's address.
 */
public final class EmailSyntax {

    /** The longest address. */
    public static final int MAX_LENGTH = 254;

    private EmailSyntax() {
    }

    /**
     * The address as typed, trimmed, with its domain in lower case.
     *
     * @throws InvalidValueException when it is blank or no valid address
     */
    public static String normalised(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("is required");
        }
        String trimmed = raw.strip();
        if (trimmed.length() > MAX_LENGTH || !EmailValidator.getInstance(false, false).isValid(trimmed)) {
            throw new InvalidValueException("is not a valid e-mail address");
        }
        int at = trimmed.lastIndexOf('@');
        return trimmed.substring(0, at) + "@" + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
