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
     *
     * @param readingPending whether the document is still to be read: the check reads it in a job of its own before
     *        judging its checks
     */
    void documentReceived(String caseReference, UUID caseId, UUID documentId, DocumentKind kind,
            boolean readingPending);
}
