package dev.attest.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import dev.attest.communication.internal.OutboxMessages;
import dev.attest.operations.BusinessMetrics;

/**
 * The mail relay on a real database (H2 here; {@code MailRelayPostgresTests} runs the same on PostgreSQL): a sent
 * e-mail is never sent again, a failing server is tried again after 1, 5, 15, 60 and 240 minutes on a clock the
 * test moves and then the e-mail fails (an incident) until an operator retries it, without SMTP the e-mail is held,
 * two relays never take the same e-mail ({@code SKIP LOCKED}: the second neither waits nor sends it), the relay
 * sends right after the writing transaction commits and a rolled-back writer sends nothing.
 */
@DataJpaTest(showSql = false)
@ActiveProfiles("test")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MailRelayTests {

    static final List<Duration> SCHEDULE = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(60), Duration.ofMinutes(240));

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** An SMTP server as the test wants it: records what it is given, or does what the test says first. */
    static final class FakeSmtp extends JavaMailSenderImpl {
        final List<MimeMessage> sent = new CopyOnWriteArrayList<>();
        volatile Consumer<MimeMessage> behaviour = m -> { };

        @Override
        protected void doSend(MimeMessage[] messages, Object[] originals) {
            for (MimeMessage m : messages) {
                behaviour.accept(m);
                sent.add(m);
            }
        }

        List<String> messageIds() {
            return sent.stream().map(m -> {
                try {
                    return m.getHeader("X-Attest-Message")[0];
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    @Autowired OutboxMessages outbox;
    @Autowired PlatformTransactionManager transactionManager;

    final MovingClock clock = new MovingClock();
    final FakeSmtp smtp = new FakeSmtp();
    final BusinessMetrics metrics = mock(BusinessMetrics.class);
    MailRelay relay;

    @BeforeEach
    void emptyOutbox() {
        outbox.deleteAll();
    }

    @AfterEach
    void stopRelay() {
        if (relay != null) {
            relay.stop();
        }
    }

    static MailSettings settings(Duration interval) {
        return new MailSettings("Attest <no-reply@attest.local>", interval, 20, SCHEDULE);
    }

    /** The delivery as Spring builds it: each call in its own transaction. */
    MailDelivery delivery(JavaMailSender sender) {
        return delivery(sender, null);
    }

    /** The same, with advice of the test's around each call (outside the transaction). */
    MailDelivery delivery(JavaMailSender sender, MethodInterceptor around) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(
                sender == null ? Map.of() : Map.of("smtp", sender));
        MailDelivery target = new MailDelivery(outbox, beans.getBeanProvider(JavaMailSender.class), clock, metrics,
                settings(Duration.ofSeconds(5)));
        ProxyFactory proxy = new ProxyFactory(target);
        proxy.setProxyTargetClass(true);
        if (around != null) {
            proxy.addAdvice(around);
        }
        proxy.addAdvice(new TransactionInterceptor(transactionManager, new AnnotationTransactionAttributeSource()));
        return (MailDelivery) proxy.getProxy();
    }

    /** What a relay round does, for one e-mail: the first due one it can claim. */
    static Optional<MailStatus> next(MailDelivery delivery) {
        for (UUID id : delivery.due(10)) {
            Optional<MailStatus> done = delivery.deliver(id);
            if (done.isPresent()) {
                return done;
            }
        }
        return Optional.empty();
    }

    OutboxMessage queued(String recipient) {
        return outbox.save(message(recipient));
    }

    OutboxMessage message(String recipient) {
        return new OutboxMessage("CASE-2026-000001", MailTemplate.DOCUMENT_REQUEST, recipient, "Your documents",
                "Upload here: https://attest.example/portal/upload/t0ken", "https://attest.example/portal/upload/t0ken",
                clock.instant());
    }

    OutboxMessage stored(OutboxMessage m) {
        return outbox.findById(m.getId()).orElseThrow();
    }

    @Test
    void aSentMailIsNeverSentAgainAndItsLinkLeavesTheDatabase() {
        MailDelivery delivery = delivery(smtp);
        OutboxMessage m = queued("jane@seller.example.com");

        assertThat(next(delivery)).contains(MailStatus.SENT);
        clock.now = clock.now.plus(Duration.ofDays(1));
        assertThat(next(delivery)).as("nothing due any more").isEmpty();

        assertThat(smtp.messageIds()).containsExactly(m.getId().toString());
        OutboxMessage sent = stored(m);
        assertThat(sent.getStatus()).isEqualTo(MailStatus.SENT);
        assertThat(sent.getAttempts()).isOne();
        assertThat(sent.getNextAttemptAt()).isNull();
        assertThat(sent.getBody()).doesNotContain("t0ken");
        verify(metrics).count("attest.mails", "result", "sent");
    }

    @Test
    void aFailingServerIsTriedAgainAfter1_5_15_60And240MinutesThenTheMailFailsUntilAnOperatorRetries() {
        smtp.behaviour = m -> {
            throw new MailSendException("connection refused");
        };
        MailDelivery delivery = delivery(smtp);
        OutboxMessage m = queued("jane@seller.example.com");
        Instant start = clock.now;

        Instant expected = start;
        for (int attempt = 1; attempt <= SCHEDULE.size(); attempt++) {
            assertThat(next(delivery)).as("attempt " + attempt).contains(MailStatus.QUEUED);
            expected = expected.plus(SCHEDULE.get(attempt - 1));
            OutboxMessage after = stored(m);
            assertThat(after.getAttempts()).isEqualTo(attempt);
            assertThat(after.getNextAttemptAt()).as("after attempt " + attempt).isEqualTo(expected);
            assertThat(after.getLastError()).contains("connection refused");
            clock.now = expected.minusSeconds(1);
            assertThat(next(delivery)).as("not before it is due").isEmpty();
            clock.now = expected;
        }
        assertThat(Duration.between(start, expected)).isEqualTo(Duration.ofMinutes(1 + 5 + 15 + 60 + 240));
        assertThat(next(delivery)).as("the sixth attempt is the last").contains(MailStatus.FAILED);
        OutboxMessage failed = stored(m);
        assertThat(failed.getAttempts()).isEqualTo(6);
        assertThat(failed.getNextAttemptAt()).isNull();
        clock.now = clock.now.plus(Duration.ofDays(30));
        assertThat(next(delivery)).as("a failed e-mail waits for an operator").isEmpty();
        assertThat(smtp.sent).isEmpty();
        verify(metrics, times(5)).count("attest.mails", "result", "retrying");
        verify(metrics).count("attest.mails", "result", "failed");

        // the operator's retry (MailIncidents): one more attempt at once; it works this time
        smtp.behaviour = x -> { };
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> stored(m).retry(clock.instant()));
        assertThat(next(delivery)).contains(MailStatus.SENT);
        assertThat(smtp.messageIds()).containsExactly(m.getId().toString());
        assertThat(stored(m).getLastError()).isNull();
    }

    @Test
    void aRetriedMailThatFailsAgainFailsAtOnce() {
        smtp.behaviour = m -> {
            throw new MailSendException("mailbox unavailable");
        };
        MailDelivery delivery = delivery(smtp);
        OutboxMessage m = message("jane@seller.example.com");
        for (int i = 0; i < 6; i++) {
            m.failed("mailbox unavailable", i < 5 ? clock.instant() : null);
        }
        outbox.save(m);
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> stored(m).retry(clock.instant()));

        assertThat(next(delivery)).contains(MailStatus.FAILED);
        assertThat(stored(m).getAttempts()).isEqualTo(7);
    }

    @Test
    void withoutAnSmtpServerTheMailIsHeldAndNotTriedAgain() {
        MailDelivery delivery = delivery(null);
        OutboxMessage m = queued("jane@seller.example.com");

        assertThat(next(delivery)).contains(MailStatus.HELD);
        assertThat(next(delivery)).isEmpty();
        OutboxMessage held = stored(m);
        assertThat(held.getStatus()).isEqualTo(MailStatus.HELD);
        assertThat(held.bodyForStaff()).as("staff pass the link on").contains("t0ken");
        verify(metrics).count("attest.mails", "result", "held");
    }

    @Test
    void twoRelaysNeverTakeTheSameMailAndTheSecondDoesNotWaitForTheFirst() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OutboxMessage first = queued("first@seller.example.com");
        clock.now = clock.now.plusSeconds(1);
        OutboxMessage second = queued("second@seller.example.com");
        clock.now = clock.now.plusSeconds(1);
        smtp.behaviour = m -> {
            if (recipient(m).startsWith("first")) {
                sending.countDown();
                awaitQuietly(release);
            }
        };
        MailDelivery nodeA = delivery(smtp);
        MailDelivery nodeB = delivery(smtp);

        CompletableFuture<Optional<MailStatus>> a = CompletableFuture.supplyAsync(() -> next(nodeA));
        assertThat(sending.await(10, TimeUnit.SECONDS)).as("node A is sending the first e-mail").isTrue();
        // node A holds the first e-mail's row: node B skips it, sends the second, then finds nothing it may take
        assertThat(CompletableFuture.supplyAsync(() -> next(nodeB)).get(10, TimeUnit.SECONDS))
                .contains(MailStatus.SENT);
        assertThat(CompletableFuture.supplyAsync(() -> next(nodeB)).get(10, TimeUnit.SECONDS))
                .as("the first is locked: skipped, not waited for").isEmpty();
        assertThat(smtp.messageIds()).containsExactly(second.getId().toString());
        release.countDown();
        assertThat(a.get(10, TimeUnit.SECONDS)).contains(MailStatus.SENT);

        assertThat(next(nodeB)).isEmpty();
        assertThat(smtp.messageIds()).containsExactlyInAnyOrder(first.getId().toString(),
                second.getId().toString());
        assertThat(stored(first).getStatus()).isEqualTo(MailStatus.SENT);
    }

    @Test
    void theRelaySendsRightAfterTheWriterCommitsAndNothingForAWriterThatRolledBack() {
        relay = new MailRelay(delivery(smtp), settings(Duration.ofHours(1)));   // no poll during the test
        relay.start();
        TransactionTemplate writer = new TransactionTemplate(transactionManager);

        OutboxMessage undone = writer.execute(s -> {
            OutboxMessage m = outbox.save(message("undone@seller.example.com"));
            relay.wakeAfterCommit();
            s.setRollbackOnly();
            return m;
        });
        OutboxMessage written = writer.execute(s -> {
            OutboxMessage m = outbox.save(message("written@seller.example.com"));
            relay.wakeAfterCommit();
            return m;
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> stored(written).getStatus() == MailStatus.SENT);
        assertThat(outbox.findById(undone.getId())).as("rolled back: never stored").isEmpty();
        assertThat(smtp.messageIds()).containsExactly(written.getId().toString());
    }

    @Test
    void anEMailWhoseDeliveryErrsHoldsUpNoOther() {
        OutboxMessage broken = queued("broken@seller.example.com");
        clock.now = clock.now.plusSeconds(1);
        OutboxMessage fine = queued("fine@seller.example.com");
        MailDelivery delivery = delivery(smtp, call -> {
            if (call.getMethod().getName().equals("deliver") && broken.getId().equals(call.getArguments()[0])) {
                throw new IllegalStateException("the database refuses this row");
            }
            return call.proceed();
        });
        relay = new MailRelay(delivery, settings(Duration.ofHours(1)));
        relay.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> stored(fine).getStatus() == MailStatus.SENT);
        assertThat(stored(broken).getStatus()).as("still queued, tried again at the next poll")
                .isEqualTo(MailStatus.QUEUED);
        assertThat(smtp.messageIds()).containsExactly(fine.getId().toString());
    }

    static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
