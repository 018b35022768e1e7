package dev.attest.screening;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.attest.validation.InvalidInputException;

/** {@code /api/v1/screening/lists}: load a sanctions list file as a new version; read the versions. */
@RestController
@RequestMapping(path = "/api/v1/screening/lists", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Screening")
class ScreeningListController {

    private final SanctionsLists lists;

    ScreeningListController(SanctionsLists lists) {
        this.lists = lists;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Load a list file as a new version (ADMIN)", description = """
            Multipart: `format` (OFAC_SDN_XML, OFAC_SDN_CSV, UN_XML, EU_XML, UK_CSV, FTM_JSON), `file` (the list \
            file, or a zip holding it; for OFAC_SDN_CSV `sdn.csv`, or a zip with `sdn.csv` and `alt.csv`) and for \
            OFAC_SDN_CSV optionally `aliases` (`alt.csv`). The file is read as a stream, bounded by \
            attest.screening.max-file-size (uploads also by spring.servlet.multipart.max-file-size; a zip helps); \
            XML with a DOCTYPE is refused. A malformed, truncated or empty file is refused whole (400 naming the \
            line or element) and the version in force stays. Answer: the version (id, list, format, number, \
            publishedOn, sha256, entries, added, removed, changed, loadedBy, loadedAt, inForce, rescreenedAt), \
            added/removed/changed counted against the list's previous version by entry id and fingerprint. The open \
            cases are screened against the added and changed entries in the background after the answer: \
            rescreenedAt is null until that has finished (GET the versions to see it).""")
    @ApiResponse(responseCode = "201", description = "Loaded: the new version is in force")
    @ApiResponse(responseCode = "400", description = "Refused: the format, file or aliases named with the line or "
            + "element; nothing loaded")
    @ApiResponse(responseCode = "403", description = "Not an administrator")
    @ApiResponse(responseCode = "409", description = "Unchanged: the file has the SHA-256 of the version in force "
            + "(`inForce` holds it), or another version of the list came into force meanwhile; nothing loaded")
    @ApiResponse(responseCode = "413", description = "Larger than the upload limit")
    @Secured("ROLE_ADMIN")
    public ResponseEntity<ListVersion> load(@RequestParam(name = "format", required = false) String format,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestPart(name = "aliases", required = false) MultipartFile aliases) {
        ListVersion version = lists.load(format(format), upload(file, "file"), aliases == null ? null
                : upload(aliases, "aliases"));
        return ResponseEntity.status(HttpStatus.CREATED).body(version);
    }

    @GetMapping
    @Operation(summary = "Every version of every list, each list's version in force first (ADMIN, MANAGER, ANALYST, "
            + "SENIOR_ANALYST, INTAKE)")
    List<ListVersion> versions() {
        return lists.versions();
    }

    @ExceptionHandler(ListUnchangedException.class)
    ResponseEntity<ProblemDetail> unchanged(ListUnchangedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Unchanged");
        problem.setProperty("inForce", e.inForce());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ListLoadConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ListLoadConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    // the role is checked before the parts are read: other roles learn nothing about what a list file must hold

    private static ListFormat format(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("format", "is required: one of " + Arrays.toString(ListFormat.values()));
        }
        try {
            return ListFormat.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("format", "must be one of " + Arrays.toString(ListFormat.values()));
        }
    }

    private static ListFile upload(MultipartFile file, String field) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException(field, "is required and must not be empty");
        }
        return new ListFile(file.getOriginalFilename() == null ? field : file.getOriginalFilename(), file.getSize(),
                file::getInputStream);
    }
}
