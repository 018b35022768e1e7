package dev.attest.communication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of upload links: after a number of bad links from one address within a window, that
 * address is refused without looking at links until the window has passed. Kept in memory per node; a
 * guesser spread over several nodes gets that many tries per node, still nowhere near a 256-bit token.
 */
@Component
public class PortalThrottle {

    private static final Logger log = LoggerFactory.getLogger(PortalThrottle.class);
    private static final int MAX_ADDRESSES = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    PortalThrottle(Clock clock, PortalSettings settings) {
        this.clock = clock;
        this.maxFailures = settings.maxBadLinks();
        this.window = settings.badLinkWindow();
    }

    /** How long the address must wait, or empty when it may try a link now. */
    public Optional<Duration> waitFor(String address) {
        Deque<Instant> recent = failures.get(address);
        if (recent == null) {
            return Optional.empty();
        }
        synchronized (recent) {
            Instant now = clock.instant();
            prune(recent, now);
            if (recent.size() < maxFailures) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, recent.peekFirst().plus(window)));
        }
    }

    /** A bad link was tried from the address. */
    public void failed(String address) {
        if (failures.size() >= MAX_ADDRESSES) {
            Instant now = clock.instant();
            failures.values().removeIf(d -> {
                synchronized (d) {
                    prune(d, now);
                    return d.isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(clock.instant());
            if (recent.size() == maxFailures) {
                log.warn("Upload links: {} bad links from {} within {}; refusing it for a while", maxFailures,
                        address, window);
            }
        }
    }

    /** Forgets every address (for tests that share one node). */
    void clear() {
        failures.clear();
    }

    private void prune(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.removeFirst();
        }
    }
}
