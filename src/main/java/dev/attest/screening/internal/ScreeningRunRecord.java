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

import dev.attest.screening.ScreeningTrigger;

/**
 * One screening of a case's subjects. A list update screens a case once per list version: the unique (case, list
 * version) makes a second delivery of the event, or a second node, find the case done.
 */
@Entity
@Table(name = "screening_run", uniqueConstraints = @UniqueConstraint(name = "ux_screening_run_list_version",
        columnNames = {"case_id", "list_version_id"}))
public class ScreeningRunRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id", nullable = false, updatable = false)
    private UUID caseId;
    @Enumerated(EnumType.STRING)
    @Column(name = "run_trigger", nullable = false, updatable = false, length = 20)
    private ScreeningTrigger trigger;
    @Column(name = "ownership_version", nullable = false, updatable = false)
    private int ownershipVersion;
    @Column(name = "list_version_id", updatable = false)
    private Long listVersionId;
    @Column(name = "run_by", nullable = false, updatable = false, length = 64)
    private String by;
    @Column(name = "run_at", nullable = false, updatable = false)
    private Instant at;
    @Column(nullable = false)
    private int subjects;
    @Column(nullable = false)
    private int hits;

    protected ScreeningRunRecord() {
    }

    public ScreeningRunRecord(UUID caseId, ScreeningTrigger trigger, int ownershipVersion, Long listVersionId,
            String by, Instant at) {
        this.caseId = caseId;
        this.trigger = trigger;
        this.ownershipVersion = ownershipVersion;
        this.listVersionId = listVersionId;
        this.by = by;
        this.at = at;
    }

    public void counted(int subjects, int hits) {
        this.subjects = subjects;
        this.hits = hits;
    }

    public Long getId() {
        return id;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public ScreeningTrigger getTrigger() {
        return trigger;
    }

    public int getOwnershipVersion() {
        return ownershipVersion;
    }

    public Long getListVersionId() {
        return listVersionId;
    }

    public String getBy() {
        return by;
    }

    public Instant getAt() {
        return at;
    }

    public int getSubjects() {
        return subjects;
    }

    public int getHits() {
        return hits;
    }
}
