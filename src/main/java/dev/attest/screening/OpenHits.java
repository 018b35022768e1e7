package dev.attest.screening;

import java.time.Duration;
import java.time.Instant;

/**
 * The screening hits waiting for a reviewer, for the dashboard ({@link CaseScreenings#openHits}); hits of closed cases
 * are not counted.
 *
 * @param undecided hits waiting for the analyst's decision
 * @param awaitingConfirmation true matches waiting for the second reviewer
 * @param oldestFoundAt when the oldest of those was found ({@code null} when none waits)
 * @param clearedLast30Days hits cleared (false positive, confirmed or overturned) in the last 30 days
 * @param medianTimeToClear median time from found to cleared over those ({@code null} when none)
 * @param p90TimeToClear 90th percentile of that time ({@code null} when none)
 */
public record OpenHits(long undecided, long awaitingConfirmation, Instant oldestFoundAt, long clearedLast30Days,
        Duration medianTimeToClear, Duration p90TimeToClear) {

    /** Every hit waiting for someone. */
    public long total() {
        return undecided + awaitingConfirmation;
    }
}
