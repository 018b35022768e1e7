package dev.attest.recovery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.audit.AuditTrail;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseProgress;
import dev.attest.cases.CaseRecords;
import dev.attest.communication.ClientMessages;
import dev.attest.communication.MailTemplate;
import dev.attest.identity.CurrentUser;
import dev.attest.recovery.internal.Submissions;
import dev.attest.sla.BusinessCalendar;
import dev.attest.validation.Choice;
import dev.attest.validation.FieldErrors;
import dev.attest.validation.Text;

/**
 * The steps of a 2FA reset: the submissions to the marketplace, its decisions (stored with their reasons, and
 * handed to the waiting process in the same transaction), the guidance e-mail and the outcome. The steps the
 * engine takes carry no role check (the task completion that leads to them is checked by the worklist);
 * recording a decision and reading the figures do.
 */
@Service
@EnableConfigurationProperties(RecoverySettings.class)
public class TwoFactorRecovery {

    private static final Logger log = LoggerFactory.getLogger(TwoFactorRecovery.class);
    private static final int MAX_NOTE = 2000;

    private final Submissions submissions;
    private final AuditTrail audit;
    private final CaseLookup cases;
    private final CaseProgress progress;
    private final CaseRecords records;
    private final RecoveryWorkflow workflow;
    private final ClientMessages messages;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final int waitBusinessDays;
    private final int maxSubmissions;
    private final Map<String, String> recoveryUrls;

    TwoFactorRecovery(Submissions submissions, CaseLookup cases, CaseProgress progress, CaseRecords records,
            RecoveryWorkflow workflow,
            ClientMessages messages, BusinessCalendar calendar, Clock clock, RecoverySettings settings,
            AuditTrail audit) {
        this.audit = audit;
        this.submissions = submissions;
        this.cases = cases;
        this.progress = progress;
        this.records = records;
        this.workflow = workflow;
        this.messages = messages;
        this.calendar = calendar;
        this.clock = clock;
        this.waitBusinessDays = settings.decisionWaitBusinessDays();
        this.maxSubmissions = settings.maxSubmissions();
        this.recoveryUrls = settings.recoveryUrls();
    }

    /**
     * What recording a submission means for the process.
     *
     * @param round the submission's number, from 1
     * @param resubmissionAllowed whether a rejection of it may be submitted again
     */
    public record Recorded(int round, boolean resubmissionAllowed) {
    }

    /** Records that the analyst submitted the identity document at the marketplace. */
    @Transactional
    public Recorded recordSubmission(UUID caseId, LocalDate submittedOn, String note) {
        String reference = records.requireOpen(caseId, "record a submission to the marketplace").getReference();
        int round = submissions.findFirstByCaseIdOrderByRoundDesc(caseId).map(s -> s.getRound() + 1).orElse(1);
        String by = CurrentUser.find().map(CurrentUser::username).orElse("system");
        submissions.save(new Submission(caseId, reference, round, submittedOn, by, Text.optional(note, MAX_NOTE)));
        log.info("Case {}: 2FA reset submitted to the marketplace (submission {}) by {}", reference, round, by);
        return new Recorded(round, round < maxSubmissions);
    }

    /** When the marketplace's decision on a submission made now is overdue (the usual wait, in business days). */
    public Instant decisionDue() {
        return calendar.addBusinessDays(clock.instant(), waitBusinessDays);
    }

    /**
     * Records the marketplace's decision on the case's open submission and hands it to the waiting 2FA reset.
     *
     * @throws dev.attest.validation.InvalidInputException naming each bad field; nothing stored
     * @throws NotAwaitingDecisionException when no submission waits for a decision; nothing stored
     * @throws dev.attest.cases.CaseClosedException when the case is closed; nothing stored
     */
    @Transactional
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
    public Submission recordDecision(String caseIdOrReference, MarketplaceDecisionRequest request) {
        FieldErrors errors = new FieldErrors();
        MarketplaceDecisionRequest r = request == null ? new MarketplaceDecisionRequest(null, null, null) : request;
        MarketplaceDecision decision = errors.capture("decision",
                () -> Choice.required(MarketplaceDecision.class, r.decision()));
        MarketplaceRejectionReason reason = errors.capture("reason",
                () -> Choice.optional(MarketplaceRejectionReason.class, r.reason()));
        if (decision == MarketplaceDecision.REJECTED && (r.reason() == null || r.reason().isBlank())) {
            errors.add("reason", "is required for a rejection");
        }
        if (decision == MarketplaceDecision.APPROVED && reason != null) {
            errors.add("reason", "is only for rejections");
        }
        String note = errors.capture("note", () -> Text.optional(r.note(), MAX_NOTE));
        errors.throwIfAny();

        CaseFile caseFile = records.requireOpen(caseIdOrReference, "record a marketplace decision");
        Submission open = submissions.findFirstByCaseIdOrderByRoundDesc(caseFile.getId())
                .filter(s -> s.getDecision() == null)
                .orElseThrow(() -> new NotAwaitingDecisionException(caseFile.getReference()));
        String by = CurrentUser.require().username();
        open.decide(decision, reason, note, by, clock.instant());
        // undone with the rest if nothing waits for the decision
        audit.record(AuditTrail.Action.DECISION_RECORDED, "submission " + open.getRound(),
                caseFile.getReference(), "marketplace " + decision + (reason == null ? "" : ": " + reason));
        if (!workflow.decisionArrived(caseFile.getReference(), decision)) {
            throw new NotAwaitingDecisionException(caseFile.getReference());
        }
        log.info("Case {}: marketplace decision {} on submission {} recorded by {}", caseFile.getReference(),
                decision, open.getRound(), by);
        return open;
    }

