package dev.attest.documents;

import java.util.Locale;

/**
 * The automated checks run on every document. {@link #MRZ} verifies an identity document's machine-readable zone
 * (its check digits); {@link #CONSISTENCY} compares what was typed with what the document itself was read to say.
 */
public enum CheckCode {
    FILE_TYPE, OFFICIAL_DOCUMENT, SCREENSHOT, SIGNATURE, EXPIRY, ISSUER, NAME_MATCH, ADDRESS_MATCH, MRZ, CONSISTENCY;

    /** The check's name as people read it ("Name match", "Machine-readable zone"). */
    public String label() {
        if (this == MRZ) {
            return "Machine-readable zone";
        }
        String words = name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
