package dev.attest.communication;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.attest.communication.internal.OutboxMessages;
import jakarta.mail.MessagingException;

/**
 * Sends one stored e-mail; run by the engine job that {@link MailDispatch} schedules. Without an SMTP server
 * ({@code spring.mail.host} unset) the e-mail is held in the outbox (shown in the case view) and the log says so,
 * with the message id, the masked recipient and the subject, never the body: it holds the client's upload link. A failure is
 * recorded on the message in its own transaction and then thrown, so the engine retries the job with back-off.
 * A message already sent is not sent again.
 */
@Service
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final OutboxMessages outbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private final String from;

    private final dev.attest.operations.BusinessMetrics metrics;

    MailDelivery(OutboxMessages outbox, ObjectProvider<JavaMailSender> sender, PlatformTransactionManager transactions,
            Clock clock, dev.attest.operations.BusinessMetrics metrics,
            @Value("${attest.mail.from:Attest <no-reply@attest.local>}") String from) {
        this.metrics = metrics;
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.from = from;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Sends the message, or holds it when no SMTP server is configured.
     *
     * @param lastAttempt whether a failure now is final (the message is then marked failed)
     * @throws MailException when the server refuses or cannot be reached
     */
    @Transactional
    public void deliver(UUID messageId, boolean lastAttempt) {
        OutboxMessage message = outbox.findById(messageId).orElse(null);
        if (message == null || message.getStatus() == MailStatus.SENT || message.getStatus() == MailStatus.HELD) {
            return;
        }
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            message.held();
            metrics.count("attest.mails", "result", "held");
            // never the body: it carries the client's live upload link, and a log is read by more people
            log.info("E-mail {} held in the outbox (no SMTP server configured) for case {} to {}: {}", messageId,
                    message.getCaseReference(), masked(message.getRecipient()), message.getSubject());
            return;
        }
        try {
            var mime = smtp.createMimeMessage();
            var helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.getRecipient());
            helper.setSubject(message.getSubject());
            helper.setText(message.getBody(), false);
            mime.setHeader("X-Attest-Case", message.getCaseReference());
            smtp.send(mime);
        } catch (MailException | MessagingException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            newTransaction.executeWithoutResult(s -> outbox.findById(messageId)
                    .ifPresent(m -> m.failed(error, lastAttempt)));
            metrics.count("attest.mails", "result", lastAttempt ? "failed" : "retrying");
            log.warn("E-mail {} for case {} not sent{}: {}", messageId, message.getCaseReference(),
                    lastAttempt ? " (last attempt)" : "; the engine retries", error);
            throw e instanceof MailException me ? me : new IllegalStateException(error, e);
        }
        message.sent(clock.instant());
        metrics.count("attest.mails", "result", "sent");
        log.info("E-mail {} sent for case {} to {}: {}", messageId, message.getCaseReference(),
                masked(message.getRecipient()), message.getSubject());
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
