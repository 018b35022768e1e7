package dev.attest.ownership;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/cases/{id}/ownership}: record and read a case's ownership structure and its analysis. */
@RestController
@RequestMapping(path = "/api/v1/cases/{caseId}/ownership", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Ownership")
class OwnershipController {

    private final Ownership ownership;

    OwnershipController(Ownership ownership) {
        this.ownership = ownership;
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the ownership structure (a new version) and get its analysis",
            description = "Roles: INTAKE, ANALYST, SENIOR_ANALYST. Answer: threshold, beneficial owners (party, name, "
                    + "effectivePercent, chains) largest first, findings (code, parties, message).")
    @ApiResponse(responseCode = "200", description = "Recorded and analysed")
    @ApiResponse(responseCode = "400", description = "Invalid structure; every problem named, nothing recorded")
    @ApiResponse(responseCode = "409", description = "The case is closed: its record can no longer be changed; nothing stored")
    OwnershipAnalysis.Result record(@PathVariable String caseId, @RequestBody OwnershipInput input) {
        return ownership.record(caseId, input).analysis();
    }

    @GetMapping
    @Operation(summary = "The current structure and its analysis")
    @ApiResponse(responseCode = "404", description = "No case, or no structure recorded yet")
    Ownership.View current(@PathVariable String caseId) {
        return ownership.current(caseId).orElseThrow(() -> new OwnershipNotRecordedException(caseId));
    }

    @GetMapping("/versions")
    @Operation(summary = "Every recorded version with its analysis, oldest first")
    List<Ownership.View> versions(@PathVariable String caseId) {
        return ownership.versions(caseId);
    }

    @GetMapping("/versions/{number}")
    @Operation(summary = "One version as it was recorded")
    Ownership.View version(@PathVariable String caseId, @PathVariable int number) {
        return ownership.version(caseId, number).orElseThrow(() -> new OwnershipNotRecordedException(caseId));
    }
}
