package dev.attest.notes;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A note on a case, as it reads now. Every version, the first included, is also kept as a {@link CaseNoteVersion}.
 */
@Entity
@Table(name = "case_note", indexes = {@Index(name = "ix_case_note_case", columnList = "caseId,createdAt"),
        @Index(name = "ix_case_note_reference", columnList = "caseReference")})
public class CaseNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long number;
    @Column(nullable = false, unique = true, updatable = false)
    private UUID id;
    @Column(nullable = false, updatable = false)
    private UUID caseId;
    @Column(nullable = false, updatable = false, length = 20)
    private String caseReference;
    @Column(nullable = false, updatable = false, length = 64)
    private String author;
    @Column(nullable = false, updatable = false)
    private Instant createdAt;
    private Instant editedAt;
    @Column(nullable = false, length = NoteText.MAX_LENGTH)
    private String text;
    /** The user names mentioned, comma-separated, in the order they first appear. */
    @Column(nullable = false, length = 2_000)
    private String mentions;
    @Column(nullable = false)
    private int versions;

    protected CaseNote() {
    }

    CaseNote(UUID caseId, String caseReference, String author, Instant at, NoteText text, List<String> mentions) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.caseReference = caseReference;
        this.author = author;
        this.createdAt = at;
        this.text = text.value();
        this.mentions = String.join(",", mentions);
        this.versions = 1;
    }

    /** Replaces the text (the caller keeps the version); the number of versions grows by one. */
    void edit(NoteText newText, List<String> newMentions, Instant at) {
        this.text = newText.value();
        this.mentions = String.join(",", newMentions);
        this.editedAt = at;
        this.versions++;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public String getCaseReference() {
        return caseReference;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** When the text was last changed, or {@code null} for a note never edited. */
    public Instant getEditedAt() {
        return editedAt;
    }

    public String getText() {
        return text;
    }

    public List<String> getMentions() {
        return mentions.isEmpty() ? List.of() : Arrays.asList(mentions.split(","));
    }

    /** How many versions the note has had, the first included. */
    public int getVersions() {
        return versions;
    }
}
