package dev.attest.identity;

import java.time.Duration;

/**
 * Too many failed logins: an account, or a client address, is refused every login for a while.
 *
 * @param username the locked account, or {@code null} when an address is locked
 * @param address the client address (the locked one, or the one the last failure came from)
 * @param failures how many failures within the window led to the lock
 * @param window the window the failures were counted in
 * @param lock how long the lock lasts
 */
public record LoginLocked(String username, String address, int failures, Duration window, Duration lock) {
}
