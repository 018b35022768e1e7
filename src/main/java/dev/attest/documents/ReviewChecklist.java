package dev.attest.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reviewer confirms by looking at a document, item by item, as it fits the document's kind: a passport
 * shows no address, so nothing asks for one; only identity documents have an issuer to read; only kinds whose
 * validity rests on it need a stamp or signature. The item ids are the review form's fields (and the variables
 * the DocumentCheck process records).
 */
public final class ReviewChecklist {

    /** The name (and, where the kind shows one, the address) can be read. */
    public static final String NAME_AND_ADDRESS_VISIBLE = "nameAndAddressVisible";
    /** The issuing country or state is clear. */
    public static final String ISSUER_CLEAR = "issuerClear";
    /** The whole original, in colour, not a screenshot, not altered. */
    public static final String WHOLE_ORIGINAL_IN_COLOUR = "wholeOriginalInColour";
    /** A company stamp or a legal representative's signature. */
    public static final String STAMP_OR_SIGNATURE = "stampOrSignature";

    /** Every item any kind may have: the ids the review form declares. */
    public static final List<String> ALL_ITEMS = List.of(NAME_AND_ADDRESS_VISIBLE, ISSUER_CLEAR,
            WHOLE_ORIGINAL_IN_COLOUR, STAMP_OR_SIGNATURE);

    /**
     * One item to confirm.
     *
     * @param id the form field
     * @param label what the reviewer confirms, in words fitting the kind
     */
    public record Item(String id, String label) {
    }

    private ReviewChecklist() {
    }

    /** The items that apply to a kind of document, in the order the form shows them. */
    public static List<Item> itemsFor(DocumentKind kind) {
        List<Item> items = new ArrayList<>();
        boolean company = "COMPANY".equals(kind.group());
        if (company) {
            items.add(new Item(NAME_AND_ADDRESS_VISIBLE, "The company's name is visible"));
        } else if (DocumentChecks.showsAddress(kind)) {
            items.add(new Item(NAME_AND_ADDRESS_VISIBLE, "Full name and address are visible"));
        } else {
            items.add(new Item(NAME_AND_ADDRESS_VISIBLE, "Full name is visible"));
        }
        if (kind.isIdentity()) {
            items.add(new Item(ISSUER_CLEAR, "Issuing country or state is clear"));
        }
        items.add(new Item(WHOLE_ORIGINAL_IN_COLOUR,
                "The whole original, in colour, not a screenshot, not altered (ID numbers may be blurred)"));
        if (kind.needsSignature()) {
            items.add(new Item(STAMP_OR_SIGNATURE, "Company stamp or a legal representative's signature present"));
        }
        return items;
    }
}
