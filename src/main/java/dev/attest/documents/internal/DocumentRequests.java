package dev.attest.documents.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.attest.documents.DocumentRequest;

/** Stored requests to clients. */
public interface DocumentRequests extends JpaRepository<DocumentRequest, Long> {

    List<DocumentRequest> findByCaseIdOrderByIdAsc(UUID caseId);
}
