package dev.attest.notes.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseErased;
import dev.attest.notes.CaseNote;

/**
 * Deletes a case's notes and all their versions when the case is erased after its retention period: notes speak of
 * the client. Nothing else deletes a note.
 */
@Component
class NoteErasure {

    private final CaseNotes notes;
    private final CaseNoteVersions versions;

    NoteErasure(CaseNotes notes, CaseNoteVersions versions) {
        this.notes = notes;
        this.versions = versions;
    }

    @EventListener
    void erase(CaseErased erased) {
        var ofCase = notes.findByCaseReference(erased.caseReference());
        if (!ofCase.isEmpty()) {
            versions.deleteAll(versions.findByNoteIdIn(ofCase.stream().map(CaseNote::getId).toList()));
            notes.deleteAll(ofCase);
        }
    }
}
