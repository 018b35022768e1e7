package dev.attest.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.attest.identity.internal.LoginThrottle.Outcome;

/** The throttle's arithmetic, on a clock the test moves: locks, their growth, their end, what resets them. */
class LoginThrottleTests {

    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void pass(Duration d) {
            now = now.plus(d);
        }
    }

    final MovingClock clock = new MovingClock();
    final LoginThrottle throttle = new LoginThrottle(new LoginSettings(5, 20, Duration.ofMinutes(15),
            Duration.ofMinutes(1), Duration.ofMinutes(15), 1000), clock);

    void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    @Test
    void fiveFailuresLockTheAccountForAMinuteAndTheLockEndsByItself() {
        assertThat(throttle.failed("analyst", "10.0.0.1").account()).isEqualTo(Outcome.FIRST_FAILURE);
        fail("analyst", "10.0.0.1", 3);
        assertThat(throttle.lockedFor("analyst", "10.0.0.2")).isEmpty();
        LoginThrottle.Counted fifth = throttle.failed("analyst", "10.0.0.1");
        assertThat(fifth.account()).isEqualTo(Outcome.LOCKED);
        assertThat(fifth.accountLock()).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("analyst", "10.0.0.99")).as("from any address").contains(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("ANALYST", "10.0.0.99")).as("in any case").isPresent();
        assertThat(throttle.lockedFor("ａｎａｌｙｓｔ ", "10.0.0.99")).as("in any width").isPresent();
        assertThat(throttle.lockedFor("senior", "10.0.0.99")).as("other accounts").isEmpty();
        clock.pass(Duration.ofSeconds(59));
        assertThat(throttle.lockedFor("analyst", "10.0.0.1")).contains(Duration.ofSeconds(1));
        clock.pass(Duration.ofSeconds(1));
        assertThat(throttle.lockedFor("analyst", "10.0.0.1")).isEmpty();
    }

    @Test
    void afterALockEachFailureLocksAgainTwiceAsLongUpToFifteenMinutes() {
        fail("analyst", "10.0.0.1", 5);
        Duration[] expected = {Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
                Duration.ofMinutes(15), Duration.ofMinutes(15)};
        Duration lock = Duration.ofMinutes(1);
        for (Duration next : expected) {
            clock.pass(lock);
            LoginThrottle.Counted c = throttle.failed("analyst", "10.0.0." + next.toMinutes());
            assertThat(c.account()).isEqualTo(Outcome.LOCKED);
            assertThat(c.accountLock()).isEqualTo(next);
            lock = next;
        }
    }

    @Test
    void aQuietWindowAfterTheLockStartsTheCountOver() {
        fail("analyst", "10.0.0.1", 5);
        clock.pass(Duration.ofMinutes(1).plus(Duration.ofMinutes(15)));
        assertThat(throttle.failed("analyst", "10.0.0.1").account()).isEqualTo(Outcome.FIRST_FAILURE);
        fail("analyst", "10.0.0.1", 3);
        assertThat(throttle.lockedFor("analyst", "10.0.0.1")).isEmpty();
    }

    @Test
    void aSuccessfulLoginResetsTheAccountButNotTheAddress() {
        fail("analyst", "10.0.0.1", 4);
        throttle.succeeded("analyst");
        fail("analyst", "10.0.0.1", 4);
        assertThat(throttle.lockedFor("analyst", "10.0.0.1")).isEmpty();
        // an attacker with an account of their own cannot reset their address's count by logging in
        fail("someone", "10.0.0.1", 11);
        throttle.succeeded("someone");
        LoginThrottle.Counted twentieth = throttle.failed("another", "10.0.0.1");
        assertThat(twentieth.address()).isEqualTo(Outcome.LOCKED);
        assertThat(throttle.lockedFor("admin", "10.0.0.1")).as("every account from that address").isPresent();
        assertThat(throttle.lockedFor("admin", "10.0.0.2")).as("not from elsewhere").isEmpty();
    }

    @Test
    void spreadingGuessesOverAccountsLocksTheAddress() {
        for (int i = 0; i < 19; i++) {
            assertThat(throttle.failed("user" + i, "10.0.0.7").address()).isNotEqualTo(Outcome.LOCKED);
        }
        assertThat(throttle.failed("user19", "10.0.0.7").address()).isEqualTo(Outcome.LOCKED);
        assertThat(throttle.lockedFor("user0", "10.0.0.7")).contains(Duration.ofMinutes(1));
    }

    @Test
    void anIpv6SubscriberCountsAsOneAddressWhicheverOfTheirAddressesTheyUse() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "2001:db8:1:2:" + Integer.toHexString(i + 1) + "::7");
        }
        assertThat(throttle.lockedFor("analyst", "2001:db8:1:2:ffff:ffff:ffff:ffff")).isPresent();
        assertThat(throttle.lockedFor("analyst", "[2001:0db8:0001:0002::1]")).as("however it is written").isPresent();
        assertThat(throttle.lockedFor("analyst", "2001:db8:1:3::1")).as("another network").isEmpty();
        assertThat(LoginThrottle.addressKey("10.0.0.1")).isEqualTo("address:10.0.0.1");
        assertThat(LoginThrottle.addressKey("::ffff:10.0.0.1")).isEqualTo("address:10.0.0.1");
    }

    @Test
    void anAdministratorEndsALock() {
        fail("analyst", "10.0.0.1", 5);
        assertThat(throttle.accountLockedUntil("analyst")).contains(clock.now.plus(Duration.ofMinutes(1)));
        assertThat(throttle.unlock("analyst")).isTrue();
        assertThat(throttle.lockedFor("analyst", "10.0.0.2")).isEmpty();
        assertThat(throttle.accountLockedUntil("analyst")).isEmpty();
        assertThat(throttle.unlock("analyst")).isFalse();
    }

    @Test
    void memoryIsBounded() {
        LoginThrottle small = new LoginThrottle(new LoginSettings(5, 20, Duration.ofMinutes(15),
                Duration.ofMinutes(1), Duration.ofMinutes(15), 100), clock);
        for (int i = 0; i < 5_000; i++) {
            small.failed("guess" + i, "10.1." + (i / 250) + "." + (i % 250));
        }
        assertThat(small.tracked()).isLessThanOrEqualTo(200);
    }
}
