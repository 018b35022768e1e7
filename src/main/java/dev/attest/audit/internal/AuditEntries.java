package dev.attest.audit.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import dev.attest.audit.AuditTrail;

/** Stored audit records. */
public interface AuditEntries extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findBySubjectOrderByIdAsc(String subject);

    List<AuditEntry> findByCaseReferenceOrderByIdAsc(String caseReference);

    /** The chain in order, a page at a time. */
    List<AuditEntry> findBySeqGreaterThanOrderBySeqAsc(long after, Pageable page);

    /** The newest records first, optionally of one user, one action and one case. */
    @Query("""
            select e from AuditEntry e
            where (:who is null or e.who = :who) and (:action is null or e.action = :action)
              and (:caseReference is null or e.caseReference = :caseReference)
            order by e.id desc""")
    List<AuditEntry> newest(String who, AuditTrail.Action action, String caseReference, Pageable page);

    /** The highest position linked so far (read fresh, never from the persistence context). */
    @Query("select max(e.seq) from AuditEntry e")
    Optional<Long> highestSeq();

    /** The lowest position linked (a record below 1 was not linked by Attest). */
    @Query("select min(e.seq) from AuditEntry e")
    Optional<Long> lowestSeq();

    /** Whether a committed record waits to be linked into the chain. */
    boolean existsBySeqIsNull();

    /** Records not yet linked into the chain, oldest first, a batch at a time. */
    List<AuditEntry> findBySeqIsNullOrderByIdAsc(Pageable page);

    /** How many records wait to be linked. */
    long countBySeqIsNull();

    /** The oldest record waiting to be linked, if any. */
    Optional<AuditEntry> findFirstBySeqIsNullOrderByIdAsc();
}
