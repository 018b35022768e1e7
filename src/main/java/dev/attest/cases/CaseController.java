package dev.attest.cases;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/cases}: open a case, read a case file. */
@RestController
@RequestMapping(path = "/api/v1/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases")
class CaseController {

    private final CaseIntake intake;
    private final CaseLookup lookup;
    private final CaseDocuments documents;

    CaseController(CaseIntake intake, CaseLookup lookup, CaseDocuments documents) {
        this.intake = intake;
        this.lookup = lookup;
        this.documents = documents;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a case and start its process", description = "Roles: INTAKE, ANALYST, SENIOR_ANALYST, MANAGER.")
    @ApiResponse(responseCode = "201", description = "Opened; Location names the case")
    @ApiResponse(responseCode = "400", description = "Invalid input; every bad field is named, nothing is stored",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @ApiResponse(responseCode = "403", description = "The role may not open cases")
    ResponseEntity<CaseFileResponse> open(@RequestBody CaseIntakeRequest request) {
        CaseFile caseFile = intake.open(request);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseFile.getId()))
                .body(CaseFileResponse.of(caseFile, lookup.openTasks(caseFile), List.of()));
    }

    /** One case in a list. */
    record CaseListItem(String id, String reference, CaseType type, CaseStatus status, Priority priority,
            String clientName, String email, Instant createdAt, Instant closedAt) {
    }

    /** A page of cases with the total that match. */
    record CasePage(long total, List<CaseListItem> cases) {
    }

    @GetMapping
    @Operation(summary = "Search cases, newest first",
            description = "Roles: ANALYST, SENIOR_ANALYST, MANAGER, INTAKE, ADMIN. q matches the reference, the client's "
                    + "name and e-mail; type and status filter; offset and limit (at most 200) page.")
    CasePage search(@RequestParam(required = false) String q,
            @RequestParam(required = false) CaseType type,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "50") int limit) {
        int page = Math.max(1, Math.min(200, limit));
        return new CasePage(lookup.count(q, type, status), lookup.search(q, type, status, Math.max(0, offset), page)
                .stream().map(c -> new CaseListItem(c.getId().toString(), c.getReference(), c.getType(), c.getStatus(),
                        c.getPriority(), c.getClient().fullName(), c.getClient().email().value(), c.getCreatedAt(),
                        c.getClosedAt()))
                .toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a case file by id or reference",
            description = "Roles: ANALYST, SENIOR_ANALYST, MANAGER, INTAKE, ADMIN. The id is the case's UUID or its reference (CASE-2026-000123).")
    @ApiResponse(responseCode = "404", description = "No such case")
    CaseFileResponse get(@PathVariable String id) {
        CaseFile caseFile = lookup.get(id);
        return CaseFileResponse.of(caseFile, lookup.openTasks(caseFile), documents.of(caseFile.getId()));
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The case's timeline, oldest first",
            description = "Roles: ANALYST, SENIOR_ANALYST, MANAGER, INTAKE, ADMIN. The case's history in words: "
                    + "documents received, approved (with any override) or rejected with the reason, tasks taken and "
                    + "done by name, process milestones, SLA escalations, when the SLA clock stood still waiting for "
                    + "the client, and audit records; no task ids.")
    @ApiResponse(responseCode = "404", description = "No such case")
    List<CaseWorkflow.TimelineEntry> timeline(@PathVariable String id) {
        return lookup.timeline(lookup.get(id));
    }
}
