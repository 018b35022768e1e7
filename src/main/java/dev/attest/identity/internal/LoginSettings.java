package dev.attest.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed logins are throttled ({@code attest.login.*}): after {@code maxFailures} failed logins of one account
 * (or {@code maxFailuresPerAddress} from one client address) within {@code window}, that account (or address) is
 * locked for {@code lock}; each further failure within the window after a lock locks it again for twice as long, up
 * to {@code maxLock}. A lock always expires; a successful login resets the account's count.
 *
 * @param maxFailures failed logins of one account within the window before it is locked (default 5)
 * @param maxFailuresPerAddress failed logins from one client address within the window before it is locked
 *        (default 20: several people may share an address)
 * @param window how long failures are counted, and how long after the last failure or lock the count starts over
 *        (default 15 minutes)
 * @param lock the first lock (default 1 minute)
 * @param maxLock the longest lock (default 15 minutes)
 * @param maxTracked how many accounts and addresses are tracked at most (memory bound; default 100000)
 */
@ConfigurationProperties(prefix = "attest.login")
public record LoginSettings(@DefaultValue("5") int maxFailures, @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window, @DefaultValue("1m") Duration lock, @DefaultValue("15m") Duration maxLock,
        @DefaultValue("100000") int maxTracked) {

    public LoginSettings {
        if (maxFailures < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("attest.login.max-failures and max-failures-per-address must be at least 1");
        }
        if (window == null || lock == null || maxLock == null || window.isNegative() || window.isZero()
                || lock.isNegative() || lock.isZero() || maxLock.compareTo(lock) < 0) {
            throw new IllegalArgumentException(
                    "attest.login.window and lock must be positive, and max-lock at least as long as lock");
        }
        if (maxTracked < 100) {
            throw new IllegalArgumentException("attest.login.max-tracked must be at least 100");
        }
    }
}
