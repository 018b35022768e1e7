package dev.attest.documents;

import java.util.UUID;

/**
 * The client sent a document through an upload link and it was stored, published in the transaction that stored it
 * (a refused upload publishes nothing).
 *
 * @param caseId the case's public id
 * @param caseReference the case's reference
 * @param documentId the stored document
 * @param kind what the client says it is
 * @param fileName the client's file name
 * @param requestedBy the user name of the staff member who asked for it (the upload link records it), or
 *        {@code null} when the case team asked
 */
public record ClientDocumentReceived(UUID caseId, String caseReference, UUID documentId, DocumentKind kind,
        String fileName, String requestedBy) {

    /** A document nobody in particular asked for. */
    public ClientDocumentReceived(UUID caseId, String caseReference, UUID documentId, DocumentKind kind,
            String fileName) {
        this(caseId, caseReference, documentId, kind, fileName, null);
    }
}
