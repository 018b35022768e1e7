package dev.attest.identity;

/**
 * An administrator set, changed or removed an account's e-mail address (published in the changing transaction; the
 * audit trail records it).
 *
 * @param username the account
 * @param email the new address, or {@code null} when it was removed
 * @param hadEmail whether the account had an address before
 */
public record AccountEmailChanged(String username, String email, boolean hadEmail) {
}
