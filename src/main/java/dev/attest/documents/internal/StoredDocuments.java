package dev.attest.documents.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.attest.documents.DocumentKind;
import dev.attest.documents.StoredDocument;

/** Stored document metadata. */
public interface StoredDocuments extends JpaRepository<StoredDocument, UUID> {

    List<StoredDocument> findByCaseIdOrderByUploadedAtAsc(UUID caseId);

    /** Whether another document of this kind was already decided in the case. */
    boolean existsByCaseIdAndKindAndDecidedAtIsNotNullAndIdNot(UUID caseId, DocumentKind kind,
            UUID id);
}
