package dev.attest.identity.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** A login refused, whatever the password, because the account or the client address is locked for a while. */
public class LoginLockedException extends LockedException {

    private final Instant until;

    public LoginLockedException(Instant now, Duration remaining) {
        super("Too many failed sign-ins; try again in " + minutes(remaining) + " minute"
                + (minutes(remaining) == 1 ? "" : "s"));
        this.until = now.plus(remaining);
    }

    /** When the lock ends. */
    public Instant until() {
        return until;
    }

    /** Whole seconds until the lock ends (at least 1): the {@code Retry-After} of an API answer. */
    public long retryAfterSeconds(Instant now) {
        long millis = Duration.between(now, until).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /** Whole minutes, rounded up (at least 1). */
    public static long minutes(Duration remaining) {
        long seconds = Math.max(1, remaining.toSeconds() + (remaining.toNanosPart() > 0 ? 1 : 0));
        return (seconds + 59) / 60;
    }
}
