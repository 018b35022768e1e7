package dev.attest.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.attest.cases.CountryCode;
import dev.attest.documents.reading.DocumentReading;
import dev.attest.documents.reading.MrzReading;
import dev.attest.documents.reading.ReadValue;
import dev.attest.validation.InvalidValueException;

/**
 * What Attest read off a document, as the API sends it ({@code extraction} of every document representation):
 * where reading stands, the values found with their source and confidence, and the decoded machine-readable zone.
 * Values not found are absent; dates are ISO-8601, the issuing country an ISO 3166-1 alpha-2 code.
 *
 * @param status {@code DONE}, {@code PENDING} or {@code UNREADABLE}
 * @param fields the values found by name, absent for callers who may not read the document's content
 * @param mrz the machine-readable zone, absent when none was read or the caller may not read the content
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "What Attest read off the document (extends DESIGN.md's document representation). fields and mrz "
        + "are sent to analysts, senior analysts and managers only")
public record Extraction(
        @Schema(description = "DONE, PENDING (read in the background; the checks run again when it ends) or "
                + "UNREADABLE") String status,
        @Schema(description = "fullName, documentNumber, dateOfBirth, expiresOn, issuingCountry, documentDate, address; "
                + "each found value with its source (MRZ, BARCODE, PDF_TEXT, OCR) and confidence (0.0-1.0); values "
                + "not found are absent") Map<String, Field> fields,
        Mrz mrz) {

    /**
     * One value found.
     *
     * @param value a string, an ISO date, an ISO alpha-2 country code, or for {@code address} a postal address
     *        ({@code line1}, {@code line2}, {@code city}, {@code region}, {@code postalCode}, {@code country})
     * @param source {@code MRZ}, {@code BARCODE}, {@code PDF_TEXT} or {@code OCR}
     * @param confidence 0.0 to 1.0
     */
    public record Field(Object value, String source, double confidence) {
    }

    /**
     * The machine-readable zone.
     *
     * @param format {@code TD1}, {@code TD2} or {@code TD3}
     * @param lines the zone's lines as read
     * @param valid whether every check digit agrees
     * @param checkDigits each check digit: {@code documentNumber}, {@code dateOfBirth}, {@code expiresOn},
     *        {@code personalNumber} (passports, TD3, only), {@code composite}
     */
    public record Mrz(String format, List<String> lines, boolean valid, Map<String, Boolean> checkDigits) {
    }

    /** A postal address as DESIGN.md has it; {@code country} as its alpha-2 code when it names one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(String line1, String line2, String city, String region, String postalCode,
            String country) {
    }

    /**
     * The representation of a reading.
     *
     * @param reading what was read, or {@code null} for a document stored before Attest read documents
     * @param withContent whether the caller may see the values (else only the status is sent)
     * @return {@code null} when there is no reading
     */
    public static Extraction of(DocumentReading reading, boolean withContent) {
        if (reading == null) {
            return null;
        }
        if (!withContent || reading.status() != DocumentReading.Status.DONE) {
            return new Extraction(reading.status().name(), withContent ? Map.of() : null, null);
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        put(fields, "fullName", reading.fullName(), v -> v);
        put(fields, "documentNumber", reading.documentNumber(), v -> v);
        put(fields, "dateOfBirth", reading.dateOfBirth(), Object::toString);
        put(fields, "expiresOn", reading.expiresOn(), Object::toString);
        put(fields, "issuingCountry", reading.issuingCountry(), CountryCode::value);
        put(fields, "documentDate", reading.documentDate(), Object::toString);
        put(fields, "address", reading.address(), a -> new Address(a.line1(), a.line2(), a.city(), a.region(),
                a.postalCode(), country(a.country())));
        return new Extraction(reading.status().name(), fields, mrz(reading.mrz()));
    }

    private static <T> void put(Map<String, Field> fields, String name, ReadValue<T> read,
            java.util.function.Function<T, Object> value) {
        if (read != null) {
            fields.put(name, new Field(value.apply(read.value()), read.source().name(), read.confidence()));
        }
    }

    private static String country(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            return CountryCode.of(written).value();
        } catch (InvalidValueException e) {
            return written;
        }
    }

    static Mrz mrz(MrzReading zone) {
        if (zone == null) {
            return null;
        }
        Map<String, Boolean> digits = new LinkedHashMap<>();
        digits.put("documentNumber", zone.checkDigits().documentNumber());
        digits.put("dateOfBirth", zone.checkDigits().dateOfBirth());
        digits.put("expiresOn", zone.checkDigits().expiresOn());
        if (zone.checkDigits().personalNumber() != null) {
            digits.put("personalNumber", zone.checkDigits().personalNumber());
        }
        digits.put("composite", zone.checkDigits().composite());
        return new Mrz(zone.format().name(), zone.lines(), zone.valid(), digits);
    }

    /** For the audit trail: where reading stands and which values came from where; never the values. */
    static String summary(DocumentReading reading) {
        if (reading.status() != DocumentReading.Status.DONE) {
            return reading.status().name() + (reading.problem() == null ? "" : ": " + reading.problem());
        }
        List<String> found = new ArrayList<>();
        Extraction e = of(reading, true);
        e.fields().forEach((name, f) -> found.add(name + " (" + f.source() + ")"));
        String zone = e.mrz() == null ? "" : "; " + e.mrz().format() + " zone, check digits "
                + (e.mrz().valid() ? "agree" : "disagree");
        String barcode = reading.barcode() == null ? "" : "; PDF417 barcode";
        return "DONE: " + (found.isEmpty() ? "no values found" : String.join(", ", found)) + zone + barcode;
    }
}
