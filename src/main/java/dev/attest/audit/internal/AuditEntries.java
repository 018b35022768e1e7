package dev.attest.audit.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored audit records. */
public interface AuditEntries extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findBySubjectOrderByIdAsc(String subject);

    List<AuditEntry> findByCaseReferenceOrderByIdAsc(String caseReference);

    /** The chain in order, a page at a time. */
    List<AuditEntry> findBySeqGreaterThanOrderBySeqAsc(long after, org.springframework.data.domain.Pageable page);

    /** Records written before the chain existed, oldest first. */
    List<AuditEntry> findBySeqIsNullOrderByIdAsc();
}
