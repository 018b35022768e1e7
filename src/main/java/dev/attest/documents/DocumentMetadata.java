package dev.attest.documents;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the uploader says a document is and shows, as typed: validated by {@link DocumentFacts#from}. Only the kind is
 * required: what is not typed is read off the document, and what is typed is compared with it.
 */
@Schema(description = "What the document is and what it shows. Only kind is required: Attest reads the rest off the "
        + "document; what is typed is kept as typed and compared with what was read (check CONSISTENCY)")
public record DocumentMetadata(
        @Schema(description = "PASSPORT, DRIVERS_LICENSE, STATE_ID, VOTER_REGISTRATION_CARD, PROOF_OF_ADDRESS, "
                + "SELF_ATTESTATION, ORGANIZATION_CHART, COMPANY_REGISTRATION or OTHER",
                requiredMode = Schema.RequiredMode.REQUIRED) String kind,
        String nameOnDocument,
        AddressOnDocument addressOnDocument,
        @Schema(description = "ISO 3166-1 code or English name (DE, DEU, Germany); answered as the two-letter code") String issuingCountry,
        @Schema(description = "e.g. a US state code for state IDs") String issuingRegion,
        @Schema(description = "ISO date, e.g. 2030-12-31") String expiresOn,
        @Schema(description = "ISO date the document was issued or signed (ownership charts: within 180 days)")
        String datedOn,
        @Schema(description = "The document's number (passport, ID card, licence): letters, digits, spaces, hyphens; "
                + "at most 40") String documentNumber) {

    /** Metadata without a document number. */
    public DocumentMetadata(String kind, String nameOnDocument, AddressOnDocument addressOnDocument,
            String issuingCountry, String issuingRegion, String expiresOn, String datedOn) {
        this(kind, nameOnDocument, addressOnDocument, issuingCountry, issuingRegion, expiresOn, datedOn, null);
    }

    /** Metadata without a document date. */
    public DocumentMetadata(String kind, String nameOnDocument, AddressOnDocument addressOnDocument,
            String issuingCountry, String issuingRegion, String expiresOn) {
        this(kind, nameOnDocument, addressOnDocument, issuingCountry, issuingRegion, expiresOn, null, null);
    }

    /** The address as written on the document (any spelling: it is normalised when compared). */
    public record AddressOnDocument(String line1, String line2, String city, String region, String postalCode,
            String country) {
    }
}
