package dev.attest.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.attest.communication.StaffMessages;
import dev.attest.identity.StaffMailboxes;
import dev.attest.notifications.DigestSettings;
import dev.attest.notifications.StaffNotification;

/**
 * The daily e-mail digest: from {@code attest.notifications.digest.time} each day (in {@code attest.zone}), every
 * enabled analyst, senior analyst and manager with an e-mail address gets one e-mail through the outbox listing their
 * notifications still unread that were written since their last digest; nothing when there are none. Every node
 * checks every few minutes; each user's day is claimed with a conditional update of their account
 * ({@link StaffMailboxes#claimDigest}) in the transaction that queues the e-mail, so of two nodes one sends it and
 * a failure sends nothing and claims nothing.
 */
@Component
@EnableConfigurationProperties(DigestSettings.class)
class NotificationDigest {

    private static final Logger log = LoggerFactory.getLogger(NotificationDigest.class);

    private final DigestSettings settings;
    private final StaffMailboxes mailboxes;
    private final StaffNotifications notifications;
    private final StaffMessages messages;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate eachUser;

    NotificationDigest(DigestSettings settings, StaffMailboxes mailboxes, StaffNotifications notifications,
            StaffMessages messages, Clock clock, ZoneId zone, PlatformTransactionManager transactions) {
        this.settings = settings;
        this.mailboxes = mailboxes;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        this.eachUser = new TransactionTemplate(transactions);
    }

    /** Every five minutes: sends the digests that are due, when digests are enabled. */
    @Scheduled(fixedDelay = 5, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void scheduled() {
        if (settings.enabled()) {
            sendDue();
        }
    }

    /**
     * Sends today's digests not sent yet, once today's digest time has come.
     *
     * @return how many e-mails were queued
     */
    int sendDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant due = now.atZone(zone).toLocalDate().atTime(settings.at()).atZone(zone).toInstant();
        if (now.isBefore(due)) {
            return 0;
        }
        int sent = 0;
        for (StaffMailboxes.Mailbox mailbox : mailboxes.digestRecipients()) {
            if (mailbox.lastDigestAt() != null && !mailbox.lastDigestAt().isBefore(due)) {
                continue; // today's is done
            }
            try {
                sent += Boolean.TRUE.equals(eachUser.execute(s -> send(mailbox, due, now))) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("The notification digest of {} was not sent; the next round tries again", mailbox.username(),
                        e);
            }
        }
        if (sent > 0) {
            log.info("{} notification digest(s) queued", sent);
        }
        return sent;
    }

    /** Claims the user's digest of today and queues it when they have something unread; in one transaction. */
    private boolean send(StaffMailboxes.Mailbox mailbox, Instant due, Instant now) {
        if (!mailboxes.claimDigest(mailbox.username(), mailbox.lastDigestAt(), due, now)) {
            return false; // another node's, or a round before this one's
        }
        Instant since = mailbox.lastDigestAt() == null ? Instant.EPOCH : mailbox.lastDigestAt();
        long unread = notifications.countByRecipientAndReadAtIsNullAndCreatedAtAfter(mailbox.username(), since);
        if (unread == 0) {
            return false; // the day is claimed: nothing to tell
        }
        List<StaffNotification> newest = notifications
                .findByRecipientAndReadAtIsNullAndCreatedAtAfterOrderByCreatedAtDescNumberDesc(mailbox.username(),
                        since, PageRequest.of(0, StaffMessages.MAX_ITEMS));
        messages.digest(mailbox.email(), mailbox.displayName(), mailbox.lastDigestAt(), unread, newest.stream()
                .map(n -> new StaffMessages.DigestItem(n.getKind().label(), n.getText(), n.getLink(),
                        n.getCreatedAt()))
                .toList());
        return true;
    }
}
