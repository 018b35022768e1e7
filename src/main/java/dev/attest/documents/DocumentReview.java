package dev.attest.documents;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.cases.CaseProgress;
import dev.attest.cases.CaseRecords;
import dev.attest.communication.ClientMessages;
import dev.attest.communication.RequestedItem;
import dev.attest.communication.UploadLinks;
import dev.attest.documents.internal.DocumentRequests;
import dev.attest.documents.internal.StoredDocuments;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.UserDirectory;
import dev.attest.sla.BusinessCalendar;

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
            RejectionReason.ADDRESS_MISMATCH);

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
    private final UserDirectory users;

    DocumentReview(StoredDocuments documents, DocumentRequests requests, ClientMessages messages,
            CaseProgress progress, CaseRecords records, UploadLinks links, UserDirectory users,
            BusinessCalendar calendar, Clock clock, DocumentSettings settings) {
        this.documents = documents;
        this.requests = requests;
        this.messages = messages;
        this.progress = progress;
        this.records = records;
        this.links = links;
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
        String asked = reasons + " Asked for: " + items.stream().map(RequestedItem::title)
                .collect(Collectors.joining("; "));
        requests.save(new DocumentRequest(caseId, round, asked.length() <= 2000 ? asked : asked.substring(0, 2000),
                now, due));
        String requestedBy = CurrentUser.find().map(u -> users.displayName(u.username())).orElse(null);
        messages.requestDocument(caseId, documentGroup.name(), reasons, items, requestedBy, due, kind);
        return due;
    }

    private java.util.Optional<StoredDocument> lastRefused(UUID caseId, DocumentGroup documentGroup) {
        List<StoredDocument> refused = documents.findByCaseIdOrderByUploadedAtAsc(caseId).stream()
                .filter(d -> d.getStatus() == DocumentStatus.REJECTED && d.getKind().group() == documentGroup)
                .toList();
        return refused.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(refused.get(refused.size() - 1));
    }

    /**
     * Judges the automated checks of a received document: a failed check rejects it at once.
     *
     * @return the reasons it was rejected, or {@code null} when no check failed
     */
    @Transactional
    public String judgeChecks(UUID documentId) {
        StoredDocument document = get(documentId);
        records.requireOpen(document.getCaseId(), "judge a document's checks");
        List<CheckResult> failed = document.getChecks().stream().filter(c -> c.outcome() == CheckOutcome.FAIL).toList();
        if (failed.isEmpty()) {
            return null;
        }
        String reasons = failed.stream().map(c -> c.code() + ": " + c.detail()).collect(Collectors.joining("; "));
        markRound(document);
        document.reject(REASON_OF_CHECK.getOrDefault(failed.get(0).code(), RejectionReason.OTHER), "system",
                reasons, clock.instant());
        return reasons;
    }

    /**
     * Records the reviewer's decision on a document.
     *
     * @return the reasons of a rejection, or {@code null} when approved
     */
    @Transactional
    public String decide(UUID documentId, boolean approve, RejectionReason reason, String note) {
        StoredDocument document = get(documentId);
        records.requireOpen(document.getCaseId(), "decide on a document");
        String by = CurrentUser.find().map(CurrentUser::username).orElse("system");
        markRound(document);
        if (approve) {
            document.approve(by, note, clock.instant());
            return null;
        }
        RejectionReason r = reason == null ? RejectionReason.OTHER : reason;
        document.reject(r, by, note, clock.instant());
        return r + (note == null ? "" : ": " + note);
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
