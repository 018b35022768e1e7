package dev.attest.cases.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseStatus;
import dev.attest.cases.CaseType;

/** Stored case files. */
public interface CaseFiles extends JpaRepository<CaseFile, Long>, CaseFilesByPublicId {

    Optional<CaseFile> findByReference(String reference);

    /** Closed cases past their retention, not erased yet and not on legal hold, oldest first. */
    @Query("""
            select c.reference from CaseFile c where c.closedAt < :before and c.erasedAt is null
            and (c.legalHold is null or c.legalHold = false) order by c.closedAt""")
    List<String> expired(@Param("before") Instant before, Pageable page);

    List<CaseFile> findByReferenceIn(Collection<String> references);

    @Query("""
            select c from CaseFile c
            where (:type is null or c.type = :type)
              and (:status is null or c.status = :status)
              and (:text is null or lower(c.reference) like :text or lower(c.clientFullName) like :text
                   or lower(c.clientBusinessName) like :text or lower(c.clientEmail) like :text or c.id in :also)
            """)
    List<CaseFile> search(@Param("text") String likeText, @Param("also") Collection<UUID> alsoMatching,
            @Param("type") CaseType type,
            @Param("status") CaseStatus status, Pageable page);

    @Query("""
            select count(c) from CaseFile c
            where (:type is null or c.type = :type)
              and (:status is null or c.status = :status)
              and (:text is null or lower(c.reference) like :text or lower(c.clientFullName) like :text
                   or lower(c.clientBusinessName) like :text or lower(c.clientEmail) like :text or c.id in :also)
            """)
    long countSearch(@Param("text") String likeText, @Param("also") Collection<UUID> alsoMatching,
            @Param("type") CaseType type, @Param("status") CaseStatus status);
}
