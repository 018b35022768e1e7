package dev.attest.documents;

/** A stored document file no longer decrypts or no longer matches its checksum. */
public class TamperedDocumentException extends RuntimeException {

    public TamperedDocumentException(String storageKey) {
        super("The stored file " + storageKey + " was altered or corrupted; it is not served");
    }
}
