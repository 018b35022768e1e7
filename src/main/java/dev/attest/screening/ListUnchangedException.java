package dev.attest.screening;

/** The file is the one already in force (same SHA-256): nothing was loaded. */
public class ListUnchangedException extends RuntimeException {

    private final transient ListVersion inForce;

    public ListUnchangedException(ListVersion inForce) {
        super("Unchanged: the file is " + inForce.list().label() + " version " + inForce.number()
                + ", already in force (same SHA-256); nothing was loaded");
        this.inForce = inForce;
    }

    /** The version in force. */
    public ListVersion inForce() {
        return inForce;
    }
}
