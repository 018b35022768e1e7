package dev.attest.communication;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.attest.audit.AuditTrail;
import dev.attest.communication.internal.OutboxMessages;

/**
 * E-mails out of attempts, as incidents: listed beside the engine's incidents in the designer, where the same
 * people (DESIGNER, ADMIN) give one more attempt to what failed; the retry is audited as an incident retry.
 * Also the gauge {@code attest_mails_failed}, beside {@code attest_engine_incidents}, for alerts.
 */
@Service
public class MailIncidents {

    private static final String DESIGNER = "ROLE_DESIGNER";
    private static final String ADMIN = "ROLE_ADMIN";

    private final OutboxMessages outbox;
    private final MailRelay relay;
    private final AuditTrail audit;
    private final Clock clock;

    MailIncidents(OutboxMessages outbox, MailRelay relay, AuditTrail audit, Clock clock, MeterRegistry registry) {
        this.outbox = outbox;
        this.relay = relay;
        this.audit = audit;
        this.clock = clock;
        Gauge.builder("attest.mails.failed", () -> outbox.countByStatus(MailStatus.FAILED))
                .description("E-mails out of attempts (each an incident)").register(registry);
    }

    /** The failed e-mails, newest first (at most 500). */
    @Secured({DESIGNER, ADMIN})
    @Transactional(readOnly = true)
    public List<OutboxMessage> failed() {
        return outbox.findTop500ByStatusOrderByCreatedAtDesc(MailStatus.FAILED);
    }

    /**
     * Gives a failed e-mail one more attempt, at once (should it fail again, it is failed again); audited.
     *
     * @throws NoSuchElementException when there is no such e-mail
     * @throws IllegalStateException when it has not failed (sent, held, or queued already)
     */
    @Secured({DESIGNER, ADMIN})
    @Transactional
    public void retry(UUID messageId) {
        OutboxMessage message = outbox.findById(messageId)
                .orElseThrow(() -> new NoSuchElementException("No e-mail " + messageId));
        message.retry(clock.instant());
        audit.record(AuditTrail.Action.INCIDENT_RETRY, messageId.toString(), message.getCaseReference(),
                "E-mail \"" + message.getSubject() + "\": " + message.getLastError());
        relay.wakeAfterCommit();
    }
}
