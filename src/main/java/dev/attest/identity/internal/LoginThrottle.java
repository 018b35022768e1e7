package dev.attest.identity.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts failed logins per account and per client address, and locks either for a while when it failed too often
 * (see {@link LoginSettings}). During a lock every login of that account or from that address is refused, the right
 * password included. Kept in memory on each node, bounded in size; a lock always expires by itself.
 */
@Component
public class LoginThrottle {

    /** What one failed login did to a counter. */
    public enum Outcome {
        /** the first failure of the window: worth an audit record */
        FIRST_FAILURE,
        /** counted, nothing more */
        COUNTED,
        /** the failure locked the account or address */
        LOCKED
    }

    /**
     * A failed login as counted.
     *
     * @param account what the account's counter did
     * @param address what the address's counter did
     * @param accountLock how long the account is now locked, when {@code account} is LOCKED
     * @param addressLock how long the address is now locked, when {@code address} is LOCKED
     * @param accountFailures failures of the account since its count last started over (a quiet window)
     */
    public record Counted(Outcome account, Outcome address, Duration accountLock, Duration addressLock,
            int accountFailures) {
    }

    private static final class Counter {
        Instant windowStart;
        int failures;
        int total;
        int locks;
        Instant lockedUntil;
        Instant lastActivity;
    }

    /** How long an address an account logged in from stays exempt from that account's lock. */
    static final Duration KNOWN_ADDRESS_FOR = Duration.ofDays(30);

    private final LoginSettings settings;
    private final Clock clock;
    private final Cache<String, Counter> counters;
    /** Account and address pairs that logged in successfully (keys of both), bounded like the counters. */
    private final Cache<String, Boolean> knownAddresses;

    LoginThrottle(LoginSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.counters = Caffeine.newBuilder().maximumSize(settings.maxTracked())
                .expireAfterAccess(settings.window().plus(settings.maxLock()).plus(settings.window()))
                .build();
        this.knownAddresses = Caffeine.newBuilder().maximumSize(settings.maxTracked())
                .expireAfterWrite(KNOWN_ADDRESS_FOR).build();
    }

    /** The key of an account: the name as the database would find it, whatever case or width it was typed in. */
    static String accountKey(String username) {
        String name = folded(username);
        return "user:" + (name.length() > 65 ? name.substring(0, 65) : name);
    }

    /** A user name as typed, folded to the form account names have (NFKC, trimmed, lower case). */
    public static String folded(String username) {
        return username == null ? "" : Normalizer.normalize(username, Normalizer.Form.NFKC).strip()
                .toLowerCase(Locale.ROOT);
    }

