package dev.attest.audit.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the audit chain: the sequence number and hash of the last record. Appending locks this one row, so
 * records are chained one after the other even when many transactions audit at once (and truncating the chain is
 * detectable: the head still names the last record).
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

    static final int ID = 1;

    @Id
    private Integer id;
    @Column(nullable = false)
    private long lastSeq;
    @Column(length = 64)
    private String lastHash;

    protected AuditChainHead() {
    }

    AuditChainHead(long lastSeq, String lastHash) {
        this.id = ID;
        this.lastSeq = lastSeq;
        this.lastHash = lastHash;
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public String getLastHash() {
        return lastHash;
    }

    public void advance(long seq, String hash) {
        this.lastSeq = seq;
        this.lastHash = hash;
    }
}
