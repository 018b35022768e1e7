package dev.attest.documents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.attest.audit.AuditTrail;
import dev.attest.cases.CaseDocuments;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseNotFoundException;
import dev.attest.cases.CaseProgress;
import dev.attest.cases.CaseRecords;
import dev.attest.cases.CaseWorkflow;
import dev.attest.communication.UploadLink;
import dev.attest.communication.UploadLinkRefusedException;
import dev.attest.communication.UploadLinks;
import dev.attest.communication.UploadSlot;
import dev.attest.documents.internal.DocumentRequests;
import dev.attest.documents.internal.EncryptedFileStore;
import dev.attest.documents.internal.StoredDocuments;
import dev.attest.documents.process.DocumentCheckProcess;
import dev.attest.documents.reading.DocumentReading;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.sla.BusinessCalendar;
import dev.attest.validation.FieldError;
import dev.attest.validation.InvalidInputException;

/**
 * Uploads, reads and reviews documents. An upload is checked whole before anything is written; the file
 * and its metadata are stored in one transaction (the file is removed again if the transaction rolls back).
 * Every read is audited.
 */
@Service
public class Documents implements CaseDocuments {

    private static final Logger log = LoggerFactory.getLogger(Documents.class);
    /** Who uploaded a document through an upload link. */
    public static final String CLIENT = "client";

    private final StoredDocuments documents;
    private final EncryptedFileStore store;
    private final FileInspection inspection;
    private final CaseLookup cases;
    private final DocumentWorkflow workflow;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final UploadLinks links;
    private final CaseProgress progress;
    private final CaseRecords records;
    private final DocumentRequests requests;
    private final ApplicationEventPublisher events;
    private final DocumentReadings readings;

    private final int chartMaxAgeDays;
    private final PagePreviews previews = new PagePreviews(PagePreviews.DEFAULT_MAX_PIXELS, 20_000,
            64L * 1024 * 1024, 2);

