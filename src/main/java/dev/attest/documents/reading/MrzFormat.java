package dev.attest.documents.reading;

/** The ICAO 9303 machine-readable zone layouts. */
public enum MrzFormat {
    /** ID cards: three lines of 30 characters. */
    TD1,
    /** Older ID cards and visas: two lines of 36 characters. */
    TD2,
    /** Passports: two lines of 44 characters. */
    TD3
}
