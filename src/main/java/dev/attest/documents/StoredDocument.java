package dev.attest.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.attest.cases.CountryCode;
import dev.attest.documents.reading.DocumentReading;

/**
 * A document of a case: its metadata, where its encrypted bytes are, their checksum, and its checks.
 */
@Entity
@Table(name = "case_document", indexes = {@Index(name = "ix_case_document_case", columnList = "caseId,kind"),
        @Index(name = "ix_case_document_decided", columnList = "decidedAt,firstRound")})
public class StoredDocument {

    @Id
    private UUID id;
    @Column(nullable = false)
    private UUID caseId;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    private DocumentKind kind;
    @Column(nullable = false, length = 200)
    private String fileName;
    @Column(nullable = false, length = 100)
    private String mediaType;
    private long sizeBytes;
    @Column(nullable = false, length = 64)
    private String sha256;
    @Column(nullable = false, unique = true, length = 64)
    private String storageKey;

    @Column(length = 200)
    private String nameOnDocument;
    @Column(length = 200)
    private String addressLine1;
    @Column(length = 200)
    private String addressLine2;
    @Column(length = 100)
    private String addressCity;
    @Column(length = 100)
    private String addressRegion;
    @Column(length = 20)
    private String addressPostalCode;
    @Column(length = 60)
    private String addressCountry;
    @Column(length = 2)
    private String issuingCountry;
    @Column(length = 100)
    private String issuingRegion;
    private LocalDate expiresOn;
    private LocalDate datedOn;
    @Column(length = 40)
    private String documentNumber;

