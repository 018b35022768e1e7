package dev.attest.audit.internal;

import java.time.Instant;

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

import dev.attest.audit.AuditTrail;

/** One stored audit record; never updated. */
@Entity
@Table(name = "audit_entry", indexes = {@Index(name = "ix_audit_subject", columnList = "subject"),
        @Index(name = "ix_audit_case", columnList = "caseReference"),
        @Index(name = "ux_audit_seq", columnList = "seq", unique = true)})
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, updatable = false)
    private Instant at;
    @Column(nullable = false, updatable = false, length = 64)
    private String who;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false, length = 32)
    private AuditTrail.Action action;
    @Column(nullable = false, updatable = false, length = 100)
    private String subject;
    @Column(updatable = false, length = 20)
    private String caseReference;
    @Column(updatable = false, length = 200)
    private String reason;
    /** Position in the chain (1, 2, ...); null until the chainer links the record, moments after it commits. */
    @Column(updatable = false)
    private Long seq;
    @Column(updatable = false, length = 64)
    private String prevHash;
    @Column(updatable = false, length = 64)
    private String hash;

    protected AuditEntry() {
    }

    /** A record as written: not yet linked into the chain (no position, no hash); {@link AuditChainer} links it. */
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

    public Long getId() {
        return id;
    }

    public Long getSeq() {
        return seq;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }

    /** The hash this record should have after {@code previous}, from its stored fields. */
    public String expectedHash(String previous, long position) {
        return AuditHash.of(previous, position, at, who, action.name(), subject, caseReference, reason);
    }

    public Instant getAt() {
        return at;
    }
}
