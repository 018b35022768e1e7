package dev.attest.notes.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseHistory;
import dev.attest.cases.CaseWorkflow.TimelineEntry;
import dev.attest.notes.CaseNote;

/**
 * The notes on a case's timeline: each note when written (its text as it reads now) and when edited, for the staff
 * who may read notes; others see no note there.
 */
@Component
class NoteHistory implements CaseHistory {

    private static final int SHOWN = 300;

    private final CaseNotes notes;

    NoteHistory(CaseNotes notes) {
        this.notes = notes;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> of(CaseFile caseFile) {
        if (!NoteSearch.NoteReaders.current()) {
            return List.of();
        }
        List<TimelineEntry> entries = new ArrayList<>();
        for (CaseNote note : notes.findByCaseIdOrderByCreatedAtAscNumberAsc(caseFile.getId())) {
            String text = note.getText().replaceAll("\\s+", " ");
            entries.add(new TimelineEntry(note.getCreatedAt(), "Note: " + (text.length() <= SHOWN ? text
                    : text.substring(0, SHOWN - 1) + "…"), note.getAuthor(), null));
            if (note.getEditedAt() != null) {
                entries.add(new TimelineEntry(note.getEditedAt(), "Note edited (version " + note.getVersions() + ")",
                        note.getAuthor(), null));
            }
        }
        return entries;
    }
}
