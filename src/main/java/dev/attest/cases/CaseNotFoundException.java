package dev.attest.cases;

/** No case has the given id or reference (or the caller may not know that it exists). */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String idOrReference) {
        super("No case " + idOrReference);
    }
}
