package dev.attest.screening;

/** Another load of the same list came into force while this one was read: nothing was loaded; try again. */
public class ListLoadConflictException extends RuntimeException {

    public ListLoadConflictException(SanctionsList list) {
        super("Another version of " + list.label() + " came into force while this file was read; nothing was loaded,"
                + " load it again to compare it with that version");
    }
}
