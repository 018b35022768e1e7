package dev.attest.notes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.audit.AuditTrail;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseRecords;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.identity.UserDirectory;
import dev.attest.notes.internal.CaseNoteVersions;
import dev.attest.notes.internal.CaseNotes;

/**
 * Writes and reads the notes on a case. Analysts, senior analysts and managers may read and write them (the staff
 * who work cases); a closed case takes no new note and no edit. Only the author may edit a note, and only for
 * {@value #EDIT_MINUTES} minutes after writing it; every version is kept. Adding and editing are audited
 * ({@code NOTE_ADDED}, {@code NOTE_EDITED}, the note's id as subject); the staff a note newly mentions are told
 * through {@link StaffMentioned}, in the same transaction.
 */
@Service
@Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
public class Notes {

    /** How long the author may correct a note, in minutes. */
    public static final int EDIT_MINUTES = 15;

    /** Who may be mentioned: the staff who may read notes. */
    static final Set<Role> READERS = EnumSet.of(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER);

    private static final int EXCERPT = 140;
    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final CaseNotes notes;
    private final CaseNoteVersions versions;
    private final CaseLookup cases;
    private final CaseRecords records;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    Notes(CaseNotes notes, CaseNoteVersions versions, CaseLookup cases, CaseRecords records, UserDirectory users,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock, ZoneId zone) {
        this.notes = notes;
        this.versions = versions;
        this.cases = cases;
        this.records = records;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The notes of a case, oldest first.
     *
     * @throws dev.attest.cases.CaseNotFoundException when there is no such case
     */
    @Transactional(readOnly = true)
    public List<CaseNote> of(String caseIdOrReference) {
        CaseFile caseFile = cases.get(caseIdOrReference);
        return notes.findByCaseIdOrderByCreatedAtAscNumberAsc(caseFile.getId());
    }

    /**
     * Writes a note on an open case.
     *
     * @throws dev.attest.validation.InvalidInputException when the text is blank, too long, has control or invisible
     *         characters, or mentions too many names (nothing stored)
     * @throws dev.attest.cases.CaseNotFoundException when there is no such case
     * @throws dev.attest.cases.CaseClosedException when the case is closed
     */
    @Transactional
    public CaseNote add(String caseIdOrReference, String text) {
        NoteText checked = NoteText.of(text);
        List<String> mentions = mentionsIn(checked);
        String author = CurrentUser.require().username();
        CaseFile caseFile = records.requireOpen(caseIdOrReference, "write a note");
        Instant now = now();
        CaseNote note = notes.save(new CaseNote(caseFile.getId(), caseFile.getReference(), author, now, checked,
                mentions));
        versions.save(new CaseNoteVersion(note, now));
        audit.record(AuditTrail.Action.NOTE_ADDED, note.getId().toString(), caseFile.getReference(),
                mentions.isEmpty() ? null : "mentions " + String.join(", ", mentions));
        tell(note, mentions.stream().filter(m -> !m.equals(author)).toList());
        return note;
    }

    /**
     * The author's correction of a note, within {@value #EDIT_MINUTES} minutes of writing it; the earlier text stays
     * as a version. The same text again changes nothing.
     *
     * @throws dev.attest.validation.InvalidInputException when the text is invalid (nothing changed)
     * @throws NoteNotFoundException when the case has no such note
     * @throws AccessDeniedException when the caller did not write the note
     * @throws NoteEditClosedException when the time to edit it has passed
     * @throws dev.attest.cases.CaseClosedException when the case is closed
     */
    @Transactional
    public CaseNote edit(String caseIdOrReference, UUID noteId, String text) {
        NoteText checked = NoteText.of(text);
        String editor = CurrentUser.require().username();
        CaseFile caseFile = records.requireOpen(caseIdOrReference, "edit a note");
        CaseNote note = find(caseFile, noteId);
        if (!note.getAuthor().equals(editor)) {
            throw new AccessDeniedException("Only the author of a note may edit it; write a note of your own instead.");
        }
        Instant now = now();
        if (!now.isBefore(editableUntil(note))) {
            throw new NoteEditClosedException("A note can be edited for " + EDIT_MINUTES + " minutes after it is "
                    + "written; this one was written at " + WRITTEN.format(note.getCreatedAt().atZone(zone))
                    + ". Write a new note instead.");
        }
        if (note.getText().equals(checked.value())) {
            return note;
        }
        List<String> before = note.getMentions();
        List<String> mentions = mentionsIn(checked);
        note.edit(checked, mentions, now);
        versions.save(new CaseNoteVersion(note, now));
        audit.record(AuditTrail.Action.NOTE_EDITED, note.getId().toString(), caseFile.getReference(),
                "version " + note.getVersions());
        tell(note, mentions.stream().filter(m -> !m.equals(editor) && !before.contains(m)).toList());
        return note;
    }

    /**
     * Every version of a note, the first as written first.
     *
     * @throws NoteNotFoundException when the case has no such note
     */
    @Transactional(readOnly = true)
    public List<CaseNoteVersion> versions(String caseIdOrReference, UUID noteId) {
        return versions.findByNoteIdOrderByVersionNumberAsc(find(cases.get(caseIdOrReference), noteId).getId());
    }

    /** Until when the author may edit a note. */
    public static Instant editableUntil(CaseNote note) {
        return note.getCreatedAt().plus(Duration.ofMinutes(EDIT_MINUTES));
    }

    private CaseNote find(CaseFile caseFile, UUID noteId) {
        if (noteId == null) {
            throw new NoteNotFoundException("(none)");
        }
        return notes.findByIdAndCaseId(noteId, caseFile.getId())
                .orElseThrow(() -> new NoteNotFoundException(noteId.toString()));
    }

    private List<String> mentionsIn(NoteText text) {
        return Mentions.in(text.value(), name -> users.mayTake(name, READERS));
    }

    private void tell(CaseNote note, List<String> mentioned) {
        if (!mentioned.isEmpty()) {
            String flat = note.getText().replaceAll("\\s+", " ");
            events.publishEvent(new StaffMentioned(note.getId(), note.getCaseId(), note.getCaseReference(),
                    note.getAuthor(), mentioned, flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1)
                            + "…"));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
