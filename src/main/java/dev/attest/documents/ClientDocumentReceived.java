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
 */
public record ClientDocumentReceived(UUID caseId, String caseReference, UUID documentId, DocumentKind kind,
        String fileName) {
}
