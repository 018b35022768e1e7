package dev.attest.ownership.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.attest.ownership.OwnershipVersion;

/** Stored versions of ownership structures. */
public interface OwnershipVersions extends JpaRepository<OwnershipVersion, Long> {

    Optional<OwnershipVersion> findFirstByCaseIdOrderByNumberDesc(UUID caseId);

    Optional<OwnershipVersion> findByCaseIdAndNumber(UUID caseId, int number);

    List<OwnershipVersion> findByCaseIdOrderByNumberAsc(UUID caseId);
}
