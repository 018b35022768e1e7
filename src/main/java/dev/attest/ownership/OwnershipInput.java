package dev.attest.ownership;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An ownership structure as sent ({@code PUT /api/v1/cases/{id}/ownership}); validated by
 * {@link OwnershipStructure#from}.
 */
@Schema(description = "The ownership structure of the subject company")
public record OwnershipInput(
        @Schema(description = "id of the subject company among the parties", requiredMode = Schema.RequiredMode.REQUIRED)
        String subject,
        @Schema(description = "id of the control person (a PERSON), if named") String controlPerson,
        List<PartyInput> parties,
        List<HoldingInput> holdings) {

    /** A person or organization. */
    public record PartyInput(String id, @Schema(description = "PERSON or ORGANIZATION") String kind, String name,
            @Schema(description = "ISO 3166-1 code or English name (DE, DEU, Germany); answered as the two-letter code") String country, Boolean documented) {
    }

    /** The owner holds {@code percent} of the owned organization. */
    public record HoldingInput(String owner, String owned, @Schema(description = "0 < percent ≤ 100") Double percent) {
    }
}
