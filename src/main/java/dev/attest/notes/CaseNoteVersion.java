package dev.attest.notes;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One version of a note, as its author wrote it then; never changed. */
@Entity
@Table(name = "case_note_version", uniqueConstraints = @UniqueConstraint(name = "ux_case_note_version",
        columnNames = {"noteId", "versionNumber"}))
public class CaseNoteVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, updatable = false)
    private UUID noteId;
    @Column(nullable = false, updatable = false)
    private int versionNumber;
    @Column(nullable = false, updatable = false)
    private Instant writtenAt;
    @Column(nullable = false, updatable = false, length = NoteText.MAX_LENGTH)
    private String text;

    protected CaseNoteVersion() {
    }

    CaseNoteVersion(CaseNote note, Instant at) {
        this.noteId = note.getId();
        this.versionNumber = note.getVersions();
        this.writtenAt = at;
        this.text = note.getText();
    }

    public UUID getNoteId() {
        return noteId;
    }

    /** 1 for the note as first written. */
    public int getVersionNumber() {
        return versionNumber;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }

    public String getText() {
        return text;
    }
}
