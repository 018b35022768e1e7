package dev.attest.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import dev.attest.AttestTest;
import dev.attest.audit.AuditTrail;
import dev.attest.communication.internal.OutboxMessages;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * An e-mail out of attempts is an incident: listed for designers and admins only, retried by them (audited as an
 * incident retry, on the case's record), and then taken by the relay at once (held here: no SMTP server in tests).
 */
@AttestTest
class MailIncidentsTests {

    @Autowired MailIncidents incidents;
    @Autowired OutboxMessages outbox;
    @Autowired AuditTrail audit;

    @Test
    void anAdminSeesAFailedMailAndRetriesItAndTheRetryIsAudited() {
        OutboxMessage failed = FailedMails.store(outbox, "CASE-2026-990001", "Your documents, please");

        assertThat(RunAs.user("admin", incidents::failed, Role.ADMIN)).extracting(OutboxMessage::getId)
                .contains(failed.getId());
        RunAs.user("admin", () -> incidents.retry(failed.getId()), Role.ADMIN);

        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.findById(failed.getId()).orElseThrow()
                .getStatus() == MailStatus.HELD);
        assertThat(RunAs.user("admin", incidents::failed, Role.ADMIN)).extracting(OutboxMessage::getId)
                .doesNotContain(failed.getId());
        assertThat(RunAs.user("admin", () -> audit.about(failed.getId().toString()), Role.ADMIN))
                .singleElement().satisfies(r -> {
                    assertThat(r.action()).isEqualTo(AuditTrail.Action.INCIDENT_RETRY);
                    assertThat(r.who()).isEqualTo("admin");
                    assertThat(r.caseReference()).isEqualTo("CASE-2026-990001");
                    assertThat(r.reason()).contains("Your documents, please").contains("550 mailbox unavailable");
                });
    }

    @Test
    void onlyDesignersAndAdminsSeeOrRetryFailedMails() {
        OutboxMessage failed = FailedMails.store(outbox, "CASE-2026-990002", "Reminder");
        for (Role role : new Role[] {Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER, Role.INTAKE}) {
            assertThatThrownBy(() -> RunAs.user("someone", incidents::failed, role)).as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> RunAs.user("someone", () -> incidents.retry(failed.getId()), role))
                    .as(role.name()).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(RunAs.user("designer", incidents::failed, Role.DESIGNER)).extracting(OutboxMessage::getId)
                .contains(failed.getId());
        assertThat(outbox.findById(failed.getId()).orElseThrow().getStatus()).isEqualTo(MailStatus.FAILED);
    }

    @Test
    void onlyAFailedMailCanBeRetried() {
        OutboxMessage failed = FailedMails.store(outbox, "CASE-2026-990003", "Reminder");
        RunAs.user("admin", () -> incidents.retry(failed.getId()), Role.ADMIN);

        assertThatThrownBy(() -> RunAs.user("admin", () -> incidents.retry(failed.getId()), Role.ADMIN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Only a failed e-mail");
        assertThatThrownBy(() -> RunAs.user("admin", () -> incidents.retry(UUID.randomUUID()), Role.ADMIN))
                .isInstanceOf(NoSuchElementException.class);
    }
}
