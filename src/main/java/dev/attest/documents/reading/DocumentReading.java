package dev.attest.documents.reading;

import java.time.LocalDate;
import java.util.List;

import dev.attest.cases.CountryCode;
import dev.attest.documents.AddressComparison;

/**
 * What a document was read to say. Values that could not be read are {@code null}.
 *
 * @param status whether reading finished, waits to run, or found nothing readable
 * @param fullName the holder's or addressee's name
 * @param documentNumber the document's number (passport, ID card, licence)
 * @param dateOfBirth the holder's date of birth
 * @param expiresOn the expiry date
 * @param issuingCountry the issuing country
 * @param issuingRegion the issuing state or province (a US licence's jurisdiction, as its USPS code)
 * @param issuer who issued the document (a bill's utility, a statement's bank), when it says so
 * @param documentDate the statement or bill date
 * @param address the postal address the document shows
 * @param mrz the machine-readable zone, decoded, or {@code null} when the document has none or it was not found
 * @param barcode the licence's PDF417 barcode, decoded, or {@code null}
 * @param text the text read (PDF text or OCR), at most {@link #MAX_TEXT} characters, or empty
 * @param found where in {@link #text} each value was found, for the reviewer's highlighting
 * @param problem why nothing (or not everything) could be read, for the reviewer; {@code null} when all went well
 */
public record DocumentReading(Status status, ReadValue<String> fullName, ReadValue<String> documentNumber,
        ReadValue<LocalDate> dateOfBirth, ReadValue<LocalDate> expiresOn, ReadValue<CountryCode> issuingCountry,
        ReadValue<String> issuingRegion, ReadValue<String> issuer, ReadValue<LocalDate> documentDate,
        ReadValue<AddressComparison.Written> address, MrzReading mrz, BarcodeReading barcode, String text,
        List<Span> found, String problem) {

    /** The most text a reading keeps. */
    public static final int MAX_TEXT = 20_000;

    public DocumentReading {
        text = text == null ? "" : text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
        found = found == null ? List.of() : List.copyOf(found);
    }

    /** A reading that waits to run (the upload answered before the reader finished). */
    public static DocumentReading pending() {
        return new DocumentReading(Status.PENDING, null, null, null, null, null, null, null, null, null, null, null,
                "", List.of(), null);
    }

    /** A reading that found nothing it could read, and why. */
    public static DocumentReading unreadable(String problem) {
        return new DocumentReading(Status.UNREADABLE, null, null, null, null, null, null, null, null, null, null,
                null, "", List.of(), problem);
    }

    /** Where a reading stands (sent over the API by its name). */
    public enum Status {
        /** Read; the values found are set. */
        DONE,
        /** Not read yet: reading runs in the background and the checks run again when it ends. */
        PENDING,
        /** Nothing could be read (no text, no zone, no barcode, or the file was refused by the reader's limits). */
        UNREADABLE
    }

    /** Which value a span of the text gave. */
    public enum Field {
        FULL_NAME, DOCUMENT_NUMBER, DATE_OF_BIRTH, EXPIRES_ON, ISSUING_COUNTRY, ISSUER, DOCUMENT_DATE, ADDRESS
    }

    /**
     * Where a value was found in the text.
     *
     * @param field the value
     * @param start the first character's index in {@link #text}
     * @param end one past the last character's index
     */
    public record Span(Field field, int start, int end) {
    }
}
