package dev.attest.documents;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.attest.validation.InvalidInputException;

/** {@code /api/v1/cases/{id}/documents}: upload, list, download and correct documents. */
@RestController
@RequestMapping(path = "/api/v1/cases/{caseId}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Documents")
class DocumentController {

    private final Documents documents;
    private final ObjectMapper json;
    private final ReadReasons reasons;
    private final DocumentReview review;

    DocumentController(Documents documents, ObjectMapper json, ReadReasons reasons, DocumentReview review) {
        this.review = review;
        this.documents = documents;
        this.json = json;
        this.reasons = reasons;
    }

    /** An uploaded document with its checks and what was read off it. */
    record DocumentResponse(String id, String kind, String fileName, String sha256, long sizeBytes, String mediaType,
            String status, List<CheckResult> checks,
            @JsonInclude(JsonInclude.Include.NON_NULL) Extraction extraction) {
    }

    private DocumentResponse response(StoredDocument d) {
        return new DocumentResponse(d.getId().toString(), d.getKind().name(), d.getFileName(), d.getSha256(),
                d.getSizeBytes(), d.getMediaType(), d.getStatus().name(), d.getChecks(),
                Extraction.of(documents.readingOf(d), Documents.mayReadContent()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a document", description = "Multipart: part 'file' and part 'metadata' (JSON: kind, "
            + "nameOnDocument, addressOnDocument, issuingCountry, issuingRegion, expiresOn, datedOn, documentNumber; only "
            + "kind is required: Attest reads the rest off the document, and what is typed is compared with what was "
            + "read, check CONSISTENCY). The document is read on upload (PDF text, OCR, machine-readable zone, PDF417 "
            + "barcode): 'extraction' answers what was read, and the checks use it; a file not read within "
            + "attest.documents.upload-reading.wait-at-most (2 s) is answered at once with extraction.status PENDING, "
            + "read in the background, and checked again when reading ends (no review task exists before). Roles: INTAKE, ANALYST, "
            + "SENIOR_ANALYST, MANAGER. Refusals store nothing: 400 empty file or bad metadata, or a file name that is a "
            + "path or holds a NUL, control, invisible or direction-changing character (field 'file'); 413 over the "
            + "size limit; 415 not JPEG, PNG, PDF, DOC or DOCX, not matching the extension, or active content (PDF "
            + "actions other than navigation and web links, JavaScript, XFA, embedded files; DOCX outside targets, "
            + "fields such as DDE or INCLUDEPICTURE, macro, ActiveX or OLE parts; DOC macros or embedded objects), "
            + "the detail saying what was found and where.")
    @ApiResponse(responseCode = "201", description = "Stored and checked")
    @ApiResponse(responseCode = "400", description = "Empty file, bad metadata or bad file name (field named)")
    @ApiResponse(responseCode = "413", description = "Over the size limit (default 10 MiB)")
    @ApiResponse(responseCode = "415", description = "Type not accepted, not matching the extension, or active content "
            + "(named in the detail)")
    @ApiResponse(responseCode = "409", description = "The case is closed: its record can no longer be changed; nothing stored")
    @ApiResponse(responseCode = "503", description = "Too many files are being checked at once; nothing stored: "
            + "try again after Retry-After seconds")
    ResponseEntity<DocumentResponse> upload(@PathVariable String caseId, @RequestPart("file") MultipartFile file,
            @RequestPart("metadata") String metadata) throws IOException {
        DocumentMetadata parsed;
        try {
            parsed = json.readValue(metadata, DocumentMetadata.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("metadata", "is not valid JSON of the expected shape: "
                    + e.getOriginalMessage());
        }
        StoredDocument stored = documents.upload(caseId, file.getOriginalFilename(), file.getBytes(), parsed);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/documents/" + stored.getId()))
                .body(response(stored));
    }

    @GetMapping
    @Operation(summary = "The documents of a case with their checks")
    List<DocumentResponse> list(@PathVariable String caseId) {
        return documents.list(caseId).stream().map(this::response).toList();
    }

    @GetMapping("/{documentId}")
    @Operation(summary = "One document's metadata and checks")
    DocumentResponse get(@PathVariable String caseId, @PathVariable UUID documentId) {
        return response(documents.get(caseId, documentId));
    }

    @GetMapping(path = "/{documentId}/content", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Download the original bytes (decrypted, checksum verified); audited with why",
            description = "Roles: ANALYST, SENIOR_ANALYST, MANAGER. Why it is read, recorded in the audit: either "
                    + "taskId, an open task of this case that the caller may see (checked; recorded as "
                    + "'task <id> (<name>)'), or reason, the caller's own words (one line, at most 160 characters, no "
                    + "control characters; recorded as 'stated by reader: ...'); not both. Neither is recorded as "
                    + "'API download (no reason given)'. 400 naming the parameter otherwise; nothing is read.")
    ResponseEntity<byte[]> content(@PathVariable String caseId, @PathVariable UUID documentId,
            @Parameter(description = "an open task of this case you may see")
            @RequestParam(required = false) String taskId,
            @Parameter(description = "why you read it, in your own words (one line, ≤ 160)")
            @RequestParam(required = false) String reason) {
        DocumentContent content = documents.read(caseId, documentId, reasons.of(caseId, taskId, reason));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content.bytes());
    }

    @PutMapping(path = "/{documentId}/metadata", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct what the document shows; the checks run again", description = "Roles: ANALYST, SENIOR_ANALYST.")
    @ApiResponse(responseCode = "409", description = "The case is closed: its record can no longer be changed; nothing stored")
    DocumentResponse correct(@PathVariable String caseId, @PathVariable UUID documentId,
            @RequestBody DocumentMetadata metadata) {
        return response(documents.correct(caseId, documentId, metadata));
    }

    /** The e-mail a rejection would send, as it will go out. */
    record RejectionPreview(String email) {
    }

    @GetMapping("/{documentId}/rejection-preview")
    @Operation(summary = "The e-mail a rejection of this document would send the client",
            description = "Roles: ANALYST, SENIOR_ANALYST, MANAGER. Rendered from the templates as it will go out "
                    + "(subject, then body), with a placeholder for the single-use upload link; nothing is sent or "
                    + "stored. The client reads each reason as a plain sentence, never its code. 400 naming "
                    + "'reason' when it is missing or unknown, 'note' when the reason is OTHER and no note is given, or the note "
                    + "is one the decision refuses (over 1200 characters, control or invisible characters).")
    @ApiResponse(responseCode = "400", description = "reason missing or unknown, or note missing for OTHER")
    RejectionPreview rejectionPreview(@PathVariable String caseId, @PathVariable UUID documentId,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String note) {
        documents.get(caseId, documentId);
        RejectionReason parsed = null;
        for (RejectionReason r : RejectionReason.values()) {
            if (r.name().equals(reason)) {
                parsed = r;
            }
        }
        if (parsed == null) {
            throw new InvalidInputException("reason", "must be one of " + List.of(RejectionReason.values()));
        }
        String checked; // what the decision would refuse (too long, control characters) is not previewed as sendable
        try {
            checked = dev.attest.validation.Text.optional(note, ReviewFormRules.MAX_CLIENT_NOTE);
        } catch (dev.attest.validation.InvalidValueException e) {
            throw new InvalidInputException("note", e.getMessage());
        }
        if (parsed == RejectionReason.OTHER && checked == null) {
            throw new InvalidInputException("note", "is required when the reason is OTHER: say why, for the client");
        }
        return new RejectionPreview(review.previewRejection(documentId, parsed, checked));
    }
}
