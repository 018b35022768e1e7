package dev.attest.cases;

/** What a client needs from the consultancy. */
public enum CaseType {
    /** Locked out by two-step verification: reset 2FA through the marketplace's recovery process. */
    ACCOUNT_RECOVERY_2FA("2FA account recovery"),
    /** Pass the marketplace's seller identity verification. */
    SELLER_VERIFICATION("Seller verification");

    private final String label;

    CaseType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