    /** Where reading the document stands; {@code null} for documents stored before Attest read them. */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 16)
    private DocumentReading.Status readingStatus;
    /** Whether the machine-readable zone's check digits all agree; {@code null} when none was read. */
    private Boolean mrzValid;
    /** What was read (values, zone, barcode, text), encrypted like the file; {@code null} until read. */
    @Column(length = 1_048_576)
    private byte[] readingSealed;
    private Instant readAt;
    /** Whether the facts were typed by the client (on the portal), not by staff. */
    private boolean typedByClient;

    @Enumerated(EnumType.STRING)

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private DocumentStatus status = DocumentStatus.RECEIVED;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 32)
    private RejectionReason rejectionReason;
    @Column(length = 2000)
    private String decisionNote;
    @Column(length = 64)
    private String decidedBy;
    /** What was still open when the reviewer approved despite it (unticked items, checks not passed), or null. */
    @Column(length = 2000)
    private String overriddenPoints;
    /** Why the reviewer approved despite the open points, or null. */
    @Column(length = 2000)
    private String overrideNote;
    private Instant decidedAt;
    /**
     * Whether this was the first document of its kind decided in its case (first-pass acceptance counts these);
     * set at the first decision, {@code null} before.
     */
    private Boolean firstRound;

    @Column(nullable = false, length = 64)
    private String uploadedBy;
    @Column(nullable = false)
    private Instant uploadedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_document_check", joinColumns = @JoinColumn(name = "document_id"))
    @OrderColumn(name = "position")
    private List<CheckResult> checks = new ArrayList<>();

    @Version
    private long version;

    protected StoredDocument() {
    }

    public StoredDocument(UUID id, UUID caseId, DocumentFacts facts, InspectedFile file, String sha256,
            String storageKey, List<CheckResult> checks, String uploadedBy, Instant now) {
        this.id = id;
        this.caseId = caseId;
        this.fileName = file.fileName();
        this.mediaType = file.mediaType();
        this.sizeBytes = file.sizeBytes();
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = now;
        describe(facts, checks);
    }

    /** Records what the document shows (as corrected by a reviewer) and the checks that follow from it. */
    public void describe(DocumentFacts facts, List<CheckResult> newChecks) {
        this.kind = facts.kind();
        this.nameOnDocument = facts.nameOnDocument();
        var a = facts.address();
        this.addressLine1 = a == null ? null : a.line1();
        this.addressLine2 = a == null ? null : a.line2();
        this.addressCity = a == null ? null : a.city();
        this.addressRegion = a == null ? null : a.region();
        this.addressPostalCode = a == null ? null : a.postalCode();
        this.addressCountry = a == null ? null : a.country();
        this.issuingCountry = facts.issuingCountry() == null ? null : facts.issuingCountry().value();
        this.issuingRegion = facts.issuingRegion();
        this.expiresOn = facts.expiresOn();
        this.datedOn = facts.datedOn();
        this.documentNumber = facts.documentNumber();
        this.checks = new ArrayList<>(newChecks);
    }

    /**
     * Records what reading the document found, and the checks that follow from it.
     *
     * @param status where reading stands
     * @param mrzValid whether the zone's check digits agree, {@code null} when none was read
     * @param sealed the reading, encrypted; {@code null} while it waits
     * @param at when it was read, {@code null} while it waits
     */
    public void recordReading(DocumentReading.Status status, Boolean mrzValid, byte[] sealed, Instant at,
            List<CheckResult> newChecks) {
        this.readingStatus = status;
        this.mrzValid = mrzValid;
        this.readingSealed = sealed == null ? null : sealed.clone();
        this.readAt = at;
        this.checks = new ArrayList<>(newChecks);
    }

    /** Records who typed the facts: the client on the portal, or staff. */
    public void typedBy(boolean client) {
        this.typedByClient = client;
    }

    /** Whether the facts were typed by the client. */
    public boolean isTypedByClient() {
        return typedByClient;
    }

    /** Where reading stands, or {@code null} for a document stored before Attest read documents. */
    public DocumentReading.Status getReadingStatus() {
        return readingStatus;
    }

    /** Whether reading waits to run in the background. */
    public boolean isReadingPending() {
        return readingStatus == DocumentReading.Status.PENDING;
    }

    /** Whether the zone's check digits all agree; {@code null} when no zone was read. */
    public Boolean getMrzValid() {
        return mrzValid;
    }

    /** The encrypted reading, or {@code null}. */
    public byte[] getReadingSealed() {
        return readingSealed == null ? null : readingSealed.clone();
    }

    /** When the document was read, or {@code null}. */
    public Instant getReadAt() {
        return readAt;
    }

    /** Records, at the first decision only, whether this is the first document of its kind decided in the case. */
    public void decidedInRound(boolean first) {
        if (firstRound == null) {
            firstRound = first;
        }
    }

    public void approve(String by, String note, Instant now) {
        approve(by, note, null, null, now);
    }

    /**
     * Approves the document, recording what was still open and why the reviewer approved despite it.
     *
     * @param openPoints the unticked items and checks not passed, in words, or {@code null} when none
     * @param overrideNote why, when there were open points
     */
    public void approve(String by, String note, String openPoints, String overrideNote, Instant now) {
        this.status = DocumentStatus.APPROVED;
        this.rejectionReason = null;
        this.overriddenPoints = openPoints;
        this.overrideNote = openPoints == null ? null : overrideNote;
        this.decisionNote = note;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    public void reject(RejectionReason reason, String by, String note, Instant now) {
        this.status = DocumentStatus.REJECTED;
        this.overriddenPoints = null;
        this.overrideNote = null;
        this.rejectionReason = reason;
        this.decisionNote = note;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    /** The facts as recorded, for re-running the checks. */
    public DocumentFacts facts() {
        AddressComparison.Written address = addressLine1 == null && addressLine2 == null && addressCity == null ? null
                : new AddressComparison.Written(addressLine1, addressLine2, addressCity, addressRegion,
                        addressPostalCode, addressCountry);
        return new DocumentFacts(kind, nameOnDocument, address,
                issuingCountry == null ? null : new CountryCode(issuingCountry), issuingRegion, expiresOn, datedOn,
                documentNumber);
    }

    public UUID getId() {
        return id;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public DocumentKind getKind() {
        return kind;
    }

    public String getFileName() {
        return fileName;
    }

    public String getMediaType() {
        return mediaType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public String getStorageKey() {
        return storageKey;
    }

    public DocumentStatus getStatus() {
        return status;
    }

    public RejectionReason getRejectionReason() {
        return rejectionReason;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    /** What was open when the document was approved despite it (an override), or {@code null}. */
    public String getOverriddenPoints() {
        return overriddenPoints;
    }

    /** Why the reviewer approved despite the open points, or {@code null}. */
    public String getOverrideNote() {
        return overrideNote;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public List<CheckResult> getChecks() {
        return List.copyOf(checks);
    }
}
