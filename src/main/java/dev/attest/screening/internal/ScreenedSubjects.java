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

/** The screened subjects. */
public interface ScreenedSubjects extends JpaRepository<ScreenedSubjectRecord, Long> {

    List<ScreenedSubjectRecord> findByCaseIdOrderByIdAsc(UUID caseId);

    Optional<ScreenedSubjectRecord> findByCaseIdAndSourceAndOwnershipVersionAndSubjectKey(UUID caseId,
            SubjectSource source, int ownershipVersion, String subjectKey);
}
