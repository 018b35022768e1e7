package dev.attest.communication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.mail.MessagingException;

import dev.attest.communication.internal.OutboxMessages;
import dev.attest.operations.BusinessMetrics;

/**
 * Sends the stored e-mails one at a time for the {@link MailRelay}: it reads which are due, then each call of
 * {@link #deliver} claims one ({@code SELECT … FOR UPDATE SKIP LOCKED}), sends it and records how it went, all in
 * one transaction.
 * <p>
 * The SMTP conversation happens inside that transaction, deliberately: the row lock is what keeps a second node
 * from sending the same message meanwhile, without leases or clocks to trust, and it dies with the connection when
 * a node crashes mid-send, so the message is at once claimable again (at least once: a crash after the server took
 * the mail but before the commit sends it again; a message committed as sent is never claimed again). The cost is
 * one database connection held per node while its server talks, bounded by the SMTP time-outs
 * ({@code spring.mail.properties.mail.smtp.*timeout}): each node's relay is a single thread, and a transaction holds
 * one row, so a failed commit resends at most that message.
 * <p>
 * Without an SMTP server ({@code spring.mail.host} unset) the e-mail is held in the outbox (shown in the case view)
 * and the log says so, with the message id, the masked recipient and the subject, never the body: it holds the
 * client's upload link. A failure is recorded on the message with the time of its next attempt
 * ({@code attest.mail.retry-delays}); after the last it is {@link MailStatus#FAILED}, an incident.
 */
@Service
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final OutboxMessages outbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final BusinessMetrics metrics;
    private final String from;
    private final List<Duration> retryDelays;

    MailDelivery(OutboxMessages outbox, ObjectProvider<JavaMailSender> sender, Clock clock, BusinessMetrics metrics,
            MailSettings settings) {
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.metrics = metrics;
        this.from = settings.from();
        this.retryDelays = settings.retryDelays();
    }

    /** The ids of the queued messages due now, longest due first (some may be another node's by now). */
    @Transactional(readOnly = true)
    public List<UUID> due(int max) {
        return outbox.due(clock.instant(), PageRequest.of(0, max));
    }

    /**
     * Claims the message, if it is still queued and due and no other transaction holds it, and sends (or holds) it.
     *
     * @return how the message stands afterwards, or empty when it was not claimed (sent meanwhile, or being sent
     *         by another node)
     */
    @Transactional
    public Optional<MailStatus> deliver(UUID messageId) {
        Instant now = clock.instant();
        return outbox.claim(messageId, now).map(message -> {
            deliver(message, now);
            return message.getStatus();
        });
    }

    private void deliver(OutboxMessage message, Instant now) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            message.held();
            metrics.count("attest.mails", "result", "held");
            // never the body: it carries the client's live upload link, and a log is read by more people
            log.info("E-mail {} held in the outbox (no SMTP server configured) for case {} to {}: {}",
                    message.getId(), message.getCaseReference(), masked(message.getRecipient()), message.getSubject());
            return;
        }
        try {
            var mime = smtp.createMimeMessage();
            var helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.getRecipient());
            helper.setSubject(message.getSubject());
            helper.setText(message.getBody(), false);
            if (message.getCaseReference() != null) {
                mime.setHeader("X-Attest-Case", message.getCaseReference());
            }
            mime.setHeader("X-Attest-Message", message.getId().toString());
            smtp.send(mime);
        } catch (MessagingException | RuntimeException e) {
            failed(message, now, e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        message.sent(now);
        metrics.count("attest.mails", "result", "sent");
        log.info("E-mail {} sent for case {} to {}: {}", message.getId(), message.getCaseReference(),
                masked(message.getRecipient()), message.getSubject());
    }

    private void failed(OutboxMessage message, Instant now, String error) {
        int failures = message.getAttempts();
        Instant retryAt = failures < retryDelays.size() ? now.plus(retryDelays.get(failures)) : null;
        message.failed(error, retryAt);
        metrics.count("attest.mails", "result", retryAt == null ? "failed" : "retrying");
        if (retryAt == null) {
            log.error("E-mail {} for case {} not sent after {} attempts, an incident now: {}", message.getId(),
                    message.getCaseReference(), message.getAttempts(), error);
        } else {
            log.warn("E-mail {} for case {} not sent (attempt {}), tried again at {}: {}", message.getId(),
                    message.getCaseReference(), message.getAttempts(), retryAt, error);
        }
    }

    /** An address as a log may show it: the first letter of the mailbox and the domain ({@code d…@example.com}). */
    static String masked(String address) {
        if (address == null) {
            return "";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "…";
        }
        return address.substring(0, 1) + "…" + address.substring(at);
    }
}