    /**
     * The key of a client address: an IPv4 address as it is; an IPv6 address by its /64 network, since one
     * subscriber usually holds a whole /64 and could otherwise take a fresh address for every guess.
     */
    static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return "address:unknown";
        }
        String literal = address.strip();
        String bare = literal.replaceAll("^\\[|\\]$", "").replaceAll("%[A-Za-z0-9_.-]*$", "");
        if (bare.indexOf(':') >= 0 && bare.matches("[0-9A-Fa-f:.]+")) {
            try {
                // an IPv6 literal (hex digits, colons, dots only): nothing is looked up
                byte[] bytes = InetAddress.getByName(bare).getAddress();
                if (bytes.length == 16) {
                    StringBuilder network = new StringBuilder("address:");
                    for (int i = 0; i < 8; i += 2) {
                        network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                    }
                    return network.append(":/64").toString();
                }
                // an IPv4 address written as IPv6 (::ffff:10.0.0.1) is that IPv4 address
                return "address:" + InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                // not an address after all: counted under what was given
            }
        }
        return "address:" + (literal.length() > 64 ? literal.substring(0, 64) : literal);
    }

    /**
     * How long logins of the account or from the address are still refused, if they are. The account's lock does
     * not hold at an address the account logged in from before (within {@link #KNOWN_ADDRESS_FOR}): someone
     * guessing from elsewhere cannot lock the owner (or the only administrator) out for as long as they keep
     * guessing. That address's own count still holds.
     */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration account = isKnownAddress(username, address) ? Duration.ZERO : remaining(accountKey(username), now);
        Duration from = remaining(addressKey(address), now);
        Duration longest = account.compareTo(from) >= 0 ? account : from;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** When the account's lock ends, if it is locked now. */
    public Optional<Instant> accountLockedUntil(String username) {
        Counter c = counters.getIfPresent(accountKey(username));
        if (c == null) {
            return Optional.empty();
        }
        synchronized (c) {
            return c.lockedUntil != null && c.lockedUntil.isAfter(clock.instant()) ? Optional.of(c.lockedUntil)
                    : Optional.empty();
        }
    }

    private Duration remaining(String key, Instant now) {
        Counter c = counters.getIfPresent(key);
        if (c == null) {
            return Duration.ZERO;
        }
        synchronized (c) {
            return c.lockedUntil != null && c.lockedUntil.isAfter(now) ? Duration.between(now, c.lockedUntil)
                    : Duration.ZERO;
        }
    }

    /** Counts a failed login of the account from the address. */
    public Counted failed(String username, String address) {
        Instant now = clock.instant();
        Counter account = counters.get(accountKey(username), k -> new Counter());
        Counter from = counters.get(addressKey(address), k -> new Counter());
        Outcome a;
        Outcome b;
        Duration aLock;
        Duration bLock;
        int accountFailures;
        synchronized (account) {
            a = count(account, settings.maxFailures(), now);
            aLock = a == Outcome.LOCKED ? Duration.between(now, account.lockedUntil) : null;
            accountFailures = account.total;
        }
        synchronized (from) {
            b = count(from, settings.maxFailuresPerAddress(), now);
            bLock = b == Outcome.LOCKED ? Duration.between(now, from.lockedUntil) : null;
        }
        return new Counted(a, b, aLock, bLock, accountFailures);
    }

    private Outcome count(Counter c, int max, Instant now) {
        Instant quietSince = c.lockedUntil != null && c.lockedUntil.isAfter(c.lastActivity) ? c.lockedUntil
                : c.lastActivity;
        if (quietSince != null && !quietSince.plus(settings.window()).isAfter(now)) {
            // a whole window without failures or locks: start over
            c.windowStart = null;
            c.failures = 0;
            c.total = 0;
            c.locks = 0;
            c.lockedUntil = null;
        }
        if (c.windowStart == null || !c.windowStart.plus(settings.window()).isAfter(now)) {
            c.windowStart = now;
            c.failures = 0;
        }
        c.lastActivity = now;
        c.failures++;
        c.total++;
        boolean first = c.failures == 1 && c.locks == 0;
        // after a lock, the next failure within the window locks again, twice as long
        if (c.failures >= (c.locks > 0 ? 1 : max)) {
            c.locks++;
            c.lockedUntil = now.plus(lockOf(c.locks));
            c.failures = 0;
            c.windowStart = null;
            return Outcome.LOCKED;
        }
        return first ? Outcome.FIRST_FAILURE : Outcome.COUNTED;
    }

    private Duration lockOf(int locks) {
        Duration d = settings.lock();
        for (int i = 1; i < locks && d.compareTo(settings.maxLock()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(settings.maxLock()) > 0 ? settings.maxLock() : d;
    }

    /** A successful login: the account's count starts over (the address's does not: one good account would reset it). */
    public void succeeded(String username) {
        counters.invalidate(accountKey(username));
    }

    /**
     * A successful login from an address: the address is known for the account from now on; the account's count
     * starts over unless the account is locked (a login from a known address during a lock does not end the lock for
     * the one guessing elsewhere).
     */
    public void succeeded(String username, String address) {
        if (accountLockedUntil(username).isEmpty()) {
            succeeded(username);
        }
        if (address != null && !address.isBlank() && !"unknown".equals(address)) {
            knownAddresses.put(knownKey(username, address), Boolean.TRUE);
        }
    }

    private boolean isKnownAddress(String username, String address) {
        return address != null && !address.isBlank() && !"unknown".equals(address)
                && knownAddresses.getIfPresent(knownKey(username, address)) != null;
    }

    private static String knownKey(String username, String address) {
        return accountKey(username) + " " + addressKey(address);
    }

    /** Ends an account's lock and forgets its failures (an administrator unlocked it). */
    public boolean unlock(String username) {
        boolean locked = accountLockedUntil(username).isPresent();
        counters.invalidate(accountKey(username));
        return locked;
    }

    /** How many accounts and addresses are tracked now (at most {@code attest.login.max-tracked}, give or take). */
    long tracked() {
        counters.cleanUp();
        return counters.estimatedSize();
    }

    /** Forgets every counter (tests that share one application). */
    public void clear() {
        counters.invalidateAll();
        knownAddresses.invalidateAll();
    }
}
