package dev.attest.screening;

/** Where a potential hit stands. */
public enum HitStatus {
    /** Waiting for the analyst's review ("Review screening hits"). */
    UNDECIDED,
    /** Judged a false positive by the analyst: remembered, not raised again while the entry is the same. */
    FALSE_POSITIVE,
    /** Judged a true match by the analyst; a second, different senior analyst has to confirm it. */
    AWAITING_CONFIRMATION,
    /** A true match confirmed by the second reviewer: the case went to the specialist. */
    TRUE_MATCH,
    /** Judged a true match, but the second reviewer overturned it: remembered as a false positive. */
    OVERTURNED;

    /** Whether the hit still waits for someone. */
    public boolean open() {
        return this == UNDECIDED || this == AWAITING_CONFIRMATION;
    }
}
