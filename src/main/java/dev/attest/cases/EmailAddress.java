package dev.attest.cases;

import dev.attest.validation.EmailSyntax;

/** A syntactically valid e-mail address ({@link EmailSyntax}), stored as typed with the domain in lower case. */
public record EmailAddress(String value) {

    public static EmailAddress of(String raw) {
        return new EmailAddress(EmailSyntax.normalised(raw));
    }

    @Override
    public String toString() {
        return value;
    }
}
