package dev.attest.cases;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.NaturalId;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A client's case: who the client is, which marketplace account is concerned, what the client's situation
 * is, and where the case stands. State changes happen through the methods here, never by setting fields.
 * <p>
 * The public id is a random UUID; the reference ({@code CASE-2026-000123}) is for people.
 */
@Entity
@Table(name = "case_file", indexes = {
        @Index(name = "ix_case_file_status", columnList = "status"),
        @Index(name = "ix_case_file_process", columnList = "processInstanceId"),
        @Index(name = "ix_case_file_client_name", columnList = "clientFullName"),
        @Index(name = "ix_case_file_closed", columnList = "closedAt,type"),
        @Index(name = "ix_case_file_created", columnList = "createdAt,type")})
public class CaseFile {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_file_seq")
    @SequenceGenerator(name = "case_file_seq", sequenceName = "case_file_seq", allocationSize = 1)
    private Long number;

    /** Hibernate's natural id: looking a case up by it again in one transaction needs no query. */
    @NaturalId
    @Column(nullable = false, unique = true, updatable = false)
    private UUID id;

    @Column(unique = true, length = 20)
    private String reference;

    @Enumerated(EnumType.STRING)

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    private CaseType type;

    @Enumerated(EnumType.STRING)

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private CaseStatus status;

    @Enumerated(EnumType.STRING)

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private Priority priority;

    @Column(length = 32)
    private String route;

    @Column(length = 32)
    private String slaClass;

