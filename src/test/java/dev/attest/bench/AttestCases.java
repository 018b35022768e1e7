package dev.attest.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseLookup;
import dev.attest.documents.DocumentMetadata;
import dev.attest.documents.Documents;
import dev.attest.documents.TestFiles;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.recovery.MarketplaceDecisionRequest;
import dev.attest.recovery.TwoFactorRecovery;
import dev.attest.worklist.Worklist;

/**
 * A 2FA case from intake to closed through Attest's services, as its users would take it: opened by intake, the
 * client's passport uploaded and checked, then each task found on the case, claimed and completed by an analyst
 * (review, preparation, submission), the marketplace's approval recorded, the switch confirmed. Each client works
 * only on cases it opened: it finds its own case's task, so no two clients ever claim the same task. Safe to use
 * from several threads (the caller's identity is per thread).
 */
final class AttestCases {

    private final CaseIntake intake;
    private final CaseLookup cases;
    private final Documents documents;
    private final Worklist worklist;
    private final TwoFactorRecovery recovery;
    private final byte[] passport = TestFiles.png(900, 600);
    private final String today = LocalDate.now(ZoneId.of("America/New_York")).toString();

    AttestCases(CaseIntake intake, CaseLookup cases, Documents documents, Worklist worklist,
            TwoFactorRecovery recovery) {
        this.intake = intake;
        this.cases = cases;
        this.documents = documents;
        this.worklist = worklist;
        this.recovery = recovery;
    }

    /** One case from intake to closed; {@code n} names its client (Bench Client n). */
    CaseFile runCase(int n, ClientCalls calls) {
        CaseFile c = calls.time(CaseCall.OPEN_CASE, () -> RunAs.user("intake", () -> intake.open(request(n)),
                Role.INTAKE));
        String ref = c.getReference();
        calls.time(CaseCall.UPLOAD, () -> RunAs.user("intake", () -> documents.upload(ref, "passport.png", passport,
                new DocumentMetadata("PASSPORT", "Bench Client " + n, null, "US", null, "2031-01-01")), Role.INTAKE));
        complete(c, CaseCall.COMPLETE_REVIEW, Map.of("nameAndAddressVisible", true, "issuerClear", true,
                "wholeOriginalInColour", true, "decision", "APPROVE"), calls);
        complete(c, CaseCall.COMPLETE_PREPARATION, Map.of("ready", "READY"), calls);
        complete(c, CaseCall.COMPLETE_SUBMISSION, Map.of("submittedOn", today), calls);
        calls.time(CaseCall.RECORD_DECISION, () -> RunAs.user("analyst", () -> recovery.recordDecision(ref,
                new MarketplaceDecisionRequest("APPROVED", null, null)), Role.ANALYST));
        complete(c, CaseCall.COMPLETE_SWITCH, Map.of("authenticatorApp", "AUTHY"), calls);
        return c;
    }

    private void complete(CaseFile c, CaseCall call, Map<String, Object> values, ClientCalls calls) {
        String task = calls.time(CaseCall.FIND_TASK, () -> RunAs.user("intake", () -> cases.openTasks(c).get(0).id(),
                Role.INTAKE));
        calls.time(CaseCall.CLAIM, () -> RunAs.user("analyst", () -> worklist.claim(task), Role.ANALYST));
        calls.time(call, () -> RunAs.user("analyst", () -> worklist.complete(task, values), Role.ANALYST));
    }

    static CaseIntakeRequest request(int n) {
        return new CaseIntakeRequest("ACCOUNT_RECOVERY_2FA",
                new CaseIntakeRequest.ClientInput("Bench Client " + n, "bench" + n + "@example.com", null, null, "US"),
                new CaseIntakeRequest.AccountInput("amazon.com", null, new CaseIntakeRequest.AddressInput(
                        "1 Main Street", null, "Austin", "TX", "78704", "US")),
                new CaseIntakeRequest.SituationInput(true, false, false, false, "PORTED_LINE"), null);
    }
}
