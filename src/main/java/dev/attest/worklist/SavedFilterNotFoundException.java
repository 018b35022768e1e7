package dev.attest.worklist;

/** No saved filter with this id that the caller may see. */
public class SavedFilterNotFoundException extends RuntimeException {

    public SavedFilterNotFoundException(long id) {
        super("No saved task filter " + id + " that you may see");
    }
}
