package dev.attest.documents;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.audit.AuditTrail;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseProgress;
import dev.attest.cases.CaseRecords;
import dev.attest.communication.ClientMessages;
import dev.attest.communication.RequestedItem;
import dev.attest.communication.UploadLinks;
import dev.attest.documents.internal.DocumentRequests;
import dev.attest.documents.internal.StoredDocuments;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.identity.UserDirectory;
import dev.attest.sla.BusinessCalendar;
import dev.attest.validation.FieldError;
import dev.attest.validation.InvalidInputException;

/**
 * The steps of a document's review that the DocumentCheck process takes: asking the client, judging the
 * automated checks, recording the reviewer's decision. Called by the engine's delegates inside the engine's
 * transaction (by the user completing a task, or the job executor); the task completion that leads here
 * is checked by the worklist.
 */
@Service
public class DocumentReview {

    private static final Map<CheckCode, RejectionReason> REASON_OF_CHECK = Map.of(
            CheckCode.OFFICIAL_DOCUMENT, RejectionReason.UNOFFICIAL_DOCUMENT, CheckCode.SCREENSHOT,
            RejectionReason.SCREENSHOT, CheckCode.SIGNATURE, RejectionReason.UNSIGNED, CheckCode.EXPIRY,
            RejectionReason.EXPIRED, CheckCode.NAME_MATCH, RejectionReason.NAME_MISMATCH, CheckCode.ADDRESS_MATCH,
            RejectionReason.ADDRESS_MISMATCH, CheckCode.MRZ, RejectionReason.ALTERED_DOCUMENT, CheckCode.CONSISTENCY,
            RejectionReason.DETAILS_DO_NOT_MATCH);

    /** The longest reasons a request records (and the upload link shows). */
    static final int MAX_REASONS = 2000;

    private final StoredDocuments documents;
    private final DocumentRequests requests;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final int replyBusinessDays;
    private final int maxRounds;
    private final ClientMessages messages;
    private final CaseProgress progress;
    private final CaseRecords records;
    private final UploadLinks links;
    private final AuditTrail audit;
    private final UserDirectory users;

    DocumentReview(StoredDocuments documents, DocumentRequests requests, ClientMessages messages,
            CaseProgress progress, CaseRecords records, UploadLinks links, AuditTrail audit, UserDirectory users,
            BusinessCalendar calendar, Clock clock, DocumentSettings settings) {
        this.documents = documents;
        this.requests = requests;
        this.messages = messages;
        this.progress = progress;
        this.records = records;
        this.links = links;
        this.audit = audit;
        this.users = users;
        this.calendar = calendar;
        this.clock = clock;
        this.replyBusinessDays = settings.clientReplyBusinessDays();
        this.maxRounds = settings.maxRounds();
    }

    /** How many documents a client may send before a senior analyst decides. */
    public int maxRounds() {
        return maxRounds;
    }

    /**
     * Records a request to the client and returns when the client's reply is due. What it asks for follows from
     * the kind of request: a first request asks for the group's items ({@link DocumentRequestItems#first}), a
     * rejection for a new document in place of the refused one, a reminder for what the latest link still waits
     * for.
     *
     * @param reasons why a (new) document is needed, for the client
     * @param documentGroup the document group asked for ({@link DocumentKind#group()})
     * @param kind whether it is a first request, a rejection or a reminder: the e-mail the client gets, with an
     *        upload link
     */
    @Transactional
    public Instant requestDocument(UUID caseId, int round, String reasons, DocumentGroup documentGroup,
            ClientMessages.RequestKind kind) {
        List<RequestedItem> items = switch (kind) {
            case FIRST -> DocumentRequestItems.first(documentGroup);
            case REJECTED -> lastRefused(caseId, documentGroup)
                    .map(d -> List.of(DocumentRequestItems.replacing(d.getKind())))
                    .orElseGet(() -> DocumentRequestItems.first(documentGroup));
            case REMINDER -> {
                List<RequestedItem> missing = links.missing(caseId, documentGroup.name());
                yield missing.isEmpty() ? DocumentRequestItems.first(documentGroup) : missing;
            }
        };
        return requestDocument(caseId, round, reasons, documentGroup, items, kind);
    }

    /**
     * Records a request for the given items (one upload slot each) and returns when the client's reply is due.
     *
     * @param reasons why the documents are needed, for the client
     */
    @Transactional
    public Instant requestDocument(UUID caseId, int round, String reasons, DocumentGroup documentGroup,
            List<RequestedItem> items, ClientMessages.RequestKind kind) {
        records.requireOpen(caseId, "ask the client for a document");
        Instant now = clock.instant();
        Instant due = calendar.addBusinessDays(now, replyBusinessDays);
        if (reasons.length() > MAX_REASONS) { // a long note of the reviewer's: the request keeps what fits its record
            reasons = reasons.substring(0, MAX_REASONS - 1) + "…";
        }
        String asked = reasons + " Asked for: " + items.stream().map(RequestedItem::title)
                .collect(Collectors.joining("; "));
        requests.save(new DocumentRequest(caseId, round, asked.length() <= 2000 ? asked : asked.substring(0, 2000),
                now, due));
        String requestedByUser = CurrentUser.find().map(CurrentUser::username).orElse(null);
        String requestedBy = requestedByUser == null ? null : users.displayName(requestedByUser);
        messages.requestDocument(caseId, documentGroup.name(), reasons, items, requestedBy, requestedByUser, due,
                kind);
        return due;
    }

