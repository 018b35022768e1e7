package dev.attest.communication.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import dev.attest.communication.UploadLink;

/** Stored upload links (token hashes only). */
public interface UploadLinkRecords extends JpaRepository<UploadLink, Long> {

    Optional<UploadLink> findByTokenHash(String tokenHash);

    List<UploadLink> findByCaseReferenceOrderByCreatedAtAsc(String caseReference);

    /** Uses the link if it is still open; the row count says whether it was (one winner among racing uploads). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update UploadLink l set l.usedAt = :now
            where l.tokenHash = :hash and l.usedAt is null and l.revokedAt is null and l.expiresAt > :now""")
    int use(@Param("hash") String tokenHash, @Param("now") Instant now);

    /** Revokes the open links of a case for a document group, but the one given. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update UploadLink l set l.revokedAt = :now
            where l.caseId = :caseId and l.documentGroup = :group and l.usedAt is null and l.revokedAt is null
              and l.tokenHash <> :keep""")
    int revokeOthers(@Param("caseId") UUID caseId, @Param("group") String group, @Param("keep") String keepHash,
            @Param("now") Instant now);

    /** Revokes every open link of a case (it closed). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update UploadLink l set l.revokedAt = :now where l.caseId = :caseId and l.usedAt is null and l.revokedAt is null")
    int revokeAll(@Param("caseId") UUID caseId, @Param("now") Instant now);
}
