package dev.attest.screening.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.attest.screening.HitStatus;
import dev.attest.screening.HitVerdict;
import dev.attest.screening.SanctionsList;
import dev.attest.screening.ScreeningHit;

/** A potential hit found for a case's subject, with the analyst's decision and the second reviewer's answer. */
@Entity
@Table(name = "screening_hit")
public class ScreeningHitRecord {

    /** Joins the reasons in one column. */
    static final String SEPARATOR = "\u001f";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "run_id", nullable = false, updatable = false)
    private long runId;
    @Column(name = "case_id", nullable = false, updatable = false)
    private UUID caseId;
    @Column(name = "subject_id", nullable = false, updatable = false)
    private long subjectId;
    @Column(name = "subject_key", nullable = false, updatable = false, length = 64)
    private String subjectKey;
    @Enumerated(EnumType.STRING)
    @Column(name = "list_name", nullable = false, updatable = false, length = 20)
    private SanctionsList list;
    @Column(name = "entry_id", nullable = false, updatable = false, length = 100)
    private String entryId;
    @Column(name = "entry_fingerprint", nullable = false, updatable = false, length = 64)
    private String entryFingerprint;
    @Column(name = "entry_name", nullable = false, updatable = false, length = 500)
    private String entryName;
    @Column(name = "matched_name", nullable = false, updatable = false, length = 500)
    private String matchedName;
    @Column(name = "subject_name", nullable = false, updatable = false, length = 500)
    private String subjectName;
    @Column(nullable = false, updatable = false)
    private double score;
    @Column(nullable = false, updatable = false, length = 4000)
    private String reasons;
    @Column(name = "found_at", nullable = false, updatable = false)
    private Instant foundAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private HitStatus status;
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private HitVerdict verdict;
    @Column(name = "decision_reason", length = 2000)
    private String decisionReason;
    @Column(name = "decided_by", length = 64)
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "confirmed")
    private Boolean confirmed;
    @Column(name = "confirmation_reason", length = 2000)
    private String confirmationReason;
    @Column(name = "confirmed_by", length = 64)
    private String confirmedBy;
    @Column(name = "confirmed_at")
    private Instant confirmedAt;
    @Column(name = "cleared_at")
    private Instant clearedAt;

    protected ScreeningHitRecord() {
    }

    public ScreeningHitRecord(long runId, UUID caseId, long subjectId, String subjectKey, ScreeningHit hit,
            Instant at) {
        this.runId = runId;
        this.caseId = caseId;
        this.subjectId = subjectId;
        this.subjectKey = subjectKey;
        this.list = hit.list();
        this.entryId = hit.entryId();
        this.entryFingerprint = hit.fingerprint();
        this.entryName = cut(hit.entryName(), 500);
        this.matchedName = cut(hit.matchedName(), 500);
        this.subjectName = cut(hit.subjectName(), 500);
        this.score = hit.score();
        this.reasons = cut(String.join(SEPARATOR, hit.reasons()), 4000);
        this.foundAt = at;
        this.status = HitStatus.UNDECIDED;
    }

    /** The analyst's decision: a false positive is cleared now, a true match waits for the second reviewer. */
    public void decide(HitVerdict verdict, String reason, String by, Instant at) {
        this.verdict = verdict;
        this.decisionReason = reason;
        this.decidedBy = by;
        this.decidedAt = at;
        if (verdict == HitVerdict.FALSE_POSITIVE) {
            status = HitStatus.FALSE_POSITIVE;
            clearedAt = at;
        } else {
            status = HitStatus.AWAITING_CONFIRMATION;
        }
    }

    /** The second reviewer's answer on a true match. */
    public void confirm(boolean confirmed, String reason, String by, Instant at) {
        this.confirmed = confirmed;
        this.confirmationReason = reason;
        this.confirmedBy = by;
        this.confirmedAt = at;
        this.status = confirmed ? HitStatus.TRUE_MATCH : HitStatus.OVERTURNED;
        this.clearedAt = at;
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public long getRunId() {
        return runId;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public long getSubjectId() {
        return subjectId;
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

    public String getEntryName() {
        return entryName;
    }

    public String getMatchedName() {
        return matchedName;
    }

    public String getSubjectName() {
        return subjectName;
    }

    public double getScore() {
        return score;
    }

    public List<String> getReasons() {
        return reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(SEPARATOR, -1));
    }

    public Instant getFoundAt() {
        return foundAt;
    }

    public HitStatus getStatus() {
        return status;
    }

    public HitVerdict getVerdict() {
        return verdict;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Boolean getConfirmed() {
        return confirmed;
    }

    public String getConfirmationReason() {
        return confirmationReason;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public Instant getClearedAt() {
        return clearedAt;
    }
}
