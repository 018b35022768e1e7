package dev.attest.dashboard.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
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

import dev.attest.AttestSettings;
import dev.attest.sla.BusinessCalendar;

/**
 * Writes the daily rollups for days that are over: completed tasks ({@code dashboard_daily_tasks}, from
 * {@code sla_ended_task}), closed cases by time to resolution ({@code dashboard_daily_resolution}) and
 * first-round document decisions ({@code dashboard_daily_documents}), each day in one transaction with one
 * {@code INSERT … SELECT} per rollup; a day not rolled up (today) is counted with the same {@code SELECT}s
 * ({@link #live}), so rolled and live days always agree. Runs every night, and for any
 * day a dashboard range needs that is not rolled up yet. Two nodes rolling up one day end with one rollup: the
 * day's marker row is written first and its primary key lets only one of them in.
 */
@Component
public class DailyRollup {

    private static final Logger log = LoggerFactory.getLogger(DailyRollup.class);

    /** How far back the nightly run looks for days not rolled up yet. */
    static final int NIGHTLY_LOOKBACK_DAYS = 31;

    /** Completed tasks of a day per case type and assignee. Parameters: the day's start and end. */
    private static final String TASKS_OF_DAY = """
            SELECT r.case_type, COALESCE(r.assignee, '') AS assignee, COUNT(*) AS completed,
                   SUM(CASE WHEN r.due_at IS NULL THEN 0 ELSE 1 END) AS with_due_date,
                   SUM(CASE WHEN r.ended_at > r.due_at THEN 1 ELSE 0 END) AS breached
            FROM sla_ended_task r
            WHERE r.ended_at >= ? AND r.ended_at < ? AND r.outcome = 'completed'
            GROUP BY r.case_type, COALESCE(r.assignee, '')
            """;

    /** Cases closed on a day per case type and quarter-hour bucket of their time to resolution. */
    private static final String RESOLUTIONS_OF_DAY = """
            SELECT c.type AS case_type, (c.working_minutes / %1$d) * %1$d AS bucket_minutes, COUNT(*) AS cases
            FROM case_file c
            WHERE c.closed_at >= ? AND c.closed_at < ? AND c.working_minutes IS NOT NULL
            GROUP BY c.type, (c.working_minutes / %1$d) * %1$d
            """.formatted(DailyResolution.BUCKET_MINUTES);

    /** First-round documents decided on a day per case type, and how many of them were approved. */
    private static final String DOCUMENTS_OF_DAY = """
            SELECT c.type AS case_type, COUNT(*) AS decided,
                   SUM(CASE WHEN d.status = 'APPROVED' THEN 1 ELSE 0 END) AS approved
            FROM case_document d JOIN case_file c ON c.id = d.case_id
            WHERE d.decided_at >= ? AND d.decided_at < ? AND d.first_round = TRUE
            GROUP BY c.type
            """;

    /**
     * What one day adds to the figures: the same aggregates the rollup stores, for a day counted live.
     *
     * @param day the day
     * @param tasks completed tasks per case type and assignee ({@code ""} for none)
     * @param resolutions closed cases per case type and bucket
     * @param documents first-round document decisions per case type
     */
    public record Day(LocalDate day, List<TaskCounts> tasks, List<ResolutionCounts> resolutions,
            List<DocumentCounts> documents) {
    }

    /** Completed tasks of one case type and assignee. */
    public record TaskCounts(String caseType, String assignee, long completed, long withDueDate, long breached) {
    }

    /** Closed cases of one case type whose time to resolution falls in one bucket. */
    public record ResolutionCounts(String caseType, long bucketMinutes, long cases) {
    }

    /** First-round document decisions of one case type. */
    public record DocumentCounts(String caseType, long decided, long approved) {
    }

    /**
     * The days of a range that are rolled up, after rolling up the ones that are over and missing.
     *
     * @param days the days rolled up (the others are counted live)
     * @param added how many of them this call rolled up
     */
    public record Rolled(Set<LocalDate> days, int added) {
    }

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
    // A cron zone must be a string, so this reads attest.zone itself rather than the ZoneId bean; its fallback is
    // AttestSettings's default (application.yml always sets attest.zone), so the job runs in the zone of the rest.
    @Scheduled(cron = "${attest.dashboard.rollup-cron:0 20 0 * * *}",
            zone = "${attest.zone:" + AttestSettings.DEFAULT_ZONE + "}")
    public void nightly() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int days = rollUp(today.minusDays(NIGHTLY_LOOKBACK_DAYS), today.minusDays(1)).added();
        log.info("Dashboard rollup: {} day(s) rolled up", days);
    }

    /** Rolls up the days from {@code from} to {@code to} (both included) that are over and not rolled up yet. */
    public Rolled rollUp(LocalDate from, LocalDate to) {
        Set<LocalDate> done = new HashSet<>(jdbc.queryForList(
                "SELECT rollup_day FROM dashboard_rolled_day WHERE rollup_day >= ? AND rollup_day <= ?",
                LocalDate.class, from, to));
        LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
        LocalDate last = to.isAfter(yesterday) ? yesterday : to;
        int added = 0;
        for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
            if (!done.contains(day) && rollUpDay(day)) {
                done.add(day);
                added++;
            }
        }
        return new Rolled(done, added);
    }

    /** The aggregates of one day, counted now (today, or a day another node is still rolling up). */
    public Day live(LocalDate day) {
        Timestamp start = start(day);
        Timestamp end = start(day.plusDays(1));
        return new Day(day,
                jdbc.query(TASKS_OF_DAY, (rs, i) -> new TaskCounts(rs.getString("case_type"), rs.getString("assignee"),
                        rs.getLong("completed"), rs.getLong("with_due_date"), rs.getLong("breached")), start, end),
                jdbc.query(RESOLUTIONS_OF_DAY, (rs, i) -> new ResolutionCounts(rs.getString("case_type"),
                        rs.getLong("bucket_minutes"), rs.getLong("cases")), start, end),
                jdbc.query(DOCUMENTS_OF_DAY, (rs, i) -> new DocumentCounts(rs.getString("case_type"),
                        rs.getLong("decided"), rs.getLong("approved")), start, end));
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }

    private boolean rollUpDay(LocalDate day) {
        Timestamp start = start(day);
        Timestamp end = start(day.plusDays(1));
        try {
            return Boolean.TRUE.equals(newTransaction.execute(status -> {
                jdbc.update("INSERT INTO dashboard_rolled_day (rollup_day, rolled_at) VALUES (?, ?)", day,
                        Timestamp.from(clock.instant()));
                jdbc.update("INSERT INTO dashboard_daily_tasks (rollup_day, case_type, assignee, completed,"
                        + " with_due_date, breached) SELECT ?, x.case_type, x.assignee, x.completed, x.with_due_date,"
                        + " x.breached FROM (" + TASKS_OF_DAY + ") x", day, start, end);
                jdbc.update("INSERT INTO dashboard_daily_resolution (rollup_day, case_type, bucket_minutes, cases)"
                        + " SELECT ?, x.case_type, x.bucket_minutes, x.cases FROM (" + RESOLUTIONS_OF_DAY + ") x",
                        day, start, end);
                jdbc.update("INSERT INTO dashboard_daily_documents (rollup_day, case_type, first_round_decided,"
                        + " first_round_approved) SELECT ?, x.case_type, x.decided, x.approved FROM ("
                        + DOCUMENTS_OF_DAY + ") x", day, start, end);
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
