package dev.attest.notes;

/** The case has no note with the given id. */
public class NoteNotFoundException extends RuntimeException {

    public NoteNotFoundException(String noteId) {
        super("No note " + noteId + " on this case");
    }
}
