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

/** The screenings. */
public interface ScreeningRuns extends JpaRepository<ScreeningRunRecord, Long> {

    List<ScreeningRunRecord> findByCaseIdOrderByIdAsc(UUID caseId);

    boolean existsByCaseIdAndListVersionId(UUID caseId, Long listVersionId);
}
