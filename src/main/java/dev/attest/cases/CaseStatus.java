package dev.attest.cases;

/** Where a case stands as a whole. */
public enum CaseStatus {
    /** Opened, not yet triaged. */
    OPEN,
    /** Triaged and being worked. */
    IN_PROGRESS,
    /** Finished with an outcome. */
    CLOSED
}
