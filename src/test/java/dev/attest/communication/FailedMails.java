package dev.attest.communication;

import java.time.Instant;

import dev.attest.communication.internal.OutboxMessages;

/** Stores an e-mail that failed every attempt, for the tests of other packages (the designer's view). */
public final class FailedMails {

    private FailedMails() {
    }

    public static OutboxMessage store(OutboxMessages outbox, String caseReference, String subject) {
        OutboxMessage m = new OutboxMessage(caseReference, MailTemplate.DOCUMENT_REQUEST, "jane@seller.example.com",
                subject, "Please upload your ID.", null, Instant.now());
        for (int attempt = 1; attempt <= 6; attempt++) {
            m.failed("MailSendException: 550 mailbox unavailable", attempt < 6 ? Instant.now() : null);
        }
        return outbox.save(m);
    }
}
