package dev.attest.documents;

/** The automated checks run on every document. */
public enum CheckCode {
    FILE_TYPE, OFFICIAL_DOCUMENT, SCREENSHOT, SIGNATURE, EXPIRY, ISSUER, NAME_MATCH, ADDRESS_MATCH
}
