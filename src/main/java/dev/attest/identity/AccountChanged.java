package dev.attest.identity;

/**
 * An administrator disabled or enabled an account (published in the changing transaction; the audit trail
 * records it).
 *
 * @param username the account
 * @param enabled whether it may work now
 */
public record AccountChanged(String username, boolean enabled) {
}
