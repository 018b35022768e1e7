package dev.attest.audit.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored audit records. */
public interface AuditEntries extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findBySubjectOrderByIdAsc(String subject);

    List<AuditEntry> findByCaseReferenceOrderByIdAsc(String caseReference);

    /** The chain in order, a page at a time. */
    List<AuditEntry> findBySeqGreaterThanOrderBySeqAsc(long after, org.springframework.data.domain.Pageable page);

    /** The newest records first, optionally of one user, one action and one case. */
    @org.springframework.data.jpa.repository.Query("""
            select e from AuditEntry e
            where (:who is null or e.who = :who) and (:action is null or e.action = :action)
              and (:caseReference is null or e.caseReference = :caseReference)
            order by e.id desc""")
    List<AuditEntry> newest(String who, dev.attest.audit.AuditTrail.Action action, String caseReference,
            org.springframework.data.domain.Pageable page);

    /** Records written before the chain existed, oldest first. */
    List<AuditEntry> findBySeqIsNullOrderByIdAsc();
}