    /** The case's submissions to the marketplace, first first. */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER", "ROLE_INTAKE", "ROLE_ADMIN"})
    public List<Submission> submissions(String caseIdOrReference) {
        return submissions.findByCaseIdOrderByRoundAsc(cases.get(caseIdOrReference).getId());
    }

    /** Whether the case's 2FA reset waits for the marketplace's decision. */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER", "ROLE_INTAKE", "ROLE_ADMIN"})
    public boolean awaitingDecision(String caseReference) {
        return workflow.awaitingDecision(caseReference);
    }

    /** The marketplace's page where the analyst submits the document, or {@code null} when none is configured. */
    public String recoveryUrl(String marketplace) {
        return recoveryUrls.get(marketplace);
    }

    /** Sends the client the guidance for after the reset: log in, update the phone, switch to an authenticator. */
    @Transactional
    public void sendGuidance(UUID caseId) {
        messages.send(caseId, MailTemplate.AUTHENTICATOR_GUIDANCE, Map.of());
    }

    /** Why a case leaves the standard reset for the specialist path, in words for the case record. */
    @Transactional(readOnly = true)
    public String specialistReason(UUID caseId, boolean identityAccepted, boolean noAnswer) {
        if (!identityAccepted) {
            return "2FA reset: the client's identity document was not accepted; handed to the specialist path.";
        }
        if (noAnswer) {
            return "2FA reset: the marketplace did not decide after the analyst followed up; handed to the specialist "
                    + "path.";
        }
        List<Submission> all = submissions.findByCaseIdOrderByRoundAsc(caseId);
        Submission last = all.isEmpty() ? null : all.get(all.size() - 1);
        return "2FA reset: the marketplace rejected " + all.size() + " submission" + (all.size() == 1 ? "" : "s")
                + (last != null && last.getReason() != null ? " (last reason: " + label(last.getReason()) + ")" : "")
                + "; handed to the specialist path.";
    }

    /** The outcome note of a restored account. */
    @Transactional(readOnly = true)
    public String recoveredNote(UUID caseId, String authenticatorApp, boolean phoneUpdated, String note) {
        int rounds = submissions.findByCaseIdOrderByRoundAsc(caseId).size();
        return "2FA reset approved by the marketplace (submission " + rounds + "); the client now uses "
                + label(authenticatorApp) + (phoneUpdated ? " and updated the phone number" : "") + "."
                + (note == null || note.isBlank() ? "" : " " + note);
    }

    /**
     * The marketplace's decisions in a time range, for the manager's dashboard.
     *
     * @param firstDecided first submissions decided
     * @param firstApproved first submissions approved
     * @param rejectionReasons rejections by reason, most common first
     */
    public record Outcomes(long firstDecided, long firstApproved, List<ReasonCount> rejectionReasons) {

        /** Share of first submissions approved, in percent, or {@code null} when none was decided. */
        public Double firstSubmissionAcceptance() {
            return firstDecided == 0 ? null : 100.0 * firstApproved / firstDecided;
        }
    }

    public record ReasonCount(MarketplaceRejectionReason reason, long count) {
    }

    /** Decisions recorded in {@code [from, to)}. */
    @Transactional(readOnly = true)
    @Secured("ROLE_MANAGER")
    public Outcomes outcomes(Instant from, Instant to) {
        long firstDecided = 0;
        long firstApproved = 0;
        Map<MarketplaceRejectionReason, Long> reasons = new HashMap<>();
        for (Object[] row : submissions.decisionCounts(from, to)) {
            MarketplaceDecision decision = (MarketplaceDecision) row[0];
            long count = ((Number) row[3]).longValue();
            if (((Number) row[2]).intValue() == 1) {
                firstDecided += count;
                if (decision == MarketplaceDecision.APPROVED) {
                    firstApproved += count;
                }
            }
            if (decision == MarketplaceDecision.REJECTED) {
                MarketplaceRejectionReason reason = row[1] == null ? MarketplaceRejectionReason.NO_REASON_GIVEN
                        : (MarketplaceRejectionReason) row[1];
                reasons.merge(reason, count, Long::sum);
            }
        }
        List<ReasonCount> ranked = new ArrayList<>();
        reasons.forEach((k, v) -> ranked.add(new ReasonCount(k, v)));
        ranked.sort(Comparator.comparingLong(ReasonCount::count).reversed()
                .thenComparing(c -> c.reason().name()));
        return new Outcomes(firstDecided, firstApproved, ranked);
    }

    static String label(Enum<?> value) {
        return label(value.name());
    }

    static String label(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
