package dev.attest.worklist;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.attest.cases.CaseType;
import dev.attest.cases.Priority;
import dev.attest.export.CsvDownload;
import dev.attest.export.CsvTable;

/**
 * {@code GET /api/v1/tasks.csv}, and {@code GET /api/v1/tasks} with {@code Accept: text/csv}: the task list as CSV.
 * Roles: ANALYST, SENIOR_ANALYST, MANAGER.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tasks")
class TaskCsvController {

    private final SavedFilters savedFilters;
    private final TaskExport export;

    TaskCsvController(SavedFilters savedFilters, TaskExport export) {
        this.savedFilters = savedFilters;
        this.export = export;
    }

    @GetMapping(path = {"/tasks", "/tasks.csv"}, produces = CsvTable.MEDIA_TYPE)
    @Operation(summary = "The task list as CSV", description = "GET /api/v1/tasks.csv, or GET /api/v1/tasks with "
            + "Accept: text/csv. " + TaskController.FILTERS + " The list's order, at most attest.export.max-rows rows (default "
            + "10,000; X-Export-Truncated: true when the list was longer). Cells a spreadsheet would run as a formula "
            + "(starting with = + - @, tab, CR or LF, also behind leading spaces or quotes) begin with an apostrophe. Audited (LIST_EXPORTED).")
    @ApiResponse(responseCode = "200", description = "The CSV (UTF-8 with a byte order mark, RFC 4180)",
            content = @Content(mediaType = CsvTable.MEDIA_TYPE))
    @ApiResponse(responseCode = "400", description = "A filter parameter is invalid (named)")
    ResponseEntity<byte[]> csv(@RequestParam(name = "filter", required = false) Long savedFilter,
            @RequestParam(required = false) TaskFilter.Scope scope,
            @RequestParam(required = false) CaseType caseType,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean escalated,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) TaskFilter.FollowUp followUp) {
        TaskFilter filter = TaskController.filter(savedFilters, savedFilter, scope, caseType, q, escalated, dueFrom, dueTo, priority, assignee,
                followUp);
        CsvDownload download = export.csv(filter, savedFilter == null ? null : savedFilters.get(savedFilter).name());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CsvTable.MEDIA_TYPE + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(download.fileName())
                        .build().toString())
                .header("X-Export-Truncated", String.valueOf(download.truncated()))
                .body(download.content());
    }

}
