package dev.attest.documents;

import static dev.attest.documents.CheckCode.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.attest.cases.CaseType;
import dev.attest.cases.CountryCode;
import dev.attest.cases.PostalAddress;
import dev.attest.documents.reading.DocumentReading;
import dev.attest.documents.reading.MrzReading;
import dev.attest.documents.reading.ReadSource;
import dev.attest.documents.reading.ReadValue;

/**
 * The automated checks of one document against its case, as plain logic: same inputs, same results.
 */
public final class DocumentChecks {

    /**
     * What the checks need to know of the case.
     *
     * @param type the case type (decides which kinds are acceptable)
     * @param clientName the client's full name
     * @param businessName the business name, if any
     * @param addressOnFile the marketplace account's address on file
     */
    public record CaseFacts(CaseType type, String clientName, String businessName, PostalAddress addressOnFile) {
    }

    private static final Set<String> US_STATE_CODES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC",
            "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT",
            "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
            "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP");

    private DocumentChecks() {
    }

    /** Who typed the facts the checks fall back on, as a check's detail names them. */
    public static final String TYPED_BY_CLIENT = "typed by the client";
    /** Facts typed by staff: on upload (analyst, intake) or corrected by a reviewer. */
    public static final String TYPED_BY_ANALYST = "typed by the analyst";

    /** The checks with ownership charts dated within 180 days, of facts typed by an analyst, nothing read. */
    public static List<CheckResult> run(CaseFacts c, DocumentFacts d, InspectedFile file, LocalDate today) {
        return run(c, d, file, today, 180);
    }

    /** The checks of facts typed by an analyst, nothing read. */
    public static List<CheckResult> run(CaseFacts c, DocumentFacts d, InspectedFile file, LocalDate today,
            int chartMaxAgeDays) {
        return run(c, d, file, today, chartMaxAgeDays, null, TYPED_BY_ANALYST);
    }

    /**
     * The checks of one document. {@code EXPIRY}, {@code ISSUER}, {@code NAME_MATCH} and {@code ADDRESS_MATCH} use
     * the values read off the document where there are any, the typed ones otherwise, and each detail says which;
     * {@code MRZ} and {@code CONSISTENCY} judge what was read.
     *
     * @param chartMaxAgeDays how old an ownership chart may be
     * @param reading what the document was read to say, or {@code null} for a document Attest did not read
     * @param typedBy who typed the facts ({@link #TYPED_BY_CLIENT}, {@link #TYPED_BY_ANALYST})
     */
    public static List<CheckResult> run(CaseFacts c, DocumentFacts d, InspectedFile file, LocalDate today,
            int chartMaxAgeDays, DocumentReading reading, String typedBy) {
        Facts f = Facts.of(d, reading, typedBy);
        List<CheckResult> results = new ArrayList<>();
        results.add(fileType(file));
        results.add(official(c, d, file));
        results.add(screenshot(file));
        if (d.kind().needsSignature()) {
            results.add(signature(file));
        }
        if (d.kind() == DocumentKind.ORGANIZATION_CHART) {
            results.add(dated(d, today, chartMaxAgeDays));
        } else if (d.kind().isIdentity() || f.expiresOn() != null) {
            results.add(expiry(f, today));
        }
        if (d.kind().isIdentity() || f.issuingCountry() != null) {
            results.add(issuer(d.kind(), f));
        }
        CheckResult name = name(c, d.kind(), f);
        if (name != null) {
            results.add(name);
        }
        CheckResult address = address(c, d.kind(), f);
        if (address != null) {
            results.add(address);
        }
        if (reading != null) {
            CheckResult mrz = mrz(d.kind(), reading);
            if (mrz != null) {
                results.add(mrz);
            }
            results.add(consistency(d, reading, typedBy));
        }
        return results;
    }

    /** A value the checks use, and where it came from ("read from the MRZ", "typed by the client"). */
    record Sourced<T>(T value, String source) {

        static <T> Sourced<T> of(ReadValue<T> read, T typed, String typedBy) {
            if (read != null) {
                return new Sourced<>(read.value(), read.provenance());
            }
            return typed == null ? null : new Sourced<>(typed, typedBy);
        }

        String from() {
            return " (" + source + ")";
        }
    }

    /** The facts the checks use: each read one where it was read, the typed one otherwise. */
    record Facts(Sourced<String> name, Sourced<AddressComparison.Written> address, Sourced<CountryCode> issuingCountry,
            Sourced<String> issuingRegion, Sourced<LocalDate> expiresOn) {

        static Facts of(DocumentFacts d, DocumentReading r, String typedBy) {
            boolean read = r != null && r.status() == DocumentReading.Status.DONE;
            return new Facts(Sourced.of(read ? r.fullName() : null, d.nameOnDocument(), typedBy),
                    Sourced.of(read ? r.address() : null, d.address(), typedBy),
                    Sourced.of(read ? r.issuingCountry() : null, d.issuingCountry(), typedBy),
                    // a region goes with its country: a read country is never paired with a typed state
                    read && r.issuingCountry() != null
                            ? Sourced.of(r.issuingRegion(), null, typedBy)
                            : Sourced.of(read ? r.issuingRegion() : null, d.issuingRegion(), typedBy),
                    Sourced.of(read ? r.expiresOn() : null, d.expiresOn(), typedBy));
        }
    }

    static CheckResult fileType(InspectedFile f) {
        String size = f.sizeBytes() >= 1024 * 1024 ? "%.1f MiB".formatted(f.sizeBytes() / 1048576.0)
                : Math.max(1, f.sizeBytes() / 1024) + " KiB";
        String pixels = f.isImage() ? ", " + f.width() + "×" + f.height() + " pixels" : "";
        return CheckResult.pass(FILE_TYPE, f.label() + " (" + f.mediaType() + "), " + size + pixels
                + "; type detected from the content and matching the extension; no active content" + links(f));
    }

    /** The addresses a file links to, listed so that the reviewer sees them before following one. */
    private static String links(InspectedFile f) {
        if (f.links().isEmpty()) {
            return "";
        }
        List<String> shown = f.links().stream().limit(5)
                .map(l -> l.length() > 100 ? l.substring(0, 100) + "…" : l).toList();
        return "; links to " + f.links().size() + (f.links().size() == 1 ? " address: " : " addresses: ")
                + String.join(", ", shown) + (f.links().size() > shown.size() ? ", …" : "")
                + " (check them before opening one)";
    }

    static CheckResult official(CaseFacts c, DocumentFacts d, InspectedFile f) {
        String kind = label(d.kind());
        if (c.type() == CaseType.ACCOUNT_RECOVERY_2FA && !d.kind().isIdentity()) {
            return CheckResult.fail(OFFICIAL_DOCUMENT, "The 2FA reset needs a government ID (passport, driver's "
                    + "license, state ID or voter registration card), not a " + kind);
        }
        if (d.kind() == DocumentKind.OTHER) {
            return CheckResult.fail(OFFICIAL_DOCUMENT, "Not an accepted official document kind");
        }
        if (d.kind() == DocumentKind.SELF_ATTESTATION) {
            return CheckResult.review(OFFICIAL_DOCUMENT,
                    "A self-attestation counts only with the company stamp or a legal representative's signature");
        }
        if (d.kind().isIdentity() && !f.isImage() && !f.isPdf()) {
            return CheckResult.review(OFFICIAL_DOCUMENT, "An identity document as a Word file: check that it holds a "
                    + "colour scan of the whole original");
        }
        return CheckResult.pass(OFFICIAL_DOCUMENT, "A " + kind + " is accepted for " + c.type().label().toLowerCase(Locale.ROOT));
    }

    static CheckResult screenshot(InspectedFile f) {
        if (!f.isImage()) {
            return CheckResult.pass(SCREENSHOT, "Not an image");
        }
        if (f.screenshotHints().isEmpty()) {
            return CheckResult.pass(SCREENSHOT, "No sign of a screenshot");
        }
        return CheckResult.review(SCREENSHOT, "May be a screenshot: " + String.join("; ", f.screenshotHints())
                + ". Screenshots are not accepted; confirm it is a photo or scan of the original");
    }

    static CheckResult signature(InspectedFile f) {
        if (!f.pdfSignatures().isEmpty()) {
            return CheckResult.pass(SIGNATURE, "Digitally signed by " + String.join(", ", f.pdfSignatures()));
        }
        if (f.isPdf()) {
            return CheckResult.review(SIGNATURE, "Unsigned PDF: confirm the company stamp and a legal "
                    + "representative's handwritten signature, or ask for a signed PDF");
        }
        return CheckResult.review(SIGNATURE, "Confirm the company stamp and a legal representative's signature");
    }

    static CheckResult expiry(Facts f, LocalDate today) {
        Sourced<LocalDate> expires = f.expiresOn();
        if (expires == null) {
            return CheckResult.review(EXPIRY, "The expiry date was neither read off the document nor recorded; read it "
                    + "off the document");
        }
        if (expires.value().isBefore(today)) {
            return CheckResult.fail(EXPIRY, "Expired on " + expires.value() + expires.from());
        }
        return CheckResult.pass(EXPIRY, "Valid until " + expires.value() + expires.from());
    }

    static CheckResult dated(DocumentFacts d, LocalDate today, int maxAgeDays) {
        if (d.datedOn() == null) {
            return CheckResult.review(EXPIRY, "An ownership chart must be dated within " + maxAgeDays
                    + " days: record the date it was signed");
        }
        if (d.datedOn().isAfter(today)) {
            return CheckResult.fail(EXPIRY, "Dated " + d.datedOn() + ", in the future");
        }
        if (d.datedOn().isBefore(today.minusDays(maxAgeDays))) {
            return CheckResult.fail(EXPIRY, "Dated " + d.datedOn() + ", more than " + maxAgeDays + " days ago");
        }
        return CheckResult.pass(EXPIRY, "Dated " + d.datedOn() + ", within " + maxAgeDays + " days");
    }

    static CheckResult issuer(DocumentKind kind, Facts f) {
        if (f.issuingCountry() == null) {
            return CheckResult.review(ISSUER, "The issuing country was neither read nor recorded; it must be clear on "
                    + "the document");
        }
        CountryCode country = f.issuingCountry().value();
        Sourced<String> region = f.issuingRegion();
        boolean stateIssued = kind == DocumentKind.STATE_ID || kind == DocumentKind.DRIVERS_LICENSE;
        if (stateIssued && "US".equals(country.value())) {
            String state = region == null ? null : region.value().toUpperCase(Locale.ROOT);
            if (state == null || !US_STATE_CODES.contains(state)) {
                return CheckResult.fail(ISSUER, "A US " + label(kind) + " is issued by a state: record the "
                        + "issuing state's code (e.g. TX)" + (state == null ? "" : ", not '" + region.value() + "'"
                        + region.from()));
            }
            return CheckResult.pass(ISSUER, "Issued by US-" + state + f.issuingCountry().from());
        }
        return CheckResult.pass(ISSUER, "Issued in " + country.displayName()
                + (region == null ? "" : " (" + region.value() + ")") + f.issuingCountry().from());
    }

    static CheckResult name(CaseFacts c, DocumentKind kind, Facts f) {
        String onDocument = f.name() == null ? null : f.name().value();
        if (kind == DocumentKind.COMPANY_REGISTRATION || kind == DocumentKind.ORGANIZATION_CHART) {
            if (c.businessName() == null) {
                return onDocument == null ? null : CheckResult.review(NAME_MATCH,
                        "The case has no business name to compare '" + onDocument + "' with" + f.name().from());
            }
            return sourced(NameComparison.compare(onDocument, c.businessName(), "the business name"), f.name());
        }
        if (kind.isIdentity() || kind == DocumentKind.PROOF_OF_ADDRESS || onDocument != null) {
            return sourced(NameComparison.compare(onDocument, c.clientName(), "the client's name"), f.name());
        }
        return null;
    }

    private static CheckResult sourced(CheckResult result, Sourced<?> value) {
        return value == null ? result : new CheckResult(result.code(), result.outcome(), result.detail() + value.from());
    }

    /**
     * Whether documents of a kind show the holder's address, so that it is compared with the account's: proofs of
     * address and the US identity documents that print one; a passport does not (no address check, nothing to tick).
     */
    public static boolean showsAddress(DocumentKind kind) {
        return kind == DocumentKind.PROOF_OF_ADDRESS || (kind.isIdentity() && kind != DocumentKind.PASSPORT);
    }

    static CheckResult address(CaseFacts c, DocumentKind kind, Facts f) {
        if (kind == DocumentKind.PASSPORT) {
            return null;
        }
        boolean expected = showsAddress(kind);
        if (f.address() == null) {
            return expected ? CheckResult.review(ADDRESS_MATCH, "The address on the document was neither read nor "
                    + "recorded; it must be visible and match the account's address on file: "
                    + c.addressOnFile().singleLine()) : null;
        }
        var result = AddressComparison.compare(f.address().value(), c.addressOnFile());
        return new CheckResult(ADDRESS_MATCH, result.outcome(), result.explain() + f.address().from());
    }

    /**
     * Whether a kind of document carries a machine-readable zone (ICAO 9303): passports do; of the US identity
     * documents Attest takes, none must, so a zone read off one is still verified.
     */
    public static boolean carriesMrz(DocumentKind kind) {
        return kind == DocumentKind.PASSPORT;
    }

    static CheckResult mrz(DocumentKind kind, DocumentReading reading) {
        MrzReading zone = reading.mrz();
        if (reading.status() == DocumentReading.Status.PENDING) {
            return carriesMrz(kind) ? CheckResult.review(MRZ, "The document is still being read") : null;
        }
        if (zone == null) {
            return carriesMrz(kind) ? CheckResult.review(MRZ, "A " + label(kind) + " carries a machine-readable zone, "
                    + "but none could be read" + (reading.problem() == null ? "" : " (" + reading.problem() + ")")
                    + ": check the two lines at the bottom of the photo page by eye") : null;
        }
        MrzReading.CheckDigits digits = zone.checkDigits();
        List<String> wrong = new ArrayList<>();
        if (!digits.documentNumber()) {
            wrong.add("document number");
        }
        if (!digits.dateOfBirth()) {
            wrong.add("date of birth");
        }
        if (!digits.expiresOn()) {
            wrong.add("expiry date");
        }
        if (Boolean.FALSE.equals(digits.personalNumber())) {
            wrong.add("personal number");
        }
        if (!digits.composite()) {
            wrong.add("composite");
        }
        if (wrong.isEmpty()) {
            return CheckResult.pass(MRZ, zone.format() + " zone read; every check digit agrees (document number, date "
                    + "of birth, expiry date, " + (digits.personalNumber() == null ? "" : "personal number, ")
                    + "composite)");
        }
        if (zone.agreesWithZeroForO()) {
            return CheckResult.review(MRZ, zone.format() + " zone read; its check digits agree only if a letter O in the"
                    + " document number '" + zone.documentNumber() + "' is the digit 0. OCR takes one for the other, and"
                    + " so would a character changed into an O: compare the number printed on the page by eye");
        }
        return CheckResult.fail(MRZ, zone.format() + " zone read; the check digit of the " + String.join(", the ", wrong)
                + (wrong.size() == 1 ? " does" : " do") + " not agree: the zone was altered, damaged or misread");
    }

    /**
     * Whether what was typed agrees with what the document was read to say: name, document number, expiry date,
     * address. Only values both typed and read are compared. A contradiction fails, unless every value that
     * contradicts was read by OCR alone (which misreads): then a reviewer compares them.
     */
    static CheckResult consistency(DocumentFacts d, DocumentReading reading, String typedBy) {
        if (reading.status() == DocumentReading.Status.PENDING) {
            return CheckResult.review(CONSISTENCY, "The document is still being read");
        }
        if (reading.status() == DocumentReading.Status.UNREADABLE) {
            return CheckResult.pass(CONSISTENCY, "Nothing could be read off the document to compare what was typed "
                    + "with" + (reading.problem() == null ? "" : " (" + reading.problem() + ")"));
        }
        List<String> differ = new ArrayList<>();
        List<String> agree = new ArrayList<>();
        boolean onlyOcr = true;
        if (d.nameOnDocument() != null && reading.fullName() != null) {
            String read = reading.fullName().value();
            if (NameComparison.tokens(d.nameOnDocument()).equals(NameComparison.tokens(read))) {
                agree.add("name");
            } else {
                differ.add(differs("name", d.nameOnDocument(), read, reading.fullName(), typedBy));
                onlyOcr &= reading.fullName().source() == ReadSource.OCR;
            }
        }
        if (d.documentNumber() != null && reading.documentNumber() != null) {
            String read = reading.documentNumber().value();
            if (documentNumber(d.documentNumber()).equals(documentNumber(read))) {
                agree.add("document number");
            } else {
                differ.add(differs("document number", d.documentNumber(), read, reading.documentNumber(), typedBy));
                onlyOcr &= reading.documentNumber().source() == ReadSource.OCR;
            }
        }
        if (d.expiresOn() != null && reading.expiresOn() != null) {
            LocalDate read = reading.expiresOn().value();
            if (d.expiresOn().equals(read)) {
                agree.add("expiry date");
            } else {
                differ.add(differs("expiry date", d.expiresOn().toString(), read.toString(), reading.expiresOn(),
                        typedBy));
                onlyOcr &= reading.expiresOn().source() == ReadSource.OCR;
            }
        }
        if (d.address() != null && reading.address() != null) {
            AddressComparison.Written read = reading.address().value();
            if (AddressComparison.compare(d.address(), read).outcome() == CheckOutcome.FAIL) {
                differ.add(differs("address", singleLine(d.address()), singleLine(read), reading.address(), typedBy));
                onlyOcr &= reading.address().source() == ReadSource.OCR;
            } else {
                agree.add("address");
            }
        }
        if (!differ.isEmpty()) {
            // a value only OCR read may be misread: a reviewer compares by eye rather than the client being refused
            return onlyOcr ? CheckResult.review(CONSISTENCY, String.join("; ", differ) + " (compare with the document: "
                    + "OCR may have misread it)") : CheckResult.fail(CONSISTENCY, String.join("; ", differ));
        }
        return CheckResult.pass(CONSISTENCY, agree.isEmpty() ? "Nothing typed that the document was read to show"
                : "What was typed agrees with the document: " + String.join(", ", agree));
    }

    private static String differs(String field, String typed, String read, ReadValue<?> readValue, String typedBy) {
        return capitalize(field) + ": '" + typed + "' (" + typedBy + ") but '" + read + "' (" + readValue.provenance()
                + ")";
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A document number compared without case, spaces, hyphens or the zone's filler. */
    static String documentNumber(String raw) {
        return raw.toUpperCase(Locale.ROOT).replaceAll("[\\s<-]", "");
    }

    static String singleLine(AddressComparison.Written a) {
        return java.util.stream.Stream.of(a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.country())
                .filter(p -> p != null && !p.isBlank()).collect(java.util.stream.Collectors.joining(", "));
    }

    static String label(DocumentKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ').replace("drivers", "driver's");
    }
}
