package dev.attest.notes.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import dev.attest.notes.CaseNote;

/** Stored notes. */
public interface CaseNotes extends JpaRepository<CaseNote, Long> {

    List<CaseNote> findByCaseIdOrderByCreatedAtAscNumberAsc(UUID caseId);

    Optional<CaseNote> findByIdAndCaseId(UUID id, UUID caseId);

    List<CaseNote> findByCaseReference(String caseReference);

    /** The cases whose notes contain the text, newest note first. */
    @Query("""
            select n.caseId from CaseNote n where lower(n.text) like :text
            group by n.caseId order by max(n.createdAt) desc""")
    List<UUID> casesMatching(@Param("text") String likeText, Pageable page);
}
