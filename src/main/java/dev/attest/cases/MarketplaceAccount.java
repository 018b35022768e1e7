package dev.attest.cases;

/**
 * The client's account at the marketplace.
 *
 * @param marketplace where the account is
 * @param sellerId the merchant id, when known
 * @param addressOnFile the address the marketplace has on file; documents must match it
 */
public record MarketplaceAccount(Marketplace marketplace, SellerId sellerId, PostalAddress addressOnFile) {
}
