package dev.attest.dashboard.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.attest.sla.BusinessCalendar;

/**
 * Writes the daily rollups for days that are over: completed tasks ({@code dashboard_daily_tasks}, from
 * {@code sla_ended_task}), closed cases by time to resolution ({@code dashboard_daily_resolution}) and
 * first-round document decisions ({@code dashboard_daily_documents}), each day in one transaction with one
 * {@code INSERT … SELECT} per rollup. Runs every night, and for any
 * day a dashboard range needs that is not rolled up yet. Two nodes rolling up one day end with one rollup: the
 * day's marker row is written first and its primary key lets only one of them in.
 */
@Component
public class DailyRollup {

    private static final Logger log = LoggerFactory.getLogger(DailyRollup.class);

    /** How far back the nightly run looks for days not rolled up yet. */
    static final int NIGHTLY_LOOKBACK_DAYS = 31;

    private static final String ROLL_UP_DAY = """
            INSERT INTO dashboard_daily_tasks (rollup_day, case_type, assignee, completed, with_due_date, breached)
            SELECT ?, r.case_type, COALESCE(r.assignee, ''), COUNT(*),
                   SUM(CASE WHEN r.due_at IS NULL THEN 0 ELSE 1 END),
                   SUM(CASE WHEN r.ended_at > r.due_at THEN 1 ELSE 0 END)
            FROM sla_ended_task r
            WHERE r.ended_at >= ? AND r.ended_at < ? AND r.outcome = 'completed'
            GROUP BY r.case_type, COALESCE(r.assignee, '')
            """;

    private static final String ROLL_UP_RESOLUTION = """
            INSERT INTO dashboard_daily_resolution (rollup_day, case_type, bucket_minutes, cases)
            SELECT ?, c.type, (c.working_minutes / %d) * %d, COUNT(*)
            FROM case_file c
            WHERE c.closed_at >= ? AND c.closed_at < ? AND c.working_minutes IS NOT NULL
            GROUP BY c.type, (c.working_minutes / %d) * %d
            """.formatted(DailyResolution.BUCKET_MINUTES, DailyResolution.BUCKET_MINUTES,
            DailyResolution.BUCKET_MINUTES, DailyResolution.BUCKET_MINUTES);

    private static final String ROLL_UP_DOCUMENTS = """
            INSERT INTO dashboard_daily_documents (rollup_day, case_type, first_round_decided, first_round_approved)
            SELECT ?, c.type, COUNT(*), SUM(CASE WHEN d.status = 'APPROVED' THEN 1 ELSE 0 END)
            FROM case_document d JOIN case_file c ON c.id = d.case_id
            WHERE d.decided_at >= ? AND d.decided_at < ? AND d.first_round = TRUE
            GROUP BY c.type
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;
    private final ZoneId zone;
    private final Clock clock;

    DailyRollup(JdbcTemplate jdbc, PlatformTransactionManager transactions, BusinessCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.zone = calendar.zone();
        this.clock = clock;
    }

    /** Every night: roll up the days of the last month that are not rolled up yet. */
    @Scheduled(cron = "${attest.dashboard.rollup-cron:0 20 0 * * *}", zone = "${attest.zone:UTC}")
    public void nightly() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int days = rollUp(today.minusDays(NIGHTLY_LOOKBACK_DAYS), today.minusDays(1));
        log.info("Dashboard rollup: {} day(s) rolled up", days);
    }

    /**
     * Rolls up the days from {@code from} to {@code to} (both included) that are over and not rolled up yet.
     *
     * @return how many days this call rolled up
     */
    public int rollUp(LocalDate from, LocalDate to) {
        LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
        LocalDate last = to.isAfter(yesterday) ? yesterday : to;
        if (last.isBefore(from)) {
            return 0;
        }
        Set<LocalDate> done = new HashSet<>(jdbc.queryForList(
                "SELECT rollup_day FROM dashboard_rolled_day WHERE rollup_day >= ? AND rollup_day <= ?",
                LocalDate.class, from, last));
        int rolled = 0;
        for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
            if (!done.contains(day) && rollUpDay(day)) {
                rolled++;
            }
        }
        return rolled;
    }

    /** The days of a range that are rolled up (for the figures: the other days are counted live). */
    public Set<LocalDate> rolledDays(LocalDate from, LocalDate to) {
        return new HashSet<>(jdbc.queryForList(
                "SELECT rollup_day FROM dashboard_rolled_day WHERE rollup_day >= ? AND rollup_day <= ?",
                LocalDate.class, from, to));
    }

    private boolean rollUpDay(LocalDate day) {
        Timestamp start = Timestamp.from(day.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
        try {
            return Boolean.TRUE.equals(newTransaction.execute(status -> {
                jdbc.update("INSERT INTO dashboard_rolled_day (rollup_day, rolled_at) VALUES (?, ?)", day,
                        Timestamp.from(clock.instant()));
                jdbc.update(ROLL_UP_DAY, day, start, end);
                jdbc.update(ROLL_UP_RESOLUTION, day, start, end);
                jdbc.update(ROLL_UP_DOCUMENTS, day, start, end);
                return true;
            }));
        } catch (DataIntegrityViolationException alreadyRolledByAnotherNode) {
            return false;
        }
    }

    /** Forgets every rollup (tests and benchmarks that generate history afresh). */
    public void clear() {
        newTransaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM dashboard_daily_tasks");
            jdbc.update("DELETE FROM dashboard_daily_resolution");
            jdbc.update("DELETE FROM dashboard_daily_documents");
            jdbc.update("DELETE FROM dashboard_rolled_day");
        });
    }
}