    private Optional<StoredDocument> lastRefused(UUID caseId, DocumentGroup documentGroup) {
        List<StoredDocument> refused = documents.findByCaseIdOrderByUploadedAtAsc(caseId).stream()
                .filter(d -> d.getStatus() == DocumentStatus.REJECTED && d.getKind().group() == documentGroup)
                .toList();
        return refused.isEmpty() ? Optional.empty()
                : Optional.of(refused.get(refused.size() - 1));
    }

    /**
     * Judges the automated checks of a received document: a failed check rejects it at once.
     *
     * @return why it was rejected, in plain sentences for the client (no codes), or {@code null} when no check
     *         failed
     */
    @Transactional
    public String judgeChecks(UUID documentId) {
        StoredDocument document = get(documentId);
        records.requireOpen(document.getCaseId(), "judge a document's checks");
        List<CheckResult> failed = document.getChecks().stream().filter(c -> c.outcome() == CheckOutcome.FAIL).toList();
        if (failed.isEmpty()) {
            return null;
        }
        String details = failed.stream().map(c -> c.code().label() + ": " + c.detail()).collect(Collectors.joining("; "));
        markRound(document);
        document.reject(REASON_OF_CHECK.getOrDefault(failed.get(0).code(), RejectionReason.OTHER), "system",
                details, clock.instant());
        return messages.refusalReasons(failed.stream().map(c -> clientReason(document.getKind(), c.code())).distinct()
                .toList(), null);
    }

    /**
     * The section of {@code mail/rejection-reasons.mustache} that tells a client why a check failed: a rejection
     * reason's, or one of the checks' own ({@code OUTDATED}, {@code ISSUER_UNCLEAR}).
     */
    static String clientReason(DocumentKind kind, CheckCode code) {
        return switch (code) {
            case EXPIRY -> kind == DocumentKind.ORGANIZATION_CHART ? "OUTDATED" : RejectionReason.EXPIRED.name();
            case ISSUER -> "ISSUER_UNCLEAR";
            case FILE_TYPE -> RejectionReason.ILLEGIBLE.name();
            default -> REASON_OF_CHECK.get(code).name();
        };
    }

    /**
     * What a reviewer's decision did.
     *
     * @param clientReasons why the document was refused, in plain sentences for the client; {@code null} when approved
     * @param decidedBy who decided
     */
    public record Decided(String clientReasons, String decidedBy) {
    }

    /**
     * Records the reviewer's decision on a document, after checking it as {@link #problems} does; audited (an
     * approval despite open points with what was open and why).
     *
     * @throws dev.attest.validation.InvalidInputException naming the field when the decision is incomplete: a
     *         rejection without a reason, "Other" without a note, an approval with open points without an override
     *         and its note (nothing is recorded)
     */
    @Transactional
    public Decided decide(UUID documentId, ReviewDecision decision) {
        StoredDocument document = get(documentId);
        CaseFile caseFile = records.requireOpen(document.getCaseId(), "decide on a document");
        List<FieldError> problems = problems(document, decision);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String by = CurrentUser.find().map(CurrentUser::username).orElse("system");
        markRound(document);
        String kind = capitalized(DocumentChecks.label(document.getKind()));
        if (decision.approve()) {
            List<String> open = openPoints(document, decision.checklist());
            document.approve(by, decision.note(), open.isEmpty() ? null : String.join("; ", open),
                    decision.overrideNote(), clock.instant());
            audit.record(AuditTrail.Action.DECISION_RECORDED, documentId.toString(), caseFile.getReference(),
                    kind + " approved" + (open.isEmpty() ? "" // why first: the record is cut at 200 characters
                            : " with an override; why: " + decision.overrideNote() + " (open: "
                                    + String.join("; ", open) + ")"));
            return new Decided(null, by);
        }
        document.reject(decision.reason(), by, decision.note(), clock.instant());
        audit.record(AuditTrail.Action.DECISION_RECORDED, documentId.toString(), caseFile.getReference(),
                kind + " rejected: " + decision.reason().label().toLowerCase(Locale.ROOT)
                        + (decision.note() == null ? "" : " (" + decision.note() + ")"));
        return new Decided(clientReasons(decision), by);
    }

    /** Why a rejection refuses the document, in the plain sentences the client gets. */
    private String clientReasons(ReviewDecision decision) {
        return messages.refusalReasons(List.of(decision.reason().name()), decision.note());
    }

