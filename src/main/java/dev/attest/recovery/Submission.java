package dev.attest.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One submission of a 2FA reset to the marketplace, and the marketplace's decision on it. */
@Entity
@Table(name = "recovery_submission",
        uniqueConstraints = @UniqueConstraint(name = "ux_recovery_submission_round", columnNames = {"caseId", "round"}),
        indexes = @Index(name = "ix_recovery_submission_decided", columnList = "decidedAt"))
public class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private UUID caseId;
    @Column(nullable = false, length = 20)
    private String caseReference;
    @Column(nullable = false)
    private int round;
    @Column(nullable = false)
    private LocalDate submittedOn;
    @Column(nullable = false, length = 64)
    private String submittedBy;
    @Column(length = 2000)
    private String submissionNote;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 10)
    private MarketplaceDecision decision;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 30)
    private MarketplaceRejectionReason reason;
    @Column(length = 2000)
    private String decisionNote;
    private Instant decidedAt;
    @Column(length = 64)
    private String decisionRecordedBy;

    protected Submission() {
    }

    Submission(UUID caseId, String caseReference, int round, LocalDate submittedOn, String submittedBy, String note) {
        this.caseId = caseId;
        this.caseReference = caseReference;
        this.round = round;
        this.submittedOn = submittedOn;
        this.submittedBy = submittedBy;
        this.submissionNote = note;
    }

    void decide(MarketplaceDecision decision, MarketplaceRejectionReason reason, String note, String by, Instant at) {
        this.decision = decision;
        this.reason = reason;
        this.decisionNote = note;
        this.decisionRecordedBy = by;
        this.decidedAt = at;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public String getCaseReference() {
        return caseReference;
    }

    public int getRound() {
        return round;
    }

    public LocalDate getSubmittedOn() {
        return submittedOn;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public String getSubmissionNote() {
        return submissionNote;
    }

    public MarketplaceDecision getDecision() {
        return decision;
    }

    public MarketplaceRejectionReason getReason() {
        return reason;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionRecordedBy() {
        return decisionRecordedBy;
    }
}
