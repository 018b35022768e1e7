package dev.attest.audit.internal;

import java.time.Instant;

import dev.attest.audit.AuditTrail;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** One stored audit record; never updated. */
@Entity
@Table(name = "audit_entry", indexes = @Index(name = "ix_audit_subject", columnList = "subject"))
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, updatable = false)
    private Instant at;
    @Column(nullable = false, updatable = false, length = 64)
    private String who;
    @Enumerated(EnumType.STRING)
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false, length = 32)
    private AuditTrail.Action action;
    @Column(nullable = false, updatable = false, length = 100)
    private String subject;
    @Column(updatable = false, length = 20)
    private String caseReference;
    @Column(updatable = false, length = 200)
    private String reason;

    protected AuditEntry() {
    }

    public AuditEntry(Instant at, String who, AuditTrail.Action action, String subject, String caseReference,
            String reason) {
        this.at = at;
        this.who = who;
        this.action = action;
        this.subject = subject;
        this.caseReference = caseReference;
        this.reason = reason;
    }

    public AuditTrail.Record toRecord() {
        return new AuditTrail.Record(at, who, action, subject, caseReference, reason);
    }
}
