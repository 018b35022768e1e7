package dev.attest.ownership;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One recorded version of a case's ownership structure, as it was sent (JSON of {@link OwnershipInput}).
 * Versions are never changed: a change records a new version, so the structure a reviewer approved stays
 * readable.
 */
@Entity
@Table(name = "ownership_version", uniqueConstraints = @UniqueConstraint(name = "uq_ownership_version",
        columnNames = {"caseId", "number"}))
public class OwnershipVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, updatable = false)
    private UUID caseId;
    @Column(nullable = false, updatable = false)
    private int number;
    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String structureJson;
    @Column(nullable = false, updatable = false, length = 64)
    private String recordedBy;
    @Column(nullable = false, updatable = false)
    private Instant recordedAt;
    @Column(length = 64)
    private String approvedBy;
    private Instant approvedAt;

    protected OwnershipVersion() {
    }

    public OwnershipVersion(UUID caseId, int number, String structureJson, String recordedBy, Instant recordedAt) {
        this.caseId = caseId;
        this.number = number;
        this.structureJson = structureJson;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /** A senior analyst approved the beneficial owners of this version. */
    public void approve(String by, Instant at) {
        this.approvedBy = by;
        this.approvedAt = at;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public int getNumber() {
        return number;
    }

    public String getStructureJson() {
        return structureJson;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }
}
