package dev.attest.identity;

/**
 * A login of an existing account failed for the first time in the throttle's window (later failures in the window
 * are counted, not published, so that a flood of wrong passwords does not become a flood of audit records).
 *
 * @param username the account
 * @param address the client address the attempt came from
 * @param cause what was wrong ("wrong password", "account disabled")
 */
public record LoginFailed(String username, String address, String cause) {
}
