package dev.attest.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * An anonymous attacker who knows an account's name (the administrator's: "admin") and keeps guessing must not keep
 * its owner out: the account's lock does not hold at an address the account logged in from before, while it holds
 * everywhere else and the known address's own count still holds.
 */
class LoginLockOutTests {

    final LoginThrottleTests.MovingClock clock = new LoginThrottleTests.MovingClock();
    final LoginThrottle throttle = new LoginThrottle(new LoginSettings(5, 20, Duration.ofMinutes(15),
            Duration.ofMinutes(1), Duration.ofMinutes(15), 1000), clock);

    @Test
    void guessingFromElsewhereDoesNotLockTheOwnerOutOfTheirKnownAddress() {
        throttle.succeeded("admin", "10.0.0.5");
        // the attacker keeps the lock up for hours: one guess whenever it ends
        for (int i = 0; i < 5; i++) {
            throttle.failed("admin", "203.0.113.9");
        }
        for (int hour = 0; hour < 4 * 4; hour++) {
            clock.pass(Duration.ofMinutes(15));
            throttle.failed("admin", "198.51.100." + hour);
        }
        assertThat(throttle.lockedFor("admin", "203.0.113.77")).as("the attacker, anywhere else").isPresent();
        assertThat(throttle.lockedFor("admin", "10.0.0.6")).as("an address the admin never used").isPresent();
        assertThat(throttle.lockedFor("ADMIN", "10.0.0.5")).as("the admin where they logged in before").isEmpty();

        // the admin logging in there does not end the lock for the one guessing
        throttle.succeeded("admin", "10.0.0.5");
        assertThat(throttle.lockedFor("admin", "203.0.113.77")).isPresent();
    }

    @Test
    void aKnownAddressStillHasItsOwnCount() {
        throttle.succeeded("admin", "10.0.0.5");
        for (int i = 0; i < 20; i++) {
            throttle.failed("admin", "10.0.0.5");
        }
        assertThat(throttle.lockedFor("admin", "10.0.0.5")).isPresent();
        assertThat(throttle.lockedFor("admin", "unknown")).isPresent();
    }
}