    @Enumerated(EnumType.STRING)

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 16)
    private CaseOutcome outcome;

    @Column(length = 4000)
    private String outcomeNote;

    @Column(nullable = false, length = 200)
    private String clientFullName;
    @Column(nullable = false, length = 254)
    private String clientEmail;
    @Column(length = 16)
    private String clientPhone;
    @Column(length = 200)
    private String clientBusinessName;
    @Column(nullable = false, length = 2)
    private String clientCountry;

    @Column(nullable = false, length = 32)
    private String marketplace;
    @Column(length = 20)
    private String sellerId;
    @Column(nullable = false, length = 200)
    private String addressLine1;
    @Column(length = 200)
    private String addressLine2;
    @Column(nullable = false, length = 100)
    private String addressCity;
    @Column(length = 100)
    private String addressRegion;
    @Column(nullable = false, length = 12)
    private String addressPostalCode;
    @Column(nullable = false, length = 2)
    private String addressCountry;

    private boolean lostPhoneAccess;
    private boolean lostEmailAccess;
    private boolean accountSuspended;
    private boolean usesVoipNumber;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 30)
    private OtpProblem otpProblem;

    @Column(length = 4000)
    private String description;

    private Boolean verificationPassed;

    @Column(length = 2000)
    private String verificationSummary;

    @Column(length = 64)
    private String processInstanceId;

    @Column(nullable = false, length = 64)
    private String openedBy;

    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant updatedAt;
    private Instant closedAt;
    /** Business minutes from opening to closing, without the time spent waiting on the client. */
    private Long workingMinutes;

    /** A legal hold stops the deletion after the retention period (null: none). */
    private Boolean legalHold;
    @Column(length = 500)
    private String legalHoldReason;
    /** When the client's personal data, documents and the case's history were deleted. */
    private Instant erasedAt;

    @Version
    private long version;

    protected CaseFile() {
    }

    /** A new, open case; its reference is assigned once it has a number ({@link #assignReference()}). */
    public CaseFile(CaseType type, Client client, MarketplaceAccount account, Situation situation, String description,
            String openedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.type = type;
        this.status = CaseStatus.OPEN;
        this.priority = Priority.NORMAL;
        this.clientFullName = client.fullName();
        this.clientEmail = client.email().value();
        this.clientPhone = client.phone() == null ? null : client.phone().e164();
        this.clientBusinessName = client.businessName();
        this.clientCountry = client.country().value();
        this.marketplace = account.marketplace().domain();
        this.sellerId = account.sellerId() == null ? null : account.sellerId().value();
        PostalAddress a = account.addressOnFile();
        this.addressLine1 = a.line1();
        this.addressLine2 = a.line2();
        this.addressCity = a.city();
        this.addressRegion = a.region();
        this.addressPostalCode = a.postalCode();
        this.addressCountry = a.country().value();
        this.lostPhoneAccess = situation.lostPhoneAccess();
        this.lostEmailAccess = situation.lostEmailAccess();
        this.accountSuspended = situation.accountSuspended();
        this.usesVoipNumber = situation.usesVoipNumber();
        this.otpProblem = situation.otpProblem();
        this.description = description;
        this.openedBy = openedBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Derives the reference from the case number and the year it was opened (UTC), e.g. {@code CASE-2026-000123}. */
    public void assignReference() {
        if (number == null) {
            throw new IllegalStateException("The case has no number yet");
        }
        this.reference = "CASE-%d-%06d".formatted(createdAt.atZone(ZoneOffset.UTC).getYear(), number);
    }

    /** Links the case to the process instance that runs it. */
    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Records what triage decided and starts the work. */
    public void triaged(String route, Priority priority, String slaClass, Instant now) {
        if (status == CaseStatus.CLOSED) {
            throw new IllegalStateException("Case " + reference + " is closed");
        }
        this.route = route;
        this.priority = priority;
        this.slaClass = slaClass;
        this.status = CaseStatus.IN_PROGRESS;
        this.updatedAt = now;
    }

    /** Records the result of the seller verification. */
    public void recordVerification(boolean passed, String summary, Instant now) {
        this.verificationPassed = passed;
        this.verificationSummary = summary;
        this.updatedAt = now;
    }

    /** The seller verification's result, or {@code null} before it has one. */
    public Boolean getVerificationPassed() {
        return verificationPassed;
    }

    public String getVerificationSummary() {
        return verificationSummary;
    }

    /** Closes the case with its outcome. Closing twice is refused. */
    public void close(CaseOutcome outcome, String note, Instant now, long workingMinutes) {
        if (status == CaseStatus.CLOSED) {
            throw new IllegalStateException("Case " + reference + " is already closed");
        }
        this.outcome = outcome;
        this.outcomeNote = note;
        this.status = CaseStatus.CLOSED;
        this.closedAt = now;
        this.updatedAt = now;
        this.workingMinutes = workingMinutes;
    }

    /** Places a legal hold: nothing of the case is deleted until it is released. */
    public void placeLegalHold(String reason, Instant now) {
        this.legalHold = true;
        this.legalHoldReason = reason;
        this.updatedAt = now;
    }

    public void releaseLegalHold(Instant now) {
        this.legalHold = null;
        this.legalHoldReason = null;
        this.updatedAt = now;
    }

    public boolean isOnLegalHold() {
        return Boolean.TRUE.equals(legalHold);
    }

    public String getLegalHoldReason() {
        return legalHoldReason;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    /**
     * Replaces the client's personal data with placeholders; the reference, type, status, outcome and dates stay
     * for the statistics and the audit trail.
     */
    public void erasePersonalData(Instant now) {
        this.clientFullName = "(erased)";
        this.clientEmail = "erased@erased.invalid";
        this.clientPhone = null;
        this.clientBusinessName = null;
        this.sellerId = null;
        this.addressLine1 = "(erased)";
        this.addressLine2 = null;
        this.addressCity = "(erased)";
        this.addressRegion = null;
        this.addressPostalCode = "-";
        this.description = null;
        this.outcomeNote = null;
        this.verificationSummary = null;
        this.erasedAt = now;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public Long getNumber() {
        return number;
    }

    public String getReference() {
        return reference;
    }

    public CaseType getType() {
        return type;
    }

    public CaseStatus getStatus() {
        return status;
    }

    /** Whether the case is closed: a record that only record keeping acts on. */
    public boolean isClosed() {
        return status == CaseStatus.CLOSED;
    }

    public Priority getPriority() {
        return priority;
    }

    public String getRoute() {
        return route;
    }

    public String getSlaClass() {
        return slaClass;
    }

    public CaseOutcome getOutcome() {
        return outcome;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }

    public Client getClient() {
        return new Client(clientFullName, new EmailAddress(clientEmail),
                clientPhone == null ? null : new PhoneNumber(clientPhone), clientBusinessName,
                new CountryCode(clientCountry));
    }

    public MarketplaceAccount getAccount() {
        return new MarketplaceAccount(new Marketplace(marketplace), sellerId == null ? null : new SellerId(sellerId),
                new PostalAddress(addressLine1, addressLine2, addressCity, addressRegion, addressPostalCode,
                        new CountryCode(addressCountry)));
    }

    public Situation getSituation() {
        return new Situation(lostPhoneAccess, lostEmailAccess, accountSuspended, usesVoipNumber, otpProblem);
    }

    /** A business account: the client gave a business name. */
    public boolean isBusinessAccount() {
        return clientBusinessName != null;
    }

    public String getDescription() {
        return description;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    /** Business minutes the case took without client waits, once closed. */
    public Long getWorkingMinutes() {
        return workingMinutes;
    }
}
