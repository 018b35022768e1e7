package dev.attest.screening;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.attest.cases.CaseLookup;

/** {@code /api/v1/cases/{id}/screening}: a case's sanctions screening. */
@RestController
@RequestMapping(path = "/api/v1/cases/{caseId}/screening", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Screening")
class CaseScreeningController {

    private final CaseScreenings screenings;
    private final CaseLookup cases;

    CaseScreeningController(CaseScreenings screenings, CaseLookup cases) {
        this.screenings = screenings;
        this.cases = cases;
    }

    @GetMapping
    @Operation(summary = "The case's sanctions screening",
            description = "Roles: ANALYST, SENIOR_ANALYST, MANAGER, INTAKE, ADMIN (whoever may read the case; never a "
                    + "client). The id is the case's UUID or its reference. Answer: subjects (source INTAKE_CLIENT, "
                    + "INTAKE_BUSINESS, OWNER or CONTROL_PERSON, ownershipVersion, type, name, dateOfBirth, country), "
                    + "hits newest first (list, entryId, entryName, matchedName, subjectNameMatched, score, reasons, "
                    + "entryFingerprint, status UNDECIDED / AWAITING_CONFIRMATION / FALSE_POSITIVE / TRUE_MATCH / "
                    + "OVERTURNED, decision with the second reviewer's confirmation), decisions newest first and the "
                    + "history in words, oldest first. Hits are decided by completing the case's \"Review screening "
                    + "hits\" task (POST /api/v1/tasks/{id}/complete with decision_<hit id> TRUE_MATCH or FALSE_POSITIVE "
                    + "and reason_<hit id> for every hit) and a true match by a different senior analyst's \"Confirm "
                    + "true match\" task (confirmation CONFIRM or OVERTURN, confirmationReason).")
    @ApiResponse(responseCode = "200", description = "The screening (empty lists when the case was not screened yet)")
    @ApiResponse(responseCode = "403", description = "The role may not read cases")
    @ApiResponse(responseCode = "404", description = "No such case")
    CaseScreening get(@PathVariable String caseId) {
        return screenings.forCase(cases.get(caseId).getId());
    }
}
