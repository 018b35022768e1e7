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

/** The remembered false positives. */
public interface RememberedFalsePositives extends JpaRepository<RememberedFalsePositive, Long> {

    List<RememberedFalsePositive> findByCaseId(UUID caseId);

    Optional<RememberedFalsePositive> findByCaseIdAndSubjectKeyAndListAndEntryId(UUID caseId, String subjectKey,
            SanctionsList list, String entryId);
}
