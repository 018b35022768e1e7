package dev.attest.notes;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/cases/{id}/notes}: the notes on a case. */
@RestController
@RequestMapping(path = "/api/v1/cases/{id}/notes", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Notes")
class NoteController {

    private final Notes notes;

    NoteController(Notes notes) {
        this.notes = notes;
    }

    /** What a note is written or edited with. */
    record NoteRequest(@Schema(description = "Plain text, line breaks as \\n; @username mentions staff",
            maxLength = NoteText.MAX_LENGTH) String text) {
    }

    /**
     * A note.
     *
     * @param id the note's id
     * @param author who wrote it
     * @param at when it was written
     * @param editedAt when it was last edited, or null
     * @param editableUntil until when its author may edit it
     * @param text the text as it reads now
     * @param mentions the staff it mentions (user names)
     * @param versions how many versions it has had, the first included
     */
    record NoteResponse(UUID id, String author, Instant at, Instant editedAt, Instant editableUntil, String text,
            List<String> mentions, int versions) {

        static NoteResponse of(CaseNote n) {
            return new NoteResponse(n.getId(), n.getAuthor(), n.getCreatedAt(), n.getEditedAt(),
                    Notes.editableUntil(n), n.getText(), n.getMentions(), n.getVersions());
        }
    }

    /** One version of a note. */
    record NoteVersionResponse(int version, Instant at, String text) {
    }

    @GetMapping
    @Operation(summary = "The notes on a case, oldest first", description = "Roles: ANALYST, SENIOR_ANALYST, MANAGER.")
    @ApiResponse(responseCode = "404", description = "No such case")
    List<NoteResponse> list(@PathVariable String id) {
        return notes.of(id).stream().map(NoteResponse::of).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Write a note on a case", description = "Roles: ANALYST, SENIOR_ANALYST, MANAGER. Plain text "
            + "with line breaks, at most " + NoteText.MAX_LENGTH + " characters, no control characters but line breaks "
            + "and tabs, no invisible formatting characters. @username mentions an analyst, senior analyst or manager "
            + "(who is notified); other names stay text. Audited (NOTE_ADDED).")
    @ApiResponse(responseCode = "201", description = "Written; Location names the note")
    @ApiResponse(responseCode = "400", description = "Blank, too long, forbidden characters or more than "
            + Mentions.MAX_NAMES + " names mentioned; nothing stored",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @ApiResponse(responseCode = "404", description = "No such case")
    @ApiResponse(responseCode = "409", description = "The case is closed")
    ResponseEntity<NoteResponse> add(@PathVariable String id, @RequestBody NoteRequest request) {
        CaseNote note = notes.add(id, request == null ? null : request.text());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + note.getCaseReference() + "/notes/"
                + note.getId())).body(NoteResponse.of(note));
    }

    @PutMapping(path = "/{noteId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Edit one's own note", description = "Roles: ANALYST, SENIOR_ANALYST, MANAGER; only the "
            + "note's author, within " + Notes.EDIT_MINUTES + " minutes of writing it. The earlier text is kept as a "
            + "version; the answer is the note with its number of versions. Newly mentioned staff are notified. "
            + "Audited (NOTE_EDITED).")
    @ApiResponse(responseCode = "400", description = "Invalid text; nothing changed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @ApiResponse(responseCode = "403", description = "The caller did not write the note")
    @ApiResponse(responseCode = "404", description = "No such case or no such note on it")
    @ApiResponse(responseCode = "409", description = "The time to edit has passed, or the case is closed")
    NoteResponse edit(@PathVariable String id, @PathVariable UUID noteId, @RequestBody NoteRequest request) {
        return NoteResponse.of(notes.edit(id, noteId, request == null ? null : request.text()));
    }

    @GetMapping("/{noteId}/versions")
    @Operation(summary = "Every version of a note, first first", description = "Roles: ANALYST, SENIOR_ANALYST, MANAGER.")
    @ApiResponse(responseCode = "404", description = "No such case or no such note on it")
    List<NoteVersionResponse> versions(@PathVariable String id, @PathVariable UUID noteId) {
        return notes.versions(id, noteId).stream()
                .map(v -> new NoteVersionResponse(v.getVersionNumber(), v.getWrittenAt(), v.getText())).toList();
    }

    @ExceptionHandler(NoteNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NoteNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(NoteEditClosedException.class)
    ResponseEntity<ProblemDetail> editClosed(NoteEditClosedException e) {
        return problem(HttpStatus.CONFLICT, "Edit window closed", e.getMessage());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("about:blank"));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
