package dev.attest.audit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Links committed audit records into the hash chain, a batch at a time, in the order of their ids.
 * <p>
 * Writers insert a record with no position and no hash, and hold no lock but their own row's: a team of analysts,
 * client uploads and timers on several nodes no longer queue on one row. The chainer is the only one that locks
 * the chain's head row: one chainer at a time in the whole cluster links what has committed since, gives each
 * record the next position and its hash, and moves the head, all in one transaction. A record whose transaction
 * commits after records with higher ids is linked in the next batch: its position is fixed when it is linked,
 * never changed after. A rolled-back record never existed, so positions have no gaps; a record is linked once
 * (the update only touches a record with no position, and positions are unique).
 * <p>
 * It runs shortly after a transaction that wrote a record commits ({@link #wake()}: within
 * {@code attest.audit.chain-delay}, default 200 ms, linking all that committed meanwhile in one batch) and every
 * {@code attest.audit.chain-interval} (default 2 s) to pick up other nodes' records and those of a node that stopped before linking them. Between commit and link a record is
 * "pending": verification reports how many there are and since when.
 */
@Component
@EnableConfigurationProperties(AuditChainSettings.class)
public class AuditChainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);
    static final int BATCH = 500;

    private final AuditChainHeads heads;
    private final AuditEntries entries;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Duration interval;
    private final Duration delay;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile ScheduledExecutorService worker;

    AuditChainer(AuditChainHeads heads, AuditEntries entries, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            MeterRegistry registry, AuditChainSettings settings) {
        Duration interval = settings.chainInterval();
        this.delay = settings.chainDelay();
        // a chainer that has stopped linking (its warnings aside) shows here, for alerts, not only in verification
        Gauge.builder("attest.audit.pending", entries::countBySeqIsNull)
                .description("Committed audit records not yet linked into the hash chain").register(registry);
        this.heads = heads;
        this.entries = entries;
        this.jdbc = jdbc;
        this.interval = interval;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Asks for the records committed so far to be linked within {@code attest.audit.chain-delay}, on the chainer's
     * own thread: the commits of that short while are linked in one batch (a handful of statements for all of
     * them, instead of a round per record).
     */
    public void wake() {
        ScheduledExecutorService w = worker;
        if (w != null && wanted.compareAndSet(false, true)) {
            try {
                w.schedule(this::runQuietly, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                wanted.set(false);
            }
        }
    }

    private void runQuietly() {
        wanted.set(false); // a record committed from now on wakes another run
        try {
            chainPending();
        } catch (RuntimeException e) {
            // the next wake-up or poll tries again: nothing is lost, the records wait unlinked
            log.warn("Could not link audit records into the chain yet: {}", e.getMessage());
        }
    }

    /**
     * Links every record committed so far, oldest id first; answers how many were linked. Safe on any thread and
     * any node at the same time: the head row's lock makes them take turns.
     */
    public int chainPending() {
        int linked = 0;
        while (true) {
            if (!entries.existsBySeqIsNull()) {
                return linked; // nothing to do: no lock taken
            }
            Integer n = tx.execute(s -> chainBatch());
            linked += n == null ? 0 : n;
            if (n == null || n < BATCH) {
                return linked;
            }
        }
    }

    private int chainBatch() {
        AuditChainHead head = heads.lock().orElseThrow(() -> new IllegalStateException(
                "The audit chain has no head row; it is created at start-up"));
        // read after the lock: what another chainer linked before we got it is no longer pending
        List<AuditEntry> pending = entries.findBySeqIsNullOrderByIdAsc(PageRequest.of(0, BATCH));
        if (pending.isEmpty()) {
            return 0;
        }
        List<Object[]> links = new ArrayList<>(pending.size());
        long seq = head.getLastSeq();
        String previous = head.getLastHash();
        for (AuditEntry e : pending) {
            seq++;
            String hash = e.expectedHash(previous, seq);
            links.add(new Object[] {seq, previous, hash, e.getId()});
            previous = hash;
        }
        int[] updated = jdbc.batchUpdate(
                "UPDATE audit_entry SET seq = ?, prev_hash = ?, hash = ? WHERE id = ? AND seq IS NULL", links);
        for (int count : updated) {
            if (count == 0) { // Statement.SUCCESS_NO_INFO is -2: counted as done
                throw new IllegalStateException("An audit record was linked by someone else while the head was locked");
            }
        }
        head.advance(seq, previous);
        return pending.size();
    }

    @Override
    public void start() {
        ScheduledExecutorService w = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-chainer");
            t.setDaemon(true);
            return t;
        });
        w.scheduleWithFixedDelay(this::runQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        worker = w;
    }

    @Override
    public void stop() {
        ScheduledExecutorService w = worker;
        worker = null;
        if (w != null) {
            w.shutdown();
            try {
                if (!w.awaitTermination(10, TimeUnit.SECONDS)) {
                    w.shutdownNow();
                }
            } catch (InterruptedException e) {
                w.shutdownNow();
                Thread.currentThread().interrupt();
            }
            runQuietly(); // a clean stop leaves nothing pending
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** Stops after the web server (which stops last-started-first) so late requests' records are still linked. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }
}
