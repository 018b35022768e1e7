package dev.attest.cases;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/cases/{id}/legal-hold} and {@code /erasure-requests} (ADMIN): record keeping. */
@RestController
@RequestMapping(path = "/api/v1/cases/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Record keeping")
class RetentionController {

    record HoldRequest(String reason) {
    }

    record ErasureRequest(String request) {
    }

    private final Retention retention;

    RetentionController(Retention retention) {
        this.retention = retention;
    }

    @PostMapping(path = "/legal-hold", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Place a legal hold: nothing of the case is deleted until it is released (ADMIN)")
    ResponseEntity<Void> hold(@PathVariable String caseId, @RequestBody HoldRequest body) {
        retention.placeLegalHold(caseId, body == null ? null : body.reason());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/legal-hold")
    @Operation(summary = "Release the legal hold (ADMIN)")
    ResponseEntity<Void> release(@PathVariable String caseId) {
        retention.releaseLegalHold(caseId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/erasure-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A client's request to erase their data (ADMIN)", description = """
            Refused, with the reason recorded in the audit trail, while the case is open, on legal hold or inside \
            its retention period (attest.retention.years after it closed, 5 by default); granted at once after it.""")
    Retention.ErasureDecision erase(@PathVariable String caseId, @RequestBody(required = false) ErasureRequest body) {
        return retention.requestErasure(caseId, body == null ? null : body.request());
    }
}
