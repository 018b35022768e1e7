package dev.attest.notes.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.attest.notes.CaseNoteVersion;

/** Stored versions of notes. */
public interface CaseNoteVersions extends JpaRepository<CaseNoteVersion, Long> {

    List<CaseNoteVersion> findByNoteIdOrderByVersionNumberAsc(UUID noteId);

    List<CaseNoteVersion> findByNoteIdIn(Collection<UUID> noteIds);
}
