package dev.attest.documents;

/**
 * An upload was refused whole and nothing was stored.
 */
public class DocumentRefusedException extends RuntimeException {

    /** Why: each maps to an HTTP status. */
    public enum Reason {
        /** Empty file, bad file name or bad metadata: 400. */
        INVALID,
        /** Over the size limit: 413. */
        TOO_LARGE,
        /** Not an accepted type, not matching its extension, or carrying active content: 415. */
        UNSUPPORTED,
        /** Too many files are being inspected at once; nothing was looked at: 503, try again shortly. */
        BUSY
    }

    private final Reason reason;

    public DocumentRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
