package dev.attest.recovery;

/** Why the marketplace refused a 2FA reset submission, as far as it says. */
public enum MarketplaceRejectionReason {
    DOCUMENT_UNREADABLE, NAME_MISMATCH, ADDRESS_MISMATCH, DOCUMENT_NOT_ACCEPTED, DOCUMENT_EXPIRED,
    ACCOUNT_NOT_FOUND, WRONG_ACCOUNT_LOGIN, NO_REASON_GIVEN, OTHER
}
