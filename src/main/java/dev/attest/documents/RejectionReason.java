package dev.attest.documents;

/** Why a reviewer rejects a document (the marketplace's most frequent reasons). */
public enum RejectionReason {
    UNOFFICIAL_DOCUMENT, SCREENSHOT, UNSIGNED, NO_STAMP_OR_SIGNATURE, ADDRESS_MISMATCH, NAME_MISMATCH, EXPIRED,
    ILLEGIBLE, OTHER
}
