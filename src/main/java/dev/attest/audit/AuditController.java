package dev.attest.audit;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/audit}: reading the audit trail and checking that it is as it was written (ADMIN). */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/records")
    @Operation(summary = "The newest audit records first, optionally of one user, action or case (ADMIN)",
            description = "`limit` 1 to 1000 (default 100); an unknown action is refused with 400.")
    List<AuditTrail.Record> records(@RequestParam(required = false) String who,
            @RequestParam(required = false) AuditTrail.Action action,
            @RequestParam(name = "case", required = false) String caseReference,
            @RequestParam(defaultValue = "100") int limit) {
        return audit.newest(who, action, caseReference, limit);
    }

    @GetMapping("/verification")
    @Operation(summary = "Recompute the audit trail's hash chain (ADMIN)", description = """
            Every record is chained to the one before by SHA-256 and numbered, moments after the transaction that \
            wrote it commits. Answers whether all chained records are as written, in order and none missing (also \
            none removed from the end, none added beyond it), how many were checked, otherwise the number of the \
            first record that does not verify and why; and how many committed records are not chained yet \
            (`pending`) and when the oldest of them was written (`pendingSince`).""")
    AuditTrail.Verification verify() {
        return audit.verify();
    }
}
