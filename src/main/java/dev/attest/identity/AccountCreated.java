package dev.attest.identity;

import java.util.Set;

/**
 * An administrator created an account (published in the creating transaction; the audit trail records it).
 *
 * @param username the account
 * @param roles its roles
 */
public record AccountCreated(String username, Set<Role> roles) {
}
