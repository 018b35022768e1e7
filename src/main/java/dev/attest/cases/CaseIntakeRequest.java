package dev.attest.cases;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What intake sends to open a case, as typed: nothing here is trusted until {@link NewCase#from} has
 * validated it. The REST API and the intake form both build one.
 */
@Schema(description = "A case to open")
public record CaseIntakeRequest(
        @Schema(description = "ACCOUNT_RECOVERY_2FA or SELLER_VERIFICATION", requiredMode = Schema.RequiredMode.REQUIRED) String type,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ClientInput client,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) AccountInput account,
        SituationInput situation,
        @Schema(description = "Free text, at most 4000 characters") String description) {

    /** The client as typed. */
    public record ClientInput(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String fullName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String email,
            @Schema(description = "International form (+1 512 555 0199) or the national form of the client's "
                    + "country ((512) 555-0199 with US); answered in E.164, e.g. +15125550199") String phone,
            String businessName,
            @Schema(description = "Two- or three-letter ISO 3166-1 code or English name (US, USA, United States); "
                    + "answered as the two-letter code", requiredMode = Schema.RequiredMode.REQUIRED) String country) {
    }

    /** The marketplace account as typed. */
    public record AccountInput(
            @Schema(description = "e.g. amazon.com", requiredMode = Schema.RequiredMode.REQUIRED) String marketplace,
            String sellerId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) AddressInput addressOnFile) {
    }

    /** A postal address as typed. */
    public record AddressInput(String line1, String line2, String city,
            @Schema(description = "Required in the US, Canada and Australia; a US state by name or USPS code "
                    + "(Texas or TX), answered as the code") String region,
            String postalCode,
            @Schema(description = "Two- or three-letter ISO 3166-1 code or English name; answered as the "
                    + "two-letter code") String country) {
    }

    /** Situation flags (absent means false) and, for 2FA cases, why one-time codes stopped arriving. */
    public record SituationInput(Boolean lostPhoneAccess, Boolean lostEmailAccess, Boolean accountSuspended,
            Boolean usesVoipNumber,
            @Schema(description = "optional: VOIP_NUMBER, PORTED_LINE, CHANGED_NUMBER, BLOCKED_SHORT_CODES, "
                    + "SECURITY_FILTER or UNKNOWN") String otpProblem) {

        /** The flags without a reason for missing codes. */
        public SituationInput(Boolean lostPhoneAccess, Boolean lostEmailAccess, Boolean accountSuspended,
                Boolean usesVoipNumber) {
            this(lostPhoneAccess, lostEmailAccess, accountSuspended, usesVoipNumber, null);
        }
    }
}
