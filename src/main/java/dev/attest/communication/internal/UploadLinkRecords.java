package dev.attest.communication.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;

import dev.attest.communication.UploadLink;

/** Stored upload links (token hashes only) and their slots. */
public interface UploadLinkRecords extends JpaRepository<UploadLink, Long> {

    Optional<UploadLink> findByTokenHash(String tokenHash);

    /**
     * The link behind a token hash, its row locked until the transaction ends: the uploads of one link take their
     * turns, so a slot is filled once and the last one marks the link used.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from UploadLink l where l.tokenHash = :hash")
    Optional<UploadLink> lockByTokenHash(@Param("hash") String tokenHash);

    List<UploadLink> findByCaseReferenceOrderByCreatedAtAsc(String caseReference);

    /** Links stored before links had slots. */
    @Query("select l from UploadLink l where l.slots is empty")
    List<UploadLink> findWithoutSlots();

    /** The links of a case and document group not used up nor revoked, newest first. */
    @Query("""
            select l from UploadLink l where l.caseId = :caseId and l.documentGroup = :group and l.usedAt is null
              and l.revokedAt is null order by l.createdAt desc, l.id desc""")
    List<UploadLink> findOpen(@Param("caseId") UUID caseId, @Param("group") String group);

    /** The newest link of a case and document group, whatever its state. */
    Optional<UploadLink> findFirstByCaseIdAndDocumentGroupOrderByCreatedAtDescIdDesc(UUID caseId, String group);

    /** Revokes every open link of a case (it closed). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update UploadLink l set l.revokedAt = :now where l.caseId = :caseId and l.usedAt is null and l.revokedAt is null")
    int revokeAll(@Param("caseId") UUID caseId, @Param("now") Instant now);
}
