package dev.attest.documents;

/**
 * Why a reviewer rejects a document (the marketplace's most frequent reasons). The client never sees these names:
 * each has a plain sentence in {@code mail/rejection-reasons.mustache}.
 */
public enum RejectionReason {
    UNOFFICIAL_DOCUMENT("Unofficial document"), SCREENSHOT("Screenshot"), UNSIGNED("Unsigned"),
    NO_STAMP_OR_SIGNATURE("No company stamp or signature"), ADDRESS_MISMATCH("Address does not match the account"),
    NAME_MISMATCH("Name does not match"), EXPIRED("Expired"), ILLEGIBLE("Illegible"),
    ALTERED_DOCUMENT("Machine-readable zone altered or damaged"),
    DETAILS_DO_NOT_MATCH("Details given do not match the document"), OTHER("Other");

    private final String label;

    RejectionReason(String label) {
        this.label = label;
    }

    /** The reason in words, for analysts (the timeline, the document's status). */
    public String label() {
        return label;
    }
}
