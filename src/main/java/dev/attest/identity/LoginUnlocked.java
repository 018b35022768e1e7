package dev.attest.identity;

/**
 * An administrator ended an account's login lock (published in the administrator's transaction).
 *
 * @param username the account
 */
public record LoginUnlocked(String username) {
}
