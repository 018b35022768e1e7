/**
 * Identity: Attest's users, their roles and how requests are authenticated.
 * <p>
 * Users and roles live in Attest's database (passwords hashed with BCrypt). The web UI uses a form
 * login; {@code /api/**} uses HTTP Basic without a session. Roles map one-to-one to the engine's
 * candidate groups ({@link dev.attest.identity.Role#group()}). An account may carry an e-mail address, set by an
 * administrator, where the daily digest of the user's notifications goes ({@link dev.attest.identity.StaffMailboxes}).
 */
package dev.attest.identity;
