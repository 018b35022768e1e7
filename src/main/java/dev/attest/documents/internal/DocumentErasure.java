package dev.attest.documents.internal;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.attest.cases.CaseErased;
import dev.attest.documents.StoredDocument;

/**
 * Deletes a case's documents when the case is erased: the rows (with their checks) and the requests in the
 * erasing transaction, the encrypted files once it has committed (a rollback keeps them).
 */
@Component
class DocumentErasure {

    private final StoredDocuments documents;
    private final DocumentRequests requests;
    private final EncryptedFileStore store;

    DocumentErasure(StoredDocuments documents, DocumentRequests requests, EncryptedFileStore store) {
        this.documents = documents;
        this.requests = requests;
        this.store = store;
    }

    @EventListener
    void erase(CaseErased erased) {
        List<StoredDocument> stored = documents.findByCaseIdOrderByUploadedAtAsc(erased.caseId());
        List<String> files = stored.stream().map(StoredDocument::getStorageKey).toList();
        documents.deleteAll(stored);
        requests.deleteAll(requests.findByCaseIdOrderByIdAsc(erased.caseId()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                files.forEach(store::delete);
            }
        });
    }
}
