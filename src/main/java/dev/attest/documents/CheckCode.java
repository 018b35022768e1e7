package dev.attest.documents;

/**
 * The automated checks run on every document. {@link #MRZ} verifies an identity document's machine-readable zone
 * (its check digits); {@link #CONSISTENCY} compares what was typed with what the document itself was read to say.
 */
public enum CheckCode {
    FILE_TYPE, OFFICIAL_DOCUMENT, SCREENSHOT, SIGNATURE, EXPIRY, ISSUER, NAME_MATCH, ADDRESS_MATCH, MRZ, CONSISTENCY
}
