package dev.attest.cases;

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

import dev.attest.export.CsvDownload;
import dev.attest.export.CsvTable;

/**
 * {@code GET /api/v1/cases.csv}, and {@code GET /api/v1/cases} with {@code Accept: text/csv}: the case list as CSV.
 * Roles: ANALYST, SENIOR_ANALYST, MANAGER, ADMIN.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases")
class CaseCsvController {

    private final CaseExport export;

    CaseCsvController(CaseExport export) {
        this.export = export;
    }

    @GetMapping(path = {"/cases", "/cases.csv"}, produces = CsvTable.MEDIA_TYPE)
    @Operation(summary = "The case list as CSV", description = "GET /api/v1/cases with Accept: text/csv (or GET "
            + "/api/v1/cases.csv). Roles: ANALYST, SENIOR_ANALYST, MANAGER, ADMIN (not INTAKE). q, type and status as "
            + "the search; newest first, at most attest.export.max-rows rows (default 10,000; X-Export-Truncated: "
            + "true when the list was longer). Cells a spreadsheet would run as a formula (starting with = + - @, tab, "
            + "CR or LF, also behind leading spaces or quotes) begin with an apostrophe. Audited (LIST_EXPORTED).")
    @ApiResponse(responseCode = "200", description = "The CSV (UTF-8 with a byte order mark, RFC 4180)",
            content = @Content(mediaType = CsvTable.MEDIA_TYPE))
    @ApiResponse(responseCode = "403", description = "The role may not export cases")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String q,
            @RequestParam(required = false) CaseType type,
            @RequestParam(required = false) CaseStatus status) {
        CsvDownload download = export.csv(q, type, status);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CsvTable.MEDIA_TYPE + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(download.fileName())
                        .build().toString())
                .header("X-Export-Truncated", String.valueOf(download.truncated()))
                .body(download.content());
    }

}
