package dev.attest.screening.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import dev.attest.screening.SanctionsList;

/**
 * A list entry judged not to designate a case's subject: screening the subject again does not raise the entry while
 * its fingerprint is the one judged. One row per (case, subject key, list, entry); a later judgement on a changed
 * entry replaces the fingerprint.
 */
@Entity
@Table(name = "screening_false_positive", uniqueConstraints = @UniqueConstraint(name = "ux_screening_false_positive",
        columnNames = {"case_id", "subject_key", "list_name", "entry_id"}))
public class RememberedFalsePositive {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id", nullable = false, updatable = false)
    private UUID caseId;
    @Column(name = "subject_key", nullable = false, updatable = false, length = 64)
    private String subjectKey;
    @Enumerated(EnumType.STRING)
    @Column(name = "list_name", nullable = false, updatable = false, length = 20)
    private SanctionsList list;
    @Column(name = "entry_id", nullable = false, updatable = false, length = 100)
    private String entryId;
    @Column(name = "entry_fingerprint", nullable = false, length = 64)
    private String entryFingerprint;
    @Column(name = "hit_id", nullable = false)
    private long hitId;
    @Column(name = "judged_by", nullable = false, length = 64)
    private String judgedBy;
    @Column(name = "judged_at", nullable = false)
    private Instant judgedAt;

    protected RememberedFalsePositive() {
    }

    public RememberedFalsePositive(UUID caseId, String subjectKey, SanctionsList list, String entryId) {
        this.caseId = caseId;
        this.subjectKey = subjectKey;
        this.list = list;
        this.entryId = entryId;
    }

    public void judged(String fingerprint, long hitId, String by, Instant at) {
        this.entryFingerprint = fingerprint;
        this.hitId = hitId;
        this.judgedBy = by;
        this.judgedAt = at;
    }

    public String getSubjectKey() {
        return subjectKey;
    }

    public SanctionsList getList() {
        return list;
    }

    public String getEntryId() {
        return entryId;
    }

    public String getEntryFingerprint() {
        return entryFingerprint;
    }
}
