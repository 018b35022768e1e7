package dev.attest.communication;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A single-use link for the client to upload what a request asks for. Only the SHA-256 of its token is
 * stored; the token itself exists in the e-mail (and the outbox until the e-mail is sent).
 */
@Entity
@Table(name = "client_upload_link", indexes = {
        @Index(name = "ux_upload_link_token", columnList = "tokenHash", unique = true),
        @Index(name = "ix_upload_link_case", columnList = "caseId,documentGroup") })
public class UploadLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 64)
    private String tokenHash;
    @Column(nullable = false)
    private UUID caseId;
    @Column(nullable = false, length = 20)
    private String caseReference;
    @Column(nullable = false, length = 20)
    private String documentGroup;
    @Column(nullable = false, length = 2000)
    private String requested;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant expiresAt;
    private Instant usedAt;
    private Instant revokedAt;

    protected UploadLink() {
    }

    UploadLink(String tokenHash, UUID caseId, String caseReference, String documentGroup, String requested,
            Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.caseId = caseId;
        this.caseReference = caseReference;
        this.documentGroup = documentGroup;
        this.requested = requested;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public UUID getCaseId() {
        return caseId;
    }

    public String getCaseReference() {
        return caseReference;
    }

    /** The document group ({@code IDENTITY}, {@code ADDRESS}, {@code COMPANY}, {@code OTHER}) asked for. */
    public String getDocumentGroup() {
        return documentGroup;
    }

    /** What the request asks for, in words for the client. */
    public String getRequested() {
        return requested;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
