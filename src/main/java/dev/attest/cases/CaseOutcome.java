package dev.attest.cases;

/** How a case ended. */
public enum CaseOutcome {
    /** The client got what they came for (account recovered, verification passed). */
    RESOLVED,
    /** The marketplace or the consultancy refused; the case cannot go further. */
    NOT_RESOLVED,
    /** The client withdrew or stopped answering. */
    WITHDRAWN
}
