package dev.attest.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.attest.cases.CaseLookup;

/** {@code /api/v1/cases/{id}/marketplace-decision} and {@code /recovery}: the 2FA reset's submissions and decisions. */
@RestController
@RequestMapping(path = "/api/v1/cases/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "2FA reset")
class RecoveryController {

    private final TwoFactorRecovery recovery;
    private final CaseLookup cases;

    RecoveryController(TwoFactorRecovery recovery, CaseLookup cases) {
        this.recovery = recovery;
        this.cases = cases;
    }

    /** One submission to the marketplace and its decision, if any. */
    record SubmissionView(int round, LocalDate submittedOn, String submittedBy, String submissionNote,
            MarketplaceDecision decision, MarketplaceRejectionReason reason, String decisionNote, Instant decidedAt,
            String decisionRecordedBy) {

        static SubmissionView of(Submission s) {
            return new SubmissionView(s.getRound(), s.getSubmittedOn(), s.getSubmittedBy(), s.getSubmissionNote(),
                    s.getDecision(), s.getReason(), s.getDecisionNote(), s.getDecidedAt(), s.getDecisionRecordedBy());
        }
    }

    /** Where a case's 2FA reset stands. */
    record RecoveryView(boolean awaitingDecision, List<SubmissionView> submissions) {
    }

    @PostMapping(path = "/marketplace-decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the marketplace's decision on the case's 2FA reset submission",
            description = "Roles: ANALYST, SENIOR_ANALYST, MANAGER. Body: {\"decision\": \"APPROVED\" | \"REJECTED\", "
                    + "\"reason\": one of DOCUMENT_UNREADABLE, NAME_MISMATCH, ADDRESS_MISMATCH, DOCUMENT_NOT_ACCEPTED, "
                    + "DOCUMENT_EXPIRED, ACCOUNT_NOT_FOUND, WRONG_ACCOUNT_LOGIN, NO_REASON_GIVEN, OTHER (required for a "
                    + "rejection, refused for an approval), \"note\": what the marketplace wrote, optional, at most 2000 "
                    + "characters}. The decision is stored on the open submission and moves the waiting 2FA reset on "
                    + "(also while the analyst is following up): approved sends the client the authenticator guidance; "
                    + "rejected asks for another submission or, after the last one, the specialist path.")
    @ApiResponse(responseCode = "200", description = "Recorded; the submission with its decision")
    @ApiResponse(responseCode = "400", description = "Invalid decision, reason or note; nothing recorded")
    @ApiResponse(responseCode = "404", description = "No such case")
    @ApiResponse(responseCode = "409", description = "The case does not wait for a marketplace decision, or is closed")
    SubmissionView decide(@PathVariable String caseId, @RequestBody MarketplaceDecisionRequest request) {
        return SubmissionView.of(recovery.recordDecision(caseId, request));
    }

    @GetMapping("/recovery")
    @Operation(summary = "The 2FA reset's submissions to the marketplace and whether it waits for a decision")
    @ApiResponse(responseCode = "404", description = "No such case")
    RecoveryView recovery(@PathVariable String caseId) {
        var caseFile = cases.get(caseId);
        return new RecoveryView(recovery.awaitingDecision(caseFile.getReference()),
                recovery.submissions(caseFile.getReference()).stream().map(SubmissionView::of).toList());
    }
}
