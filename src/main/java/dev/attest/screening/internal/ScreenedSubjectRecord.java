package dev.attest.screening.internal;

import java.time.Instant;
import java.time.LocalDate;
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

import dev.attest.screening.SubjectSource;
import dev.attest.screening.SubjectType;

/**
 * A subject screened for a case: once per case, source, ownership version (0 for intake) and subject key; screening
 * it again (a list update) only moves {@code lastScreenedAt}.
 */
@Entity
@Table(name = "screening_subject", uniqueConstraints = @UniqueConstraint(name = "ux_screening_subject",
        columnNames = {"case_id", "source", "ownership_version", "subject_key"}))
public class ScreenedSubjectRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id", nullable = false, updatable = false)
    private UUID caseId;
    @Column(name = "subject_key", nullable = false, updatable = false, length = 64)
    private String subjectKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private SubjectSource source;
    @Column(name = "ownership_version", nullable = false, updatable = false)
    private int ownershipVersion;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false, updatable = false, length = 20)
    private SubjectType type;
    @Column(nullable = false, updatable = false, length = 500)
    private String name;
    @Column(name = "date_of_birth", updatable = false)
    private LocalDate dateOfBirth;
    @Column(updatable = false, length = 2)
    private String country;
    @Column(name = "first_screened_at", nullable = false, updatable = false)
    private Instant firstScreenedAt;
    @Column(name = "last_screened_at", nullable = false)
    private Instant lastScreenedAt;

    protected ScreenedSubjectRecord() {
    }

    public ScreenedSubjectRecord(UUID caseId, String subjectKey, SubjectSource source, int ownershipVersion,
            SubjectType type, String name, LocalDate dateOfBirth, String country, Instant at) {
        this.caseId = caseId;
        this.subjectKey = subjectKey;
        this.source = source;
        this.ownershipVersion = ownershipVersion;
        this.type = type;
        this.name = name;
        this.dateOfBirth = dateOfBirth;
        this.country = country;
        this.firstScreenedAt = at;
        this.lastScreenedAt = at;
    }

    public void screenedAgain(Instant at) {
        lastScreenedAt = at;
    }

    public Long getId() {
        return id;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public String getSubjectKey() {
        return subjectKey;
    }

    public SubjectSource getSource() {
        return source;
    }

    public int getOwnershipVersion() {
        return ownershipVersion;
    }

    public SubjectType getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public String getCountry() {
        return country;
    }

    public Instant getFirstScreenedAt() {
        return firstScreenedAt;
    }

    public Instant getLastScreenedAt() {
        return lastScreenedAt;
    }
}
