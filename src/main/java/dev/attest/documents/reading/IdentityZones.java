package dev.attest.documents.reading;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * The machine-readable parts of identity documents: the ICAO 9303 zone of passports and ID cards, and the AAMVA
 * PDF417 barcode of US licences and state IDs.
 */
public interface IdentityZones {

    /** Locates the machine-readable zone on a page, recognises it with the MRZ alphabet, and parses it. */
    Optional<MrzReading> readMrz(BufferedImage page);

    /** Parses zone lines already read (two of 44 or 36 characters, or three of 30), verifying every check digit. */
    Optional<MrzReading> parseMrz(java.util.List<String> lines);

    /** Finds and decodes a PDF417 barcode with AAMVA data on a page. */
    Optional<BarcodeReading> readBarcode(BufferedImage page);
}
