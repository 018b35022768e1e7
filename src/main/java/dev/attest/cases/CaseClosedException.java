package dev.attest.cases;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A change to a closed case (409): once closed, a case is a record; only record keeping (legal hold, erasure,
 * retention) acts on it.
 */
public class CaseClosedException extends RuntimeException {

    private final String reference;

    CaseClosedException(String reference, CaseOutcome outcome, Instant closedAt, String change) {
        super("Case " + reference + " is closed (outcome " + (outcome == null ? "none" : outcome.name())
                + (closedAt == null ? "" : ", closed at " + closedAt.truncatedTo(ChronoUnit.SECONDS)) + "): its record "
                + "can no longer be changed" + (change == null ? "" : "; refused: " + change));
        this.reference = reference;
    }

    /** The closed case's reference. */
    public String getReference() {
        return reference;
    }
}
