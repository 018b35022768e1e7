package dev.attest.audit.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored audit records. */
public interface AuditEntries extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findBySubjectOrderByIdAsc(String subject);
}
