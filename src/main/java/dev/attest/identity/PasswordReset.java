package dev.attest.identity;

/**
 * An administrator gave an account a new password (published in the changing transaction; the audit trail
 * records it, never the password).
 *
 * @param username the account
 */
public record PasswordReset(String username) {
}
