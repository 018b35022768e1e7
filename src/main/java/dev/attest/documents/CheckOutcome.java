package dev.attest.documents;

/** What a check found: fine, wrong, or for a reviewer to confirm. */
public enum CheckOutcome {
    PASS, FAIL, NEEDS_REVIEW
}