    Documents(StoredDocuments documents, EncryptedFileStore store, FileInspection inspection, CaseLookup cases,
            UploadLinks links, CaseProgress progress, CaseRecords records, DocumentRequests requests,
            DocumentWorkflow workflow, AuditTrail audit, BusinessCalendar calendar, Clock clock,
            DocumentSettings settings, ApplicationEventPublisher events, DocumentReadings readings) {
        this.events = events;
        this.readings = readings;
        this.chartMaxAgeDays = settings.ownershipChartMaxAgeDays();
        this.requests = requests;
        this.documents = documents;
        this.links = links;
        this.progress = progress;
        this.records = records;
        this.store = store;
        this.inspection = inspection;
        this.cases = cases;
        this.workflow = workflow;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Checks, reads and stores a document of a case, then hands it to the case's document check. The file is
     * inspected and read before the case's row is locked, so a slow file holds up nobody else's work on the case; a
     * file not read within {@link UploadReadingSettings#waitAtMost()} is stored with its reading pending, read by the
     * DocumentCheck's job, and checked again then. Only the kind is required in the metadata: the rest is read off
     * the document, and what was typed is compared with it.
     *
     * @throws CaseNotFoundException when the case does not exist
     * @throws dev.attest.cases.CaseClosedException when the case is closed (nothing stored)
     * @throws dev.attest.validation.InvalidInputException when the metadata is invalid (nothing stored)
     * @throws DocumentRefusedException when the file is refused (nothing stored)
     */
    @Transactional
    @Secured({"ROLE_INTAKE", "ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
    public StoredDocument upload(String caseIdOrReference, String fileName, byte[] bytes, DocumentMetadata metadata) {
        DocumentFacts facts = DocumentFacts.from(metadata);
        InspectedFile file = inspection.inspect(fileName, bytes);
        DocumentReading reading = readings.enabled() ? readings.within(file, bytes, facts.kind()) : null;
        CaseFile caseFile = records.requireOpen(caseIdOrReference, "add a document");
        return store(caseFile, file, bytes, facts, CurrentUser.require().username(), reading);
    }

    /**
     * The client's upload into the first open slot of a link that takes the document's kind.
     *
     * @see #uploadByClient(String, int, String, byte[], DocumentMetadata)
     */
    @Transactional
    public StoredDocument uploadByClient(String token, String fileName, byte[] bytes, DocumentMetadata metadata) {
        UploadLink link = links.open(token).orElseThrow(UploadLinkRefusedException::new);
        DocumentFacts facts = DocumentFacts.from(metadata);
        UploadSlot slot = link.getSlots().stream().filter(s -> s.isOpen() && takes(link, s, facts.kind())).findFirst()
                .orElseThrow(() -> wrongKind(link, link.getSlots().stream().filter(UploadSlot::isOpen).findFirst()
                        .orElseThrow(UploadLinkRefusedException::new)));
        return uploadByClient(token, slot.getPosition(), fileName, bytes, metadata);
    }

    /**
     * The client's upload through a link, into one of its slots: the same checks and storage as {@link #upload},
     * for the case the link was made for, with a kind the slot asks for. No login: the link is the credential. The
     * slot is filled only when the document is stored (a refused file leaves it open), and the link is used up when
     * its last slot is filled; nothing refused tells anything about the case. A stored document is published as
     * {@link ClientDocumentReceived}.
     *
     * @param slot the slot's number on the link, from 1
     * @throws UploadLinkRefusedException when the link is unknown, expired, used up or replaced, or the slot is not
     *         one of the link's, or was filled or withdrawn meanwhile
     * @throws dev.attest.cases.CaseClosedException when its case is closed (nothing stored, the slot stays open)
     * @throws InvalidInputException when the metadata is invalid or names a kind the slot does not ask for
     *         (nothing stored)
     * @throws DocumentRefusedException when the file is refused (nothing stored)
     */
    @Transactional
    public StoredDocument uploadByClient(String token, int slot, String fileName, byte[] bytes,
            DocumentMetadata metadata) {
        UploadLink link = links.open(token).orElseThrow(UploadLinkRefusedException::new);
        UploadSlot requested = link.slot(slot)
                .orElseThrow(() -> new UploadLinkRefusedException(UploadLinkRefusedException.Reason.NOT_REQUESTED));
        requested.requireOpen(); // before the file is parsed; the claim below decides under the link's lock
        DocumentFacts facts = DocumentFacts.from(metadata);
        if (!takes(link, requested, facts.kind())) {
            throw wrongKind(link, requested);
        }
        InspectedFile file = inspection.inspect(fileName, bytes);
        DocumentReading reading = readings.enabled() ? readings.within(file, bytes, facts.kind()) : null;
        CaseFile caseFile = records.requireOpen(link.getCaseId(), "send a document");
        UploadLinks.Claim claim = links.claim(token, slot, facts.kind().name());
        StoredDocument stored = store(caseFile, file, bytes, facts, CLIENT, reading);
        links.filled(claim, stored.getId(), file.fileName());
        events.publishEvent(new ClientDocumentReceived(caseFile.getId(), caseFile.getReference(), stored.getId(),
                facts.kind(), file.fileName(), link.getRequestedByUser()));
        return stored;
    }

    /**
     * What an upload link asks the client for, while it can be used.
     *
     * @param reference the case's reference, for the client's questions
     * @param requested why the documents are needed, in words for the client
     * @param requestedBy who asked (a display name), or {@code null} for the case team
     * @param items the requested items, one upload slot each
     * @param expiresAt until when the link works
     * @param caseClosed whether the case closed meanwhile: it takes no more documents
     */
    public record ClientRequest(String reference, String requested, String requestedBy, String documentGroup,
            List<ClientItem> items, Instant expiresAt, boolean caseClosed) {
    }

    /**
     * One requested item.
     *
     * @param slot its number on the link
     * @param kinds the kinds of document that answer it
     * @param receivedFile the name of the file received for it, or {@code null} while it waits
     * @param withdrawn whether a newer e-mail asks for it instead
     */
    public record ClientItem(int slot, String title, String explanation, List<DocumentKind> kinds,
            String receivedFile, Instant receivedAt, boolean withdrawn) {

        public boolean open() {
            return receivedAt == null && !withdrawn;
        }
    }

    /** What the link asks for; empty for unknown, expired, used up or replaced links. */
    @Transactional(readOnly = true)
    public Optional<ClientRequest> clientRequest(String token) {
        return links.open(token).flatMap(l -> progress.caseFile(l.getCaseId()).map(c -> new ClientRequest(
                l.getCaseReference(), l.getRequested(), l.getRequestedBy(), l.getDocumentGroup(),
                l.getSlots().stream().map(s -> new ClientItem(s.getPosition(), s.getTitle(), s.getExplanation(),
                        kinds(l, s), s.getFileName(), s.getFilledAt(), s.getWithdrawnAt() != null)).toList(),
                l.getExpiresAt(), c.isClosed())));
    }

    /** The kinds a client may send for a document group; none for a link naming no group. */
    public static List<DocumentKind> kindsFor(DocumentGroup documentGroup) {
        return documentGroup == null ? List.of() : documentGroup.kinds();
    }

    private static List<DocumentKind> kinds(UploadLink link, UploadSlot slot) {
        return kindsFor(DocumentGroup.named(link.getDocumentGroup()).orElse(null)).stream()
                .filter(k -> slot.takes(k.name())).toList();
    }

    private static boolean takes(UploadLink link, UploadSlot slot, DocumentKind kind) {
        return kinds(link, slot).contains(kind);
    }

    private static InvalidInputException wrongKind(UploadLink link, UploadSlot slot) {
        return new InvalidInputException(List.of(new FieldError("metadata.kind", "must be one of "
                + kinds(link, slot).stream().map(DocumentKind::label).collect(Collectors
                        .joining(", ")))));
    }

    private StoredDocument store(CaseFile caseFile, InspectedFile file, byte[] bytes, DocumentFacts facts,
            String uploadedBy, DocumentReading reading) {
        String sha256 = EncryptedFileStore.sha256(bytes);
        boolean byClient = CLIENT.equals(uploadedBy);
        List<CheckResult> checks = DocumentChecks.run(caseFacts(caseFile), facts, file, today(), chartMaxAgeDays,
                reading, byClient ? DocumentChecks.TYPED_BY_CLIENT : DocumentChecks.TYPED_BY_ANALYST);

        String storageKey = store.newStorageKey();
        store.write(storageKey, bytes);
        deleteOnRollback(storageKey);
        UUID id = UUID.randomUUID();
        StoredDocument created = new StoredDocument(id, caseFile.getId(), facts, file, sha256, storageKey, checks,
                uploadedBy, clock.instant());
        created.typedBy(byClient);
        recordReading(created, reading, checks);
        StoredDocument document = documents.save(created);
        audit.record(AuditTrail.Action.DOCUMENT_UPLOADED, document.getId().toString(), caseFile.getReference(),
                byClient ? "by the client through an upload link: " + file.fileName() : file.fileName());
        auditReading(document, caseFile.getReference(), reading);
        workflow.documentReceived(caseFile.getReference(), caseFile.getId(), document.getId(), facts.kind(),
                reading != null && reading.status() == DocumentReading.Status.PENDING);
        log.info("Stored document {} ({}, {} bytes) for case {} from {}", document.getId(), file.label(),
                bytes.length, caseFile.getReference(), uploadedBy);
        return document;
    }

    private void recordReading(StoredDocument document, DocumentReading reading, List<CheckResult> checks) {
        if (reading == null) { // reading is turned off: nothing read, nothing to keep
            document.recordReading(null, null, null, null, checks);
            return;
        }
        boolean pending = reading.status() == DocumentReading.Status.PENDING;
        document.recordReading(reading.status(), reading.mrz() == null ? null : reading.mrz().valid(),
                pending ? null : readings.seal(document.getId(), reading), pending ? null : clock.instant(), checks);
    }

    /** Audits what Attest read off a document: which values, from where; never the values themselves. */
    private void auditReading(StoredDocument document, String caseReference, DocumentReading reading) {
        if (reading == null || reading.status() == DocumentReading.Status.PENDING) {
            return;
        }
        audit.record(AuditTrail.Action.DOCUMENT_MACHINE_READ, document.getId().toString(), caseReference,
                Extraction.summary(reading));
    }

    /**
     * Reads a stored document whose reading was left pending at upload, without the upload's wait (the reader's own
     * limits still hold), records what was read and runs its checks again. Called by the DocumentCheck's job before
     * its checks are judged; a document already read is left as it is.
     *
     * @throws DocumentNotFoundException when the document does not exist
     */
    @Transactional
    public StoredDocument readInBackground(UUID documentId) {
        StoredDocument document = documents.findById(documentId)
                .orElseThrow(() -> new DocumentNotFoundException(documentId));
        if (!document.isReadingPending()) {
            return document;
        }
        CaseFile caseFile = progress.caseFile(document.getCaseId())
                .orElseThrow(() -> new DocumentNotFoundException(documentId));
        byte[] bytes = store.read(document.getStorageKey(), document.getSha256());
        InspectedFile file = inspection.inspect(document.getFileName(), bytes);
        DocumentReading reading = readings.fully(file, bytes, document.getKind());
        recordReading(document, reading, DocumentChecks.run(caseFacts(caseFile), document.facts(), file, today(),
                chartMaxAgeDays, reading, typedBy(document)));
        auditReading(document, caseFile.getReference(), reading);
        log.info("Read document {} in the background: {}", documentId, reading.status());
        return document;
    }

    /**
     * What a stored document was read to say: {@code null} for a document stored before Attest read documents,
     * a pending reading while the job has not run.
     */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER", "ROLE_INTAKE", "ROLE_ADMIN"})
    public DocumentReading readingOf(StoredDocument document) {
        return readings.of(document);
    }

    /**
     * Whether the current user may see what a document says (its read values and text), as they may read the file:
     * analysts, senior analysts and managers. Intake and administrators see only where reading stands.
     */
    public static boolean mayReadContent() {
        return CurrentUser.find().map(u -> u.hasAny(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER)).orElse(false);
    }

    /**
     * Reads a chosen file that is not stored yet, so that a staff member's upload form fills its fields from it, within
     * the upload's wait (a pending reading when it takes longer). The file is inspected first, as on upload; nothing is
     * stored or audited (the document is not the case's until it is uploaded).
     *
     * @throws DocumentRefusedException when the file is refused
     * @throws InvalidInputException when the kind is missing
     */
    @Secured({"ROLE_INTAKE", "ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
    public DocumentReading readChosenFile(String fileName, byte[] bytes, DocumentKind kind) {
        return readChosen(fileName, bytes, kind);
    }

    /**
     * The client's form fills its fields from a chosen file: as {@link #readChosenFile}, for a link that is open and
     * a kind its slot asks for.
     *
     * @throws UploadLinkRefusedException when the link is not open or the slot not one of its open slots
     * @throws InvalidInputException when the slot does not take the kind
     */
    public DocumentReading readChosenFileForClient(String token, int slot, String fileName, byte[] bytes,
            DocumentKind kind) {
        UploadLink link = links.open(token).orElseThrow(UploadLinkRefusedException::new);
        UploadSlot requested = link.slot(slot)
                .orElseThrow(() -> new UploadLinkRefusedException(UploadLinkRefusedException.Reason.NOT_REQUESTED));
        requested.requireOpen();
        if (kind == null || !takes(link, requested, kind)) {
            throw wrongKind(link, requested);
        }
        return readChosen(fileName, bytes, kind);
    }

    private DocumentReading readChosen(String fileName, byte[] bytes, DocumentKind kind) {
        if (kind == null) {
            throw new InvalidInputException("metadata.kind", "is required");
        }
        return readings.within(inspection.inspect(fileName, bytes), bytes, kind);
    }

    private static String typedBy(StoredDocument document) {
        return document.isTypedByClient() ? DocumentChecks.TYPED_BY_CLIENT : DocumentChecks.TYPED_BY_ANALYST;
    }

    /**
     * Reads a document's original bytes; the read is audited with its reason.
     *
     * @param reason why it is read: the task id, or what the user is doing
     * @throws DocumentNotFoundException when the document is not one of the case's
     */
    @Transactional
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
    public DocumentContent read(String caseIdOrReference, UUID documentId, String reason) {
        CaseFile caseFile = cases.get(caseIdOrReference);
        StoredDocument document = ofCase(caseFile, documentId);
        byte[] bytes = store.read(document.getStorageKey(), document.getSha256());
        audit.record(AuditTrail.Action.DOCUMENT_READ, documentId.toString(), caseFile.getReference(), reason);
        return new DocumentContent(document.getFileName(), document.getMediaType(), bytes);
    }

    /**
     * A picture of the document for viewing: images as they are (subsampled when larger than the preview budget),
     * PDFs' first page rendered within a pixel, memory and time budget; when a document cannot be previewed, a
     * picture that says why. {@code null} for Word files. Audited as a read.
     */
    @Transactional
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
    public byte[] preview(String caseIdOrReference, UUID documentId, String reason) {
        DocumentContent content = read(caseIdOrReference, documentId, reason + " (preview)");
        if (!content.mediaType().startsWith("image/") && !"application/pdf".equals(content.mediaType())) {
            return null;
        }
        return previews.png(content.mediaType(), content.bytes());
    }

    /** The documents of a case, oldest first. */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER", "ROLE_INTAKE", "ROLE_ADMIN"})
    public List<StoredDocument> list(String caseIdOrReference) {
        return documents.findByCaseIdOrderByUploadedAtAsc(cases.get(caseIdOrReference).getId());
    }

    /** One document of a case. */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER", "ROLE_INTAKE", "ROLE_ADMIN"})
    public StoredDocument get(String caseIdOrReference, UUID documentId) {
        return ofCase(cases.get(caseIdOrReference), documentId);
    }

    /** The address comparison of a document, component by component, or {@code null} when it shows none. */
    @Transactional(readOnly = true)
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
    public AddressComparison.Result addressComparison(String caseIdOrReference, UUID documentId) {
        CaseFile caseFile = cases.get(caseIdOrReference);
        StoredDocument document = ofCase(caseFile, documentId);
        DocumentFacts facts = document.facts();
        DocumentReading reading = readings.of(document);
        AddressComparison.Written address = reading != null && reading.address() != null ? reading.address().value()
                : facts.address();
        return address == null || facts.kind() == DocumentKind.PASSPORT ? null // a passport shows none
                : AddressComparison.compare(address, caseFile.getAccount().addressOnFile());
    }

    /** A reviewer corrects what the document shows; the checks run again. */
    @Transactional
    @Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST"})
    public StoredDocument correct(String caseIdOrReference, UUID documentId, DocumentMetadata metadata) {
        CaseFile caseFile = records.requireOpen(caseIdOrReference, "correct a document's facts and checks");
        StoredDocument document = ofCase(caseFile, documentId);
        DocumentFacts facts = DocumentFacts.from(metadata);
        byte[] bytes = store.read(document.getStorageKey(), document.getSha256());
        InspectedFile file = inspection.inspect(document.getFileName(), bytes);
        document.typedBy(false);
        document.describe(facts, DocumentChecks.run(caseFacts(caseFile), facts, file, today(), chartMaxAgeDays,
                readings.of(document), DocumentChecks.TYPED_BY_ANALYST));
        audit.record(AuditTrail.Action.DOCUMENT_CORRECTED, documentId.toString(), caseFile.getReference(), null);
        return document;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DocumentSummary> of(UUID caseId) {
        boolean content = mayReadContent();
        return documents.findByCaseIdOrderByUploadedAtAsc(caseId).stream()
                .map(d -> summary(d, Extraction.of(readings.of(d), content))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseWorkflow.TimelineEntry> history(UUID caseId) {
        List<DocumentRequest> asked = requests.findByCaseIdOrderByIdAsc(caseId);
        List<CaseWorkflow.TimelineEntry> events = new ArrayList<>();
        for (StoredDocument d : documents.findByCaseIdOrderByUploadedAtAsc(caseId)) {
            String kind = DocumentReview.capitalized(DocumentChecks.label(d.getKind()));
            boolean byClient = CLIENT.equals(d.getUploadedBy());
            events.add(new CaseWorkflow.TimelineEntry(d.getUploadedAt(),
                    kind + (byClient ? " received from the client" : " added to the case"),
                    byClient ? null : d.getUploadedBy(), null));
            if (d.getDecidedAt() != null) {
                events.add(new CaseWorkflow.TimelineEntry(d.getDecidedAt(), decision(kind, d, asked),
                        "system".equals(d.getDecidedBy()) ? null : d.getDecidedBy(), null));
            }
        }
        return events;
    }

    /** A decision on a document in words: who decided it is the entry's. */
    private static String decision(String kind, StoredDocument d, List<DocumentRequest> asked) {
        if (d.getStatus() == DocumentStatus.APPROVED) {
            return kind + " approved" + (d.getOverriddenPoints() == null ? ""
                    : " despite open points (" + d.getOverriddenPoints() + "); why: " + d.getOverrideNote());
        }
        String askedAgain = asked.stream().anyMatch(r -> !r.getRequestedAt().isBefore(d.getDecidedAt()))
                ? " — client asked for a new one" : "";
        if ("system".equals(d.getDecidedBy())) {
            String failed = d.getChecks().stream().filter(c -> c.outcome() == CheckOutcome.FAIL)
                    .map(c -> c.code().label().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            return kind + " refused by the automated checks: " + failed + askedAgain;
        }
        String reason = d.getRejectionReason() == null ? "no reason recorded"
                : d.getRejectionReason().label().toLowerCase(Locale.ROOT);
        return kind + " rejected: " + reason + (d.getDecisionNote() == null ? "" : " (" + d.getDecisionNote() + ")")
                + askedAgain;
    }

    /** The DocumentCheck's steps that {@link #history} tells: receiving, checking, reviewing, deciding, asking. */
    @Override
    public Set<String> toldSteps() {
        return Set.of(DocumentCheckProcess.TASK_RUN_CHECKS, DocumentCheckProcess.TASK_REVIEW_DOCUMENT,
                DocumentCheckProcess.TASK_RECORD_DECISION, DocumentCheckProcess.TASK_REQUEST_DOCUMENT,
                DocumentCheckProcess.EVENT_DOCUMENT_RECEIVED, DocumentCheckProcess.END_DOCUMENT_ACCEPTED,
                "Event_DocumentArrivedDuringFollowUp");
    }

    static DocumentSummary summary(StoredDocument d, Extraction extraction) {
        return new DocumentSummary(d.getId().toString(), d.getKind().name(), d.getFileName(), d.getSha256(),
                d.getSizeBytes(), d.getMediaType(), d.getStatus().name(), d.getChecks().stream()
                        .map(c -> new Check(c.code().name(), c.outcome().name(), c.detail())).toList(), extraction);
    }

    private StoredDocument ofCase(CaseFile caseFile, UUID documentId) {
        return documents.findById(documentId).filter(d -> d.getCaseId().equals(caseFile.getId()))
                .orElseThrow(() -> new DocumentNotFoundException(documentId));
    }

    private static DocumentChecks.CaseFacts caseFacts(CaseFile c) {
        return new DocumentChecks.CaseFacts(c.getType(), c.getClient().fullName(), c.getClient().businessName(),
                c.getAccount().addressOnFile());
    }

    private LocalDate today() {
        return clock.instant().atZone(calendar.zone()).toLocalDate();
    }

    private void deleteOnRollback(String storageKey) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        store.delete(storageKey);
                    }
                }
            });
        }
    }
}
