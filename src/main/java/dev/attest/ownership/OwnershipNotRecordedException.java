package dev.attest.ownership;

/** The case has no ownership structure (or not that version). */
public class OwnershipNotRecordedException extends RuntimeException {

    public OwnershipNotRecordedException(String caseIdOrReference) {
        super("No ownership structure recorded for case " + caseIdOrReference);
    }
}
