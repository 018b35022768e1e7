package dev.attest.documents;

import java.util.UUID;

/** No such document in the given case. */
public class DocumentNotFoundException extends RuntimeException {

    public DocumentNotFoundException(UUID documentId) {
        super("No document " + documentId + " in this case");
    }
}
