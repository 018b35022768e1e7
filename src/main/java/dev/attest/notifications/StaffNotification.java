package dev.attest.notifications;

import java.time.Instant;
import java.util.UUID;

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

/**
 * One notification in a user's inbox: what happened, in words, and where to go (a route of the app: a case or a
 * task). Read once the user opened it or marked all read.
 */
@Entity
@Table(name = "staff_notification", indexes = {
        @Index(name = "ix_notification_unread", columnList = "recipient,readAt"),
        @Index(name = "ix_notification_inbox", columnList = "recipient,createdAt"),
        @Index(name = "ix_notification_case", columnList = "caseReference")})
public class StaffNotification {

    /** The longest text. */
    public static final int MAX_TEXT = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long number;
    @Column(nullable = false, unique = true, updatable = false)
    private UUID id;
    @Column(nullable = false, updatable = false, length = 64)
    private String recipient;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, updatable = false, length = 32)
    private NotificationKind kind;
    @Column(nullable = false, updatable = false, length = MAX_TEXT)
    private String text;
    @Column(nullable = false, updatable = false, length = 200)
    private String link;
    @Column(updatable = false, length = 20)
    private String caseReference;
    @Column(nullable = false, updatable = false)
    private Instant createdAt;
    private Instant readAt;

    protected StaffNotification() {
    }

    public StaffNotification(String recipient, NotificationKind kind, String text, String link, String caseReference,
            Instant at) {
        this.id = UUID.randomUUID();
        this.recipient = recipient;
        this.kind = kind;
        this.text = text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
        this.link = link;
        this.caseReference = caseReference;
        this.createdAt = at;
    }

    /** Marks it read, once; reading it again keeps the first time. */
    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public UUID getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    /** The app's route to go to: {@code cases/CASE-2026-000123} or {@code tasks/<task id>}. */
    public String getLink() {
        return link;
    }

    public String getCaseReference() {
        return caseReference;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public boolean isRead() {
        return readAt != null;
    }
}
