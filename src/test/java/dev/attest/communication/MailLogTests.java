package dev.attest.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.attest.AttestTest;
import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseIntakeRequest;
import dev.attest.cases.CaseRequests;
import dev.attest.communication.internal.OutboxMessages;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;

/**
 * Without an SMTP server an e-mail is held in the outbox, and the log says so (message id, masked recipient,
 * subject) without its body: the body carries the client's live upload link, which works for anyone who reads it.
 */
@AttestTest
@ExtendWith(OutputCaptureExtension.class)
class MailLogTests {

    static final Pattern LINK = Pattern.compile("/portal/upload/([A-Za-z0-9_-]{43})");

    @Autowired CaseIntake intake;
    @Autowired ClientMessages messages;
    @Autowired OutboxMessages outbox;
    @Autowired TransactionTemplate transactions;

    @Test
    void aHeldMailIsLoggedWithoutItsBodyOrLink(CapturedOutput output) {
        CaseFile c = RunAs.user("intake", () -> intake.open(new ObjectMapper()
                .convertValue(CaseRequests.valid(), CaseIntakeRequest.class)), Role.INTAKE);
        OutboxMessage message = transactions.execute(s -> messages.requestDocument(c.getId(), "IDENTITY",
                "A government ID, please", Instant.now().plus(Duration.ofDays(3)),
                ClientMessages.RequestKind.FIRST));
        Matcher link = LINK.matcher(message.getBody());
        assertThat(link.find()).as("the mail carries an upload link").isTrue();
        String token = link.group(1);

        // the relay holds it once the writing transaction has committed: nothing here calls it
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.findById(messageId(message))
                .map(m -> m.getStatus() == MailStatus.HELD).orElse(false));

        assertThat(output.getAll()).contains("held in the outbox").contains(messageId(message).toString())
                .contains(c.getReference());
        assertThat(output.getAll()).as("no token").doesNotContain(token);
        assertThat(output.getAll()).as("no link").doesNotContain("/portal/upload/");
        assertThat(output.getAll()).as("no body").doesNotContain("A government ID, please")
                .doesNotContain("We will never ask for your password");
    }

    @Test
    void recipientsAreMaskedInTheLog() {
        assertThat(MailDelivery.masked("daniel.kim@example.com")).isEqualTo("d…@example.com");
        assertThat(MailDelivery.masked("broken")).isEqualTo("…");
    }

    static UUID messageId(OutboxMessage m) {
        return m.getId();
    }
}
