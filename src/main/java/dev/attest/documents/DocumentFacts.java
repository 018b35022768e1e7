package dev.attest.documents;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import dev.attest.cases.CountryCode;
import dev.attest.validation.Choice;
import dev.attest.validation.FieldErrors;
import dev.attest.validation.InvalidValueException;
import dev.attest.validation.Text;

/**
 * Validated metadata of a document.
 *
 * @param kind what the document is
 * @param nameOnDocument the name it shows, if recorded
 * @param address the address it shows, if recorded
 * @param issuingCountry the issuing country, if recorded
 * @param issuingRegion the issuing state or region, if recorded
 * @param expiresOn the expiry date, if recorded
 * @param datedOn the date it was issued or signed, if recorded
 * @param documentNumber the document's number (passport, ID card, licence), if recorded
 */
public record DocumentFacts(DocumentKind kind, String nameOnDocument, AddressComparison.Written address,
        CountryCode issuingCountry, String issuingRegion, LocalDate expiresOn, LocalDate datedOn,
        String documentNumber) {

    /** The longest document number recorded. */
    public static final int MAX_DOCUMENT_NUMBER = 40;

    /** Facts without a document number. */
    public DocumentFacts(DocumentKind kind, String nameOnDocument, AddressComparison.Written address,
            CountryCode issuingCountry, String issuingRegion, LocalDate expiresOn, LocalDate datedOn) {
        this(kind, nameOnDocument, address, issuingCountry, issuingRegion, expiresOn, datedOn, null);
    }

    /** Only the kind: every other fact is read off the document. */
    public static DocumentFacts ofKind(DocumentKind kind) {
        return new DocumentFacts(kind, null, null, null, null, null, null, null);
    }

    /** Facts without a document date. */
    public DocumentFacts(DocumentKind kind, String nameOnDocument, AddressComparison.Written address,
            CountryCode issuingCountry, String issuingRegion, LocalDate expiresOn) {
        this(kind, nameOnDocument, address, issuingCountry, issuingRegion, expiresOn, null);
    }

    /**
     * @throws dev.attest.validation.InvalidInputException naming every bad field under {@code metadata.}
     */
    public static DocumentFacts from(DocumentMetadata m) {
        FieldErrors errors = new FieldErrors();
        if (m == null) {
            errors.add("metadata", "is required");
            errors.throwIfAny();
        }
        DocumentKind kind = errors.capture("metadata.kind", () -> Choice.required(DocumentKind.class, m.kind()));
        String name = errors.capture("metadata.nameOnDocument", () -> Text.line(m.nameOnDocument(), 200));
        AddressComparison.Written address = null;
        var a = m.addressOnDocument();
        if (a != null) {
            String p = "metadata.addressOnDocument.";
            address = new AddressComparison.Written(errors.capture(p + "line1", () -> Text.line(a.line1(), 200)),
                    errors.capture(p + "line2", () -> Text.line(a.line2(), 200)),
                    errors.capture(p + "city", () -> Text.line(a.city(), 100)),
                    errors.capture(p + "region", () -> Text.line(a.region(), 100)),
                    errors.capture(p + "postalCode", () -> Text.line(a.postalCode(), 20)),
                    errors.capture(p + "country", () -> Text.line(a.country(), 60)));
            if (address.line1() == null && address.line2() == null && address.city() == null) {
                address = null;
            }
        }
        CountryCode country = errors.capture("metadata.issuingCountry",
                () -> m.issuingCountry() == null || m.issuingCountry().isBlank() ? null : CountryCode.of(m.issuingCountry()));
        String region = errors.capture("metadata.issuingRegion", () -> Text.line(m.issuingRegion(), 100));
        LocalDate expires = errors.capture("metadata.expiresOn", () -> date(m.expiresOn()));
        LocalDate dated = errors.capture("metadata.datedOn", () -> date(m.datedOn()));
        String number = errors.capture("metadata.documentNumber", () -> documentNumber(m.documentNumber()));
        errors.throwIfAny();
        return new DocumentFacts(kind, name, address, country, region, expires, dated, number);
    }

    /** A document number as typed: letters, digits, spaces and hyphens, at most {@value #MAX_DOCUMENT_NUMBER}. */
    private static String documentNumber(String raw) {
        String value = Text.line(raw, MAX_DOCUMENT_NUMBER);
        if (value != null && !value.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ' || c == '-')) {
            throw new InvalidValueException("may hold only letters, digits, spaces and hyphens");
        }
        return value;
    }

    private static LocalDate date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("must be an ISO date, e.g. 2030-12-31");
        }
    }
}
