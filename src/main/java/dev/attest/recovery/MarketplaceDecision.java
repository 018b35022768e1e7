package dev.attest.recovery;

/** What the marketplace decided on a 2FA reset submission. */
public enum MarketplaceDecision {
    APPROVED, REJECTED
}
