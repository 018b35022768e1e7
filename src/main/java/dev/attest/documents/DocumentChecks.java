package dev.attest.documents;

import static dev.attest.documents.CheckCode.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.attest.cases.CaseType;
import dev.attest.cases.PostalAddress;

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

    /** The checks with ownership charts dated within 180 days. */
    public static List<CheckResult> run(CaseFacts c, DocumentFacts d, InspectedFile file, LocalDate today) {
        return run(c, d, file, today, 180);
    }

    /**
     * The checks of one document.
     *
     * @param chartMaxAgeDays how old an ownership chart may be
     */
    public static List<CheckResult> run(CaseFacts c, DocumentFacts d, InspectedFile file, LocalDate today,
            int chartMaxAgeDays) {
        List<CheckResult> results = new ArrayList<>();
        results.add(fileType(file));
        results.add(official(c, d, file));
        results.add(screenshot(file));
        if (d.kind().needsSignature()) {
            results.add(signature(file));
        }
        if (d.kind() == DocumentKind.ORGANIZATION_CHART) {
            results.add(dated(d, today, chartMaxAgeDays));
        } else if (d.kind().isIdentity() || d.expiresOn() != null) {
            results.add(expiry(d, today));
        }
        if (d.kind().isIdentity() || d.issuingCountry() != null) {
            results.add(issuer(d));
        }
        CheckResult name = name(c, d);
        if (name != null) {
            results.add(name);
        }
        CheckResult address = address(c, d);
        if (address != null) {
            results.add(address);
        }
        return results;
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

    static CheckResult expiry(DocumentFacts d, LocalDate today) {
        if (d.expiresOn() == null) {
            return CheckResult.review(EXPIRY, "The expiry date was not recorded; read it off the document");
        }
        if (d.expiresOn().isBefore(today)) {
            return CheckResult.fail(EXPIRY, "Expired on " + d.expiresOn());
        }
        return CheckResult.pass(EXPIRY, "Valid until " + d.expiresOn());
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

    static CheckResult issuer(DocumentFacts d) {
        if (d.issuingCountry() == null) {
            return CheckResult.review(ISSUER, "The issuing country was not recorded; it must be clear on the document");
        }
        boolean stateIssued = d.kind() == DocumentKind.STATE_ID || d.kind() == DocumentKind.DRIVERS_LICENSE;
        if (stateIssued && "US".equals(d.issuingCountry().value())) {
            String state = d.issuingRegion() == null ? null : d.issuingRegion().toUpperCase(Locale.ROOT);
            if (state == null || !US_STATE_CODES.contains(state)) {
                return CheckResult.fail(ISSUER, "A US " + label(d.kind()) + " is issued by a state: record the "
                        + "issuing state's code (e.g. TX)" + (state == null ? "" : ", not '" + d.issuingRegion() + "'"));
            }
            return CheckResult.pass(ISSUER, "Issued by US-" + state);
        }
        return CheckResult.pass(ISSUER, "Issued in " + d.issuingCountry().displayName()
                + (d.issuingRegion() == null ? "" : " (" + d.issuingRegion() + ")"));
    }

    static CheckResult name(CaseFacts c, DocumentFacts d) {
        if (d.kind() == DocumentKind.COMPANY_REGISTRATION || d.kind() == DocumentKind.ORGANIZATION_CHART) {
            if (c.businessName() == null) {
                return d.nameOnDocument() == null ? null : CheckResult.review(NAME_MATCH,
                        "The case has no business name to compare '" + d.nameOnDocument() + "' with");
            }
            return NameComparison.compare(d.nameOnDocument(), c.businessName(), "the business name");
        }
        if (d.kind().isIdentity() || d.kind() == DocumentKind.PROOF_OF_ADDRESS || d.nameOnDocument() != null) {
            return NameComparison.compare(d.nameOnDocument(), c.clientName(), "the client's name");
        }
        return null;
    }

    /**
     * Whether documents of a kind show the holder's address, so that it is compared with the account's: proofs of
     * address and the US identity documents that print one; a passport does not (no address check, nothing to tick).
     */
    public static boolean showsAddress(DocumentKind kind) {
        return kind == DocumentKind.PROOF_OF_ADDRESS || (kind.isIdentity() && kind != DocumentKind.PASSPORT);
    }

    static CheckResult address(CaseFacts c, DocumentFacts d) {
        if (d.kind() == DocumentKind.PASSPORT) {
            return null;
        }
        boolean expected = showsAddress(d.kind());
        if (d.address() == null) {
            return expected ? CheckResult.review(ADDRESS_MATCH, "The address on the document was not recorded; "
                    + "it must be visible and match the account's address on file: " + c.addressOnFile().singleLine())
                    : null;
        }
        var result = AddressComparison.compare(d.address(), c.addressOnFile());
        return new CheckResult(ADDRESS_MATCH, result.outcome(), result.explain());
    }

    static String label(DocumentKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ').replace("drivers", "driver's");
    }
}
