package dev.attest.documents;

import java.util.UUID;

/**
 * The engine, as the documents module sees it. Implemented in {@code documents.internal.engine}.
 */
public interface DocumentWorkflow {

    /**
     * A document arrived for a case: hands it to the DocumentCheck waiting for a document of its group
     * ({@link DocumentKind#group()}), or starts a DocumentCheck for it when none waits. Runs in the caller's
     * transaction.
     */
    void documentReceived(String caseReference, UUID caseId, UUID documentId, DocumentKind kind);
}
