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
}
