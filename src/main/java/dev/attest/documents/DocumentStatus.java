package dev.attest.documents;

/** Where a document stands in its review. */
public enum DocumentStatus {
    /** Stored and checked; waiting for review (or for a new document when a check failed). */
    RECEIVED,
    /** An analyst approved it. */
    APPROVED,
    /** Refused by a check or a reviewer; the client is asked for another. */
    REJECTED
}
