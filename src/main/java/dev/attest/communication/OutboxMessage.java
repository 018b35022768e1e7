package dev.attest.communication;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An e-mail to a client, stored in the transaction of the step that sends it (a request, a decision), so a
 * failing mail server can neither lose it nor undo the step. The row is also the delivery's work item: the
 * {@link MailRelay} sends a {@link MailStatus#QUEUED} message once its next attempt is due, and a failed attempt
 * moves that time on. Its body holds the upload link until the mail has been sent; after that the link is masked.
 */
@Entity
@Table(name = "mail_outbox", indexes = {@Index(name = "ix_mail_outbox_case", columnList = "caseReference"),
        @Index(name = "ix_mail_outbox_due", columnList = "status, nextAttemptAt")})
public class OutboxMessage {

    static final String MASKED_LINK = "[upload link, sent to the client]";

    @Id
    private UUID id;
    @Version
    private long version;
    /** The case it is about; {@code null} for a staff digest, which is about none. */
    @Column(length = 20)
    private String caseReference;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 40)
    private MailTemplate template;
    @Column(nullable = false, length = 320)
    private String recipient;
    @Column(nullable = false, length = 300)
    private String subject;
    @Column(nullable = false, length = 8000)
    private String body;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 10)
    private MailStatus status;
    private int attempts;
    /** When the relay may try (again); null only on rows of versions before the relay, until start-up sets it. */
    private Instant nextAttemptAt;
    @Column(length = 500)
    private String lastError;
    @Column(nullable = false)
    private Instant createdAt;
    private Instant sentAt;
    @Column(length = 200)
    private String link;

    protected OutboxMessage() {
    }

    OutboxMessage(String caseReference, MailTemplate template, String recipient, String subject, String body,
            String link, Instant now) {
        this.id = UUID.randomUUID();
        this.caseReference = caseReference;
        this.template = template;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.link = link;
        this.status = MailStatus.QUEUED;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Sent over SMTP: the link leaves the database. */
    public void sent(Instant now) {
        attempts++;
        status = MailStatus.SENT;
        sentAt = now;
        nextAttemptAt = null;
        lastError = null;
        if (link != null) {
            body = body.replace(link, MASKED_LINK);
            link = null;
        }
    }

    /** No SMTP configured: held in the outbox for staff. */
    public void held() {
        status = MailStatus.HELD;
        nextAttemptAt = null;
    }

    /**
     * One attempt failed.
     *
     * @param retryAt when to try again, or null when this was the last attempt: the message is then
     *        {@link MailStatus#FAILED}, an incident for operators
     */
    public void failed(String error, Instant retryAt) {
        attempts++;
        lastError = error == null ? "unknown error" : error.length() > 500 ? error.substring(0, 500) : error;
        status = retryAt == null ? MailStatus.FAILED : MailStatus.QUEUED;
        nextAttemptAt = retryAt;
    }

    /**
     * An operator gives a failed message one more attempt, due at once; should it fail again it is failed again.
     *
     * @throws IllegalStateException when the message has not failed
     */
    public void retry(Instant now) {
        if (status != MailStatus.FAILED) {
            throw new IllegalStateException("Only a failed e-mail can be retried; this one is " + status);
        }
        status = MailStatus.QUEUED;
        nextAttemptAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getCaseReference() {
        return caseReference;
    }

    public MailTemplate getTemplate() {
        return template;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    /** The body as stored: with the upload link while the mail is not yet sent. */
    public String getBody() {
        return body;
    }

    /** The body for staff: the upload link masked unless the outbox is how the mail reaches the client. */
    public String bodyForStaff() {
        return link == null || status == MailStatus.HELD ? body : body.replace(link, MASKED_LINK);
    }

    public MailStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** When the relay tries next; null once the message is sent, held or failed. */
    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
