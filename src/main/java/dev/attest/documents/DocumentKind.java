package dev.attest.documents;

import java.util.EnumSet;
import java.util.Set;

/** What a document is, as the uploader declares it. */
public enum DocumentKind {
    PASSPORT, DRIVERS_LICENSE, STATE_ID, VOTER_REGISTRATION_CARD, PROOF_OF_ADDRESS, SELF_ATTESTATION,
    ORGANIZATION_CHART, COMPANY_REGISTRATION, OTHER;

    /** Government identity documents accepted for the 2FA reset. */
    public static final Set<DocumentKind> IDENTITY = EnumSet.of(PASSPORT, DRIVERS_LICENSE, STATE_ID,
            VOTER_REGISTRATION_CARD);

    public boolean isIdentity() {
        return IDENTITY.contains(this);
    }

    /** Which document check takes this kind. */
    public DocumentGroup group() {
        if (isIdentity()) {
            return DocumentGroup.IDENTITY;
        }
        return switch (this) {
            case PROOF_OF_ADDRESS -> DocumentGroup.ADDRESS;
            case COMPANY_REGISTRATION, ORGANIZATION_CHART, SELF_ATTESTATION -> DocumentGroup.COMPANY;
            default -> DocumentGroup.OTHER;
        };
    }

    /** Kinds whose validity rests on a company stamp or a signature. */
    public boolean needsSignature() {
        return this == SELF_ATTESTATION || this == ORGANIZATION_CHART;
    }

    /** The kind's name for people, clients included ("Driver's license"). */
    public String label() {
        return switch (this) {
            case PASSPORT -> "Passport";
            case DRIVERS_LICENSE -> "Driver's license";
            case STATE_ID -> "State ID card";
            case VOTER_REGISTRATION_CARD -> "Voter registration card";
            case PROOF_OF_ADDRESS -> "Proof of address (utility bill or bank statement)";
            case SELF_ATTESTATION -> "Signed statement";
            case ORGANIZATION_CHART -> "Ownership chart";
            case COMPANY_REGISTRATION -> "Company registration";
            case OTHER -> "Other official document";
        };
    }

    /** Kinds that show an expiry date (identity documents). */
    public boolean expires() {
        return isIdentity();
    }

    /** Kinds that show the holder's address: identity documents but passports, and proofs of address. */
    public boolean showsAddress() {
        return (isIdentity() && this != PASSPORT) || this == PROOF_OF_ADDRESS || this == OTHER;
    }
}
