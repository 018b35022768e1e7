package dev.attest.sla;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A stretch of time in which a case waited on the client (a requested document not yet sent): the case's SLA
 * clock stands still from {@code startedAt} until {@code endedAt} (open while still waiting). Several requests
 * may wait at once (one per document check); the clock stands still while any of them waits.
 */
@Entity
@Table(name = "sla_client_wait", indexes = @Index(name = "ix_client_wait_case", columnList = "caseReference,endedAt"))
public class ClientWait {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 20)
    private String caseReference;
    /** What is waiting: the process instance that asked the client. */
    @Column(nullable = false, length = 64)
    private String source;
    @Column(nullable = false, length = 300)
    private String reason;
    @Column(nullable = false)
    private Instant startedAt;
    private Instant endedAt;

    protected ClientWait() {
    }

    ClientWait(String caseReference, String source, String reason, Instant startedAt) {
        this.caseReference = caseReference;
        this.source = source;
        this.reason = reason;
        this.startedAt = startedAt;
    }

    void end(Instant at) {
        this.endedAt = at;
    }

    public String getCaseReference() {
        return caseReference;
    }

    public String getReason() {
        return reason;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    /** When the client answered, or {@code null} while the case still waits. */
    public Instant getEndedAt() {
        return endedAt;
    }

    public boolean isOpen() {
        return endedAt == null;
    }
}
