package dev.attest.communication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A link for the client to upload what a request asks for: one slot per requested item, each filled once; the link
 * is used up when every slot is filled (or withdrawn), and stops working when it expires or is revoked. Only the
 * SHA-256 of its token is stored; the token itself exists in the e-mail (and the outbox until the e-mail is sent).
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
    @Column(length = 200)
    private String requestedBy;
    /** The user name of who asked, or {@code null} (the case team, or a link from before V19). */
    @Column(length = 64)
    private String requestedByUser;
    @OneToMany(mappedBy = "link", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<UploadSlot> slots = new ArrayList<>();

    protected UploadLink() {
    }

    UploadLink(String tokenHash, UUID caseId, String caseReference, String documentGroup, String requested,
            String requestedBy, String requestedByUser, List<RequestedItem> items, Instant createdAt,
            Instant expiresAt) {
        this.requestedBy = requestedBy;
        this.requestedByUser = requestedByUser;
        for (RequestedItem item : items) {
            slots.add(new UploadSlot(this, slots.size() + 1, item));
        }
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

    public Long getId() {
        return id;
    }

    public String getCaseReference() {
        return caseReference;
    }

    /** The document group ({@code IDENTITY}, {@code ADDRESS}, {@code COMPANY}, {@code OTHER}) asked for. */
    public String getDocumentGroup() {
        return documentGroup;
    }

    /** Who asked (an analyst's display name), or {@code null} when the case team asked as a whole. */
    public String getRequestedBy() {
        return requestedBy;
    }

    /** The user name of who asked (told when the client uploads), or {@code null} when the case team asked. */
    public String getRequestedByUser() {
        return requestedByUser;
    }

    /** The requested items, in order. */
    public List<UploadSlot> getSlots() {
        return List.copyOf(slots);
    }

    /** The slot with a number, if the link has it. */
    public Optional<UploadSlot> slot(int position) {
        return slots.stream().filter(s -> s.getPosition() == position).findFirst();
    }

    /** Whether an item still waits for its document. */
    public boolean hasOpenSlot() {
        return slots.stream().anyMatch(UploadSlot::isOpen);
    }

    /** Whether the link can still be used at the given time. */
    public boolean isUsable(Instant now) {
        return usedAt == null && revokedAt == null && expiresAt.isAfter(now) && hasOpenSlot();
    }

    void addLegacySlot() {
        UploadSlot slot = new UploadSlot(this, 1, new RequestedItem("The requested document", requested, List.of()));
        if (usedAt != null) {
            slot.fill(null, null, usedAt);
        }
        slots.add(slot);
    }

    void markUsed(Instant at) {
        usedAt = at;
    }

    void revoke(Instant at) {
        revokedAt = at;
    }

    /** Why the request was made, in words for the client. */
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
