package dev.attest.screening;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import dev.attest.cases.CaseClosedException;
import dev.attest.cases.CountryCode;

/**
 * Re-screening (issue 20, point 4): when a list version comes into force, every subject of every case that is not
 * closed (the client and the business, and the individuals of the case's newest screened ownership version) is
 * screened against only the entries that version added or changed. A case with new hits (not remembered false
 * positives, not already waiting, not a confirmed match of the same entry) gets a screening run and a new Screening
 * process on those hits, in one transaction per case. Runs once the version's loading committed, on the node that
 * loaded it, in a thread of its own (the upload answers at once; versions are re-screened one after another, in the
 * order they were loaded); a case is screened once per list version (unique (case, list version)), so a second
 * delivery of the event, or a second node, changes nothing. {@link ListVersion#rescreenedAt()} tells when it finished.
 */
@Component
public class ListUpdateScreening {

    private static final Logger LOG = LoggerFactory.getLogger(ListUpdateScreening.class);

    /** What a list update screened. */
    public record Result(int subjects, int entries, int casesWithHits, int reviewsStarted, int casesFailed) {

        Result(int subjects, int entries, int casesWithHits, int reviewsStarted) {
            this(subjects, entries, casesWithHits, reviewsStarted, 0);
        }
    }

    private final ListsInForce lists;
    private final Screening screening;
    private final ScreeningReview review;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** One thread: re-screenings run one at a time, in the order their versions were loaded. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "list-rescreening");
        t.setDaemon(true);
        return t;
    });

    ListUpdateScreening(ListsInForce lists, Screening screening, ScreeningReview review, JdbcTemplate jdbc,
            PlatformTransactionManager transactions, Clock clock) {
        this.clock = clock;
        this.lists = lists;
        this.screening = screening;
        this.review = review;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        // its own transaction per case, also when called after the loading's commit
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * After the version's loading committed, in the background; a failure is logged (the version stays in force).
     * The version is marked re-screened only when every case was screened; otherwise {@link #catchUp()} screens it
     * again at the next start.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void listVersionLoaded(ListVersionLoaded loaded) {
        background.execute(() -> rescreenAndMark(loaded));
    }

    /** At start-up, in the background: {@link #catchUp()}. */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        background.execute(() -> {
            try {
                catchUp();
            } catch (RuntimeException e) {
                // logged, not thrown into the thread (the versions stay pending: the next start tries again)
                LOG.error("Catching up on the re-screening of list versions failed", e);
            }
        });
    }

    /**
     * A node stopping cuts a re-screening off (a case's transaction rolls back whole); the version stays without
     * {@code rescreened_at}, and the next start screens it again.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * A version whose re-screening did not finish (the node stopped half-way, a case failed) is screened again,
     * oldest first. Cases it already reached keep their run (one per case and version), so nothing is raised twice.
     */
    public void catchUp() {
        List<Map<String, Object>> pending = jdbc.queryForList("select v.id, v.list_name, "
                + "(select p.id from screening_list_version p where p.list_name = v.list_name "
                + "and p.version_number = v.version_number - 1) as previous_id "
                + "from screening_list_version v where v.rescreened_at is null order by v.loaded_at, v.id");
        for (Map<String, Object> version : pending) {
            long id = ((Number) version.get("id")).longValue();
            Number previous = (Number) version.get("previous_id");
            List<String> changed = previous == null
                    ? jdbc.queryForList("select entry_id from screening_list_entry where version_id = ?", String.class,
                            id)
                    : jdbc.queryForList("select e.entry_id from screening_list_entry e where e.version_id = ? and "
                            + "not exists (select 1 from screening_list_entry p where p.version_id = ? and "
                            + "p.entry_id = e.entry_id and p.fingerprint = e.fingerprint)", String.class, id,
                            previous.longValue());
            LOG.info("{} version {}: its re-screening did not finish; screening again", version.get("list_name"), id);
            rescreenAndMark(new ListVersionLoaded(SanctionsList.valueOf((String) version.get("list_name")), id,
                    Set.copyOf(changed), Set.of()));
        }
    }

    private void rescreenAndMark(ListVersionLoaded loaded) {
        try {
            Result result = rescreen(loaded);
            if (result.casesFailed() == 0) {
                jdbc.update("update screening_list_version set rescreened_at = ? where id = ? and rescreened_at is null",
                        Timestamp.from(clock.instant()), loaded.versionId());
            }
            LOG.info("{} version {}: {} subjects screened against {} added or changed entries, {} cases with new "
                    + "hits, {} reviews started", loaded.list(), loaded.versionId(), result.subjects(),
                    result.entries(), result.casesWithHits(), result.reviewsStarted());
        } catch (RuntimeException e) {
            LOG.error("Re-screening after {} version {} failed", loaded.list(), loaded.versionId(), e);
        }
    }

    /** Screens the open cases' subjects against the version's added or changed entries. */
    public Result rescreen(ListVersionLoaded loaded) {
        if (loaded.addedOrChanged().isEmpty()) {
            return new Result(0, 0, 0, 0);
        }
        List<SanctionsEntry> entries = lists.entries(loaded.list(), loaded.addedOrChanged());
        if (entries.isEmpty()) {
            return new Result(0, 0, 0, 0);
        }
        List<UUID> caseIds = new ArrayList<>();
        List<Long> subjectIds = new ArrayList<>();
        List<ScreeningSubject> subjects = new ArrayList<>();
        jdbc.query("select s.id, s.case_id, s.subject_type, s.name, s.date_of_birth, s.country from screening_subject s "
                + "join case_file c on c.id = s.case_id where c.status <> 'CLOSED' and (s.ownership_version = 0 or "
                + "s.ownership_version = (select max(o.ownership_version) from screening_subject o "
                + "where o.case_id = s.case_id)) order by s.case_id, s.id", rs -> {
                    Date born = rs.getDate(5);
                    String country = rs.getString(6);
                    subjectIds.add(rs.getLong(1));
                    caseIds.add(rs.getObject(2, UUID.class));
                    subjects.add(ScreeningSubject.of(rs.getString(4), born == null ? null : born.toLocalDate(),
                            country == null ? null : new CountryCode(country), SubjectType.valueOf(rs.getString(3))));
                });
        List<List<ScreeningHit>> found = screening.screen(subjects, entries);
        Map<UUID, Map<Long, List<ScreeningHit>>> byCase = new LinkedHashMap<>();
        for (int i = 0; i < found.size(); i++) {
            if (!found.get(i).isEmpty()) {
                byCase.computeIfAbsent(caseIds.get(i), k -> new LinkedHashMap<>()).put(subjectIds.get(i),
                        found.get(i));
            }
        }
        int started = 0;
        int failures = 0;
        for (var e : byCase.entrySet()) {
            if (Thread.currentThread().isInterrupted()) {
                // the node is stopping: the version stays pending, the next start screens it again
                LOG.info("Re-screening for list version {} stopped with the node; it goes on at the next start",
                        loaded.versionId());
                return new Result(subjects.size(), entries.size(), byCase.size(), started, failures + 1);
            }
            try {
                if (transaction.execute(status -> review.recordListUpdate(e.getKey(), loaded.versionId(),
                        e.getValue())).isPresent()) {
                    started++;
                }
            } catch (DataIntegrityViolationException race) {
                // another node (or delivery) screened this case for this version meanwhile
                LOG.debug("Case {} was screened for list version {} elsewhere", e.getKey(), loaded.versionId());
            } catch (CaseClosedException closed) {
                LOG.debug("Case {} closed before its re-screening for list version {}", e.getKey(),
                        loaded.versionId());
            } catch (RuntimeException failed) {
                // one case's failure (rolled back whole) does not keep the others from their review
                LOG.error("Re-screening case {} for list version {} failed", e.getKey(), loaded.versionId(), failed);
                failures++;
            }
        }
        return new Result(subjects.size(), entries.size(), byCase.size(), started, failures);
    }
}
