package dev.attest.identity;

import java.time.LocalDate;

/**
 * A user was marked away until a day, or available again (published in the changing transaction; the audit trail
 * records it).
 *
 * @param username whose availability changed
 * @param awayUntil the last day they are away, or {@code null} when they are available
 */
public record AvailabilityChanged(String username, LocalDate awayUntil) {
}