    /**
     * What is wrong with a decision on a document, by form field: a rejection needs its main reason, and "Other"
     * a note for the client; an approval with open points ({@link #openPoints}) needs an override with a note.
     */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
    public List<FieldError> problems(UUID documentId, ReviewDecision decision) {
        return problems(get(documentId), decision);
    }

    private List<FieldError> problems(StoredDocument document, ReviewDecision decision) {
        List<FieldError> problems = new ArrayList<>();
        if (!decision.approve()) {
            if (decision.reason() == null) {
                problems.add(new FieldError(ReviewDecision.REJECTION_REASON, "is required to reject a document: "
                        + "choose the main reason (the client is told it in plain words)"));
            } else if (decision.reason() == RejectionReason.OTHER && decision.note() == null) {
                problems.add(new FieldError(ReviewDecision.REVIEW_NOTE, "is required when the reason is Other: say "
                        + "why, in words for the client (it is sent to them)"));
            }
            return problems;
        }
        List<String> open = openPoints(document, decision.checklist());
        if (!open.isEmpty() && !decision.override()) {
            problems.add(new FieldError(ReviewDecision.OVERRIDE, "Approving with open points needs an override "
                    + "with a note: " + String.join("; ", open)));
        } else if (!open.isEmpty() && decision.overrideNote() == null) {
            problems.add(new FieldError(ReviewDecision.OVERRIDE_NOTE, "is required with an override: say why you "
                    + "approve despite the open points (senior analysts see it)"));
        }
        return problems;
    }

    /**
     * What is still open on a document for an approval: the checklist items of its kind that are not ticked, and
     * the checks that did not pass (needing review, or failed), in words.
     */
    private static List<String> openPoints(StoredDocument document, Map<String, Boolean> checklist) {
        List<String> open = new ArrayList<>();
        for (ReviewChecklist.Item item : ReviewChecklist.itemsFor(document.getKind())) {
            if (!Boolean.TRUE.equals(checklist.get(item.id()))) {
                open.add("not ticked: " + item.label());
            }
        }
        for (CheckResult check : document.getChecks()) {
            if (check.outcome() != CheckOutcome.PASS) {
                open.add("check " + check.code().label() + (check.outcome() == CheckOutcome.FAIL ? " failed"
                        : " needs review"));
            }
        }
        return open;
    }

    /**
     * The e-mail a rejection would send the client, rendered as it will go out (with a placeholder for the upload
     * link): for the reviewer to read and confirm before completing the review.
     */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
    public String previewRejection(UUID documentId, RejectionReason reason, String note) {
        StoredDocument document = get(documentId);
        Instant due = calendar.addBusinessDays(clock.instant(), replyBusinessDays);
        return messages.preview(document.getCaseId(), clientReasons(ReviewDecision.reject(reason,
                note == null || note.isBlank() ? null : note.strip())), due, ClientMessages.RequestKind.REJECTED,
                CurrentUser.find().map(u -> users.displayName(u.username())).orElse(null));
    }

    /**
     * What a document review task is about, for its name: the document's kind and, from the second, the round
     * ("passport (round 2)").
     */
    @Transactional(readOnly = true)
    public String reviewSubject(UUID documentId, int round) {
        return DocumentChecks.label(get(documentId).getKind()) + (round > 1 ? " (round " + round + ")" : "");
    }

    /**
     * Who a re-review goes to: the analyst who asked the client for the new document, while their account is enabled
     * and they may still take review tasks; {@code null} (the analysts' group) otherwise.
     */
    public String reviewerFor(String askedBy) {
        return askedBy != null && !"system".equals(askedBy) && users.mayTake(askedBy, Role.ANALYST) ? askedBy : null;
    }

    static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void markRound(StoredDocument document) {
        document.decidedInRound(!documents.existsByCaseIdAndKindAndDecidedAtIsNotNullAndIdNot(document.getCaseId(),
                document.getKind(), document.getId()));
    }

    /** The requests made to the client in a case, oldest first: the rounds of its documents. */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
    public List<DocumentRequest> requests(UUID caseId) {
        return requests.findByCaseIdOrderByIdAsc(caseId);
    }

    /**
     * The document a process step may act on: the document its variable names, when it belongs to the case the
     * process was started for ({@code processCaseReference}, the root process instance's business key). A model can
     * set any variable, so a designer's model could otherwise approve another case's document.
     *
     * @throws IllegalStateException when the variable names no document, or one of another case
     */
    @Transactional(readOnly = true)
    public UUID documentOfProcess(Object documentIdVariable, String processCaseReference) {
        UUID documentId;
        try {
            documentId = UUID.fromString(String.valueOf(documentIdVariable));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The process variable documentId does not name a document: "
                    + documentIdVariable);
        }
        UUID caseId = documents.findById(documentId).map(StoredDocument::getCaseId)
                .orElseThrow(() -> new IllegalStateException("No document " + documentId));
        progress.caseOfProcess(caseId, processCaseReference);
        return documentId;
    }

    private StoredDocument get(UUID id) {
        return documents.findById(id).orElseThrow(() -> new DocumentNotFoundException(id));
    }
}
