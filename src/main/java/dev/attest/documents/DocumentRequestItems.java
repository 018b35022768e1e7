package dev.attest.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.attest.communication.RequestedItem;

/**
 * What a request asks the client for, item by item, in words a client understands: what to send and why. One
 * upload slot each.
 */
public final class DocumentRequestItems {

    private DocumentRequestItems() {
    }

    /** Why a first request is made, for the client. */
    public static String firstReason(DocumentGroup documentGroup) {
        return switch (documentGroup == null ? DocumentGroup.OTHER : documentGroup) {
            case IDENTITY -> "To confirm to the marketplace that you own the seller account, we need your "
                    + "government ID: a photo ID such as a passport or driver's license.";
            case ADDRESS -> "To confirm the address on your seller account, we need a recent proof of address.";
            case COMPANY -> "To confirm your company and who owns it, we need the two documents below.";
            default -> "To verify your seller account, we need the document below.";
        };
    }

    /** The items of a first request for a document group. */
    public static List<RequestedItem> first(DocumentGroup documentGroup) {
        return switch (documentGroup == null ? DocumentGroup.OTHER : documentGroup) {
            case IDENTITY -> List.of(identity());
            case ADDRESS -> List.of(new RequestedItem("Proof of address",
                    "A utility bill or bank statement from the last three months showing your full name and the "
                            + "address on your seller account.", kinds(DocumentKind.PROOF_OF_ADDRESS)));
            case COMPANY -> List.of(new RequestedItem("Company registration",
                    "An official extract from the company register showing the company's name, number and "
                            + "registered address, so that we can confirm the company exists.",
                    kinds(DocumentKind.COMPANY_REGISTRATION)),
                    new RequestedItem("Ownership chart", "A chart of who owns the company, up to the people at the "
                            + "top, on letterhead or stamped, signed by a legal representative and dated within the "
                            + "last 180 days.", kinds(DocumentKind.ORGANIZATION_CHART)));
            default -> List.of(new RequestedItem("An official document with your name and address",
                    "For example a bank statement or a government letter: the whole document, in colour, showing "
                            + "your full name and the address on your seller account.", kinds(DocumentKind.OTHER)));
        };
    }

    /** The item asking for a new document in place of a refused one of a kind. */
    public static RequestedItem replacing(DocumentKind refused) {
        if (refused.isIdentity()) {
            RequestedItem id = identity();
            return new RequestedItem("A new photo ID", id.explanation(), id.kinds());
        }
        return new RequestedItem("A new " + refused.label().toLowerCase(Locale.ROOT).replace("id card",
                "ID card"), "In place of the one we could not accept: see the reasons above.", kinds(refused));
    }

    private static RequestedItem identity() {
        return new RequestedItem("A government photo ID",
                "Your passport, driver's license, state ID card or voter registration card. Photograph or scan the "
                        + "whole document, in colour, so that your full name and address are readable; not a "
                        + "screenshot.", kinds(DocumentKind.IDENTITY.toArray(DocumentKind[]::new)));
    }

    static List<String> kinds(DocumentKind... kinds) {
        return Arrays.stream(kinds).sorted().map(Enum::name).toList();
    }
}
