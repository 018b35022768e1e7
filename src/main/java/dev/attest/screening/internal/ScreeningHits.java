package dev.attest.screening.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import dev.attest.screening.HitStatus;
import dev.attest.screening.SanctionsList;
import dev.attest.screening.SubjectSource;

/** The hits. */
public interface ScreeningHits extends JpaRepository<ScreeningHitRecord, Long> {

    List<ScreeningHitRecord> findByCaseIdOrderByIdDesc(UUID caseId);

    List<ScreeningHitRecord> findByRunIdOrderByIdAsc(long runId);

    List<ScreeningHitRecord> findByRunIdAndStatusOrderByIdAsc(long runId, HitStatus status);

    List<ScreeningHitRecord> findByCaseIdAndStatusIn(UUID caseId, Collection<HitStatus> statuses);

    List<ScreeningHitRecord> findByCaseIdAndStatus(UUID caseId, HitStatus status);

    /** Found and cleared times of the hits cleared since then. */
    @Query("select h.foundAt, h.clearedAt from ScreeningHitRecord h where h.clearedAt >= :since")
    List<Object[]> clearedSince(Instant since);
}
