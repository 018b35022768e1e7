package dev.attest.communication;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every node's mail relay: one thread that sends the outbox's due e-mails through {@link MailDelivery}, one per
 * transaction, until none is due. It runs right after a transaction that wrote an e-mail commits
 * ({@link #wakeAfterCommit()}), so mail goes out within moments, and every {@code attest.mail.relay-interval} for
 * what this node was not told about: other nodes' e-mails, retries that fell due, and those a crashed node left.
 * Between rounds it holds no database connection. Nodes share the work through the row locks the deliveries
 * take ({@code SKIP LOCKED}): two relays never send one message at the same time, and any node sends them all.
 */
@Component
public class MailRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailRelay.class);

    private final MailDelivery delivery;
    private final MailSettings settings;
    private final AtomicBoolean roundQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService thread;

    MailRelay(MailDelivery delivery, MailSettings settings) {
        this.delivery = delivery;
        this.settings = settings;
    }

    /**
     * Runs a round once the current transaction has committed (at once without one): a rolled-back transaction
     * wrote no e-mail and wakes nothing.
     */
    public void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    /** Queues a round on the relay's thread, unless one is queued already (a running one does not count). */
    public void wake() {
        ScheduledExecutorService t = thread;
        if (t != null && roundQueued.compareAndSet(false, true)) {
            try {
                t.execute(this::round);
            } catch (RejectedExecutionException e) {
                roundQueued.set(false);   // stopping
            }
        }
    }

    /**
     * Sends the e-mails due, up to a batch, each in its own transaction; a full batch is followed by another round
     * at once. One another node is sending is skipped.
     */
    private void round() {
        roundQueued.set(false);   // a wake-up from now on runs another round after this one
        List<UUID> due;
        try {
            due = delivery.due(settings.relayBatch());
        } catch (RuntimeException e) {
            // the database is away, say: the e-mails stay queued, the next round tries again
            log.warn("The mail relay could not read the due e-mails; it tries again in {}: {}",
                    settings.relayInterval(), e.toString());
            return;
        }
        boolean allDone = true;
        for (UUID id : due) {
            if (thread == null) {
                return;
            }
            allDone &= deliver(id);
        }
        // a full batch: more may be due (unless one would not go, which the next poll tries again)
        if (allDone && due.size() == settings.relayBatch()) {
            wake();
        }
    }

    /**
     * One e-mail; an error (rolled back: it stays queued) neither stops the round nor holds up the others. Answers
     * whether this relay dealt with it: one another node is sending does not count, so a batch of those is not
     * followed by another round at once (which would read and skip the same rows again until that node is done).
     */
    private boolean deliver(UUID id) {
        try {
            return delivery.deliver(id).isPresent();
        } catch (RuntimeException e) {
            log.warn("The mail relay could not deliver e-mail {}; it tries again in {}: {}", id,
                    settings.relayInterval(), e.toString());
            return false;
        }
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mail-relay");
            t.setDaemon(true);
            return t;
        });
        long interval = settings.relayInterval().toMillis();
        thread.scheduleWithFixedDelay(this::wake, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService t = thread;
        if (t == null) {
            return;
        }
        thread = null;
        t.shutdown();
        try {
            // a send under way finishes (its SMTP time-outs bound it); a message cut off stays queued
            if (!t.awaitTermination(30, TimeUnit.SECONDS)) {
                t.shutdownNow();
            }
        } catch (InterruptedException e) {
            t.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
