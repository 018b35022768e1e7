package dev.attest.documents.reading;

import java.util.Map;

/**
 * The PDF417 barcode of a US or Canadian driver's licence or identification card, decoded (AAMVA DL/ID card design
 * standard).
 *
 * @param issuerId the issuer identification number of the header (636015 is Texas)
 * @param aamvaVersion the standard's version number of the header
 * @param elements the data elements by their AAMVA id, in the order read ({@code DCS} family name, {@code DAC} first
 *        name, {@code DAQ} customer id, {@code DBA} expiry, {@code DBB} date of birth, {@code DAG} street, {@code DAI}
 *        city, {@code DAJ} jurisdiction, {@code DAK} postal code, {@code DCG} country); date elements ({@code DBA},
 *        {@code DBB}, {@code DBD}, ...) as ISO-8601 ({@code 2030-06-05}), whichever order the issuer's country
 *        writes them in; a date element that is no date is left out
 */
public record BarcodeReading(String issuerId, int aamvaVersion, Map<String, String> elements) {

    public BarcodeReading {
        elements = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(elements));
    }
}
