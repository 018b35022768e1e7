package dev.attest.notes;

/** The author's time to correct a note has passed: the note stays as it is (answered with 409). */
public class NoteEditClosedException extends RuntimeException {

    public NoteEditClosedException(String message) {
        super(message);
    }
}
