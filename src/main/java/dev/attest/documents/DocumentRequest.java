package dev.attest.documents;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A request to the client for a (new) document, with its reasons: one row per round or reminder. */
@Entity
@Table(name = "document_request", indexes = @Index(name = "ix_document_request_case", columnList = "caseId"))
public class DocumentRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private UUID caseId;
    private int round;
    @Column(nullable = false, length = 2000)
    private String reasons;
    @Column(nullable = false)
    private Instant requestedAt;
    @Column(nullable = false)
    private Instant replyDue;

    protected DocumentRequest() {
    }

    public DocumentRequest(UUID caseId, int round, String reasons, Instant requestedAt, Instant replyDue) {
        this.caseId = caseId;
        this.round = round;
        this.reasons = reasons;
        this.requestedAt = requestedAt;
        this.replyDue = replyDue;
    }

    public int getRound() {
        return round;
    }

    public String getReasons() {
        return reasons;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getReplyDue() {
        return replyDue;
    }
}
