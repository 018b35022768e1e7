package dev.attest.communication;

import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.attest.cases.CaseLookup;

/** {@code /api/v1/cases/{id}/messages}: the e-mails written to the client and how they stand. */
@RestController
@RequestMapping(path = "/api/v1/cases/{caseId}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Client messages")
class MessageController {

    private final ClientMessages messages;
    private final CaseLookup cases;

    MessageController(ClientMessages messages, CaseLookup cases) {
        this.messages = messages;
        this.cases = cases;
    }

    /** One e-mail; the body has its upload link masked once it was sent. */
    record MessageView(String id, MailTemplate template, String to, String subject, String body, MailStatus status,
            int attempts, String lastError, Instant createdAt, Instant sentAt) {
    }

    @GetMapping
    @Operation(summary = "The e-mails to the client, oldest first",
            description = "Roles: ANALYST, SENIOR_ANALYST, MANAGER, ADMIN. status: QUEUED (the mail relay has not "
                    + "sent it yet, or waits to retry), SENT, HELD (no SMTP server configured: staff pass it on), "
                    + "FAILED (every attempt failed: an incident).")
    List<MessageView> list(@PathVariable String caseId) {
        return messages.ofCase(cases.get(caseId).getReference()).stream()
                .map(m -> new MessageView(m.getId().toString(), m.getTemplate(), m.getRecipient(), m.getSubject(),
                        m.bodyForStaff(), m.getStatus(), m.getAttempts(), m.getLastError(), m.getCreatedAt(),
                        m.getSentAt()))
                .toList();
    }
}
