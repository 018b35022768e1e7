package dev.attest.recovery;

/**
 * The marketplace's decision as the API or the analyst records it.
 *
 * @param decision {@code APPROVED} or {@code REJECTED}
 * @param reason for a rejection, a {@link MarketplaceRejectionReason} name (required then)
 * @param note what the marketplace wrote, optional, at most 2000 characters
 */
public record MarketplaceDecisionRequest(String decision, String reason, String note) {
}
