package dev.attest.recovery.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;

import dev.attest.recovery.Submission;

/** Stored 2FA reset submissions. */
public interface Submissions extends JpaRepository<Submission, Long> {

    List<Submission> findByCaseIdOrderByRoundAsc(UUID caseId);

    List<Submission> findByCaseReferenceOrderByRoundAsc(String caseReference);

    /** The latest submission of a case, locked: two decisions racing for it are taken one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Submission> findFirstByCaseIdOrderByRoundDesc(UUID caseId);

    /** Decisions in a time range: [decision, reason, round, count]. */
    @Query("""
            select s.decision, s.reason, s.round, count(s) from Submission s
            where s.decidedAt >= :from and s.decidedAt < :to group by s.decision, s.reason, s.round""")
    List<Object[]> decisionCounts(@Param("from") Instant from, @Param("to") Instant to);
}
