package dev.attest.communication;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One requested item of an upload link: filled once, by one document; withdrawn when a newer link asks for the
 * same thing.
 */
@Entity
@Table(name = "client_upload_slot", indexes = @Index(name = "ix_upload_slot_link", columnList = "link_id"),
        uniqueConstraints = @UniqueConstraint(name = "ux_upload_slot_number", columnNames = {"link_id", "slot_number"}))
public class UploadSlot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "link_id", nullable = false)
    private UploadLink link;
    @Column(name = "slot_number", nullable = false)
    private int position;
    @Column(nullable = false, length = 200)
    private String title;
    @Column(nullable = false, length = 2000)
    private String explanation;
    @Column(nullable = false, length = 400)
    private String kinds;
    private Instant filledAt;
    private UUID documentId;
    @Column(length = 255)
    private String fileName;
    private Instant withdrawnAt;

    protected UploadSlot() {
    }

    UploadSlot(UploadLink link, int position, RequestedItem item) {
        this.link = link;
        this.position = position;
        this.title = item.title();
        this.explanation = item.explanation();
        this.kinds = String.join(",", item.kinds());
    }

    /** The slot's number on its link, from 1. */
    public int getPosition() {
        return position;
    }

    public String getTitle() {
        return title;
    }

    public String getExplanation() {
        return explanation;
    }

    /** The document kinds that answer it; empty: any kind of the link's document group. */
    public List<String> getKinds() {
        return kinds.isEmpty() ? List.of() : Arrays.asList(kinds.split(","));
    }

    public Instant getFilledAt() {
        return filledAt;
    }

    /** The document that filled it. */
    public UUID getDocumentId() {
        return documentId;
    }

    /** The name of the file that filled it, as the client sent it. */
    public String getFileName() {
        return fileName;
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    /** Still waiting for its document. */
    public boolean isOpen() {
        return filledAt == null && withdrawnAt == null;
    }

    /**
     * Refuses a slot that takes no more documents.
     *
     * @throws UploadLinkRefusedException when it was filled, or withdrawn by a newer request
     */
    public void requireOpen() {
        if (filledAt != null) {
            throw new UploadLinkRefusedException(UploadLinkRefusedException.Reason.ALREADY_RECEIVED);
        }
        if (withdrawnAt != null) {
            throw new UploadLinkRefusedException(UploadLinkRefusedException.Reason.REPLACED);
        }
    }

    /** Whether a kind (by name) answers it. */
    public boolean takes(String kind) {
        return getKinds().isEmpty() || getKinds().contains(kind);
    }

    RequestedItem item() {
        return new RequestedItem(title, explanation, getKinds());
    }

    void fill(UUID documentId, String fileName, Instant at) {
        this.filledAt = at;
        this.documentId = documentId;
        this.fileName = fileName == null || fileName.length() <= 255 ? fileName : fileName.substring(0, 255);
    }

    void withdraw(Instant at) {
        this.withdrawnAt = at;
    }
}
