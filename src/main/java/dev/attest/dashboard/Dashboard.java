package dev.attest.dashboard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.RolesAllowed;

import dev.attest.cases.CaseFigures;
import dev.attest.cases.CaseType;
import dev.attest.dashboard.DashboardFigures.AnalystLoad;
import dev.attest.dashboard.DashboardFigures.EscalationCount;
import dev.attest.dashboard.DashboardFigures.Resolution;
import dev.attest.dashboard.DashboardFigures.Stage;
import dev.attest.dashboard.DashboardFigures.Week;
import dev.attest.dashboard.DashboardFigures.Workload;
import dev.attest.dashboard.internal.DailyRollup;
import dev.attest.identity.Role;
import dev.attest.recovery.TwoFactorRecovery;
import dev.attest.screening.process.ScreeningProcess;
import dev.attest.sla.BusinessCalendar;
import dev.attest.sla.OpenTaskFigures;
import dev.attest.validation.InvalidInputException;

/**
 * The manager's SLA dashboard. Every figure is one aggregate query over the task records (through the SLA module's
 * {@link OpenTaskFigures}), the cases (through the cases module's {@link CaseFigures}), documents, escalations and
 * client waits; completed tasks per week come from the daily rollup for days that are over and from the task
 * records for today. Managers only: the modules' query components check no role, this service does.
 */
@Service
@RolesAllowed(Role.Names.MANAGER)
public class Dashboard {

    /** The most rows a drill-down lists. */
    public static final int DRILL_LIMIT = 200;

    private final NamedParameterJdbcTemplate jdbc;
    private final DailyRollup rollup;
    private final ZoneId zone;
    private final Clock clock;
    private final ExecutorService executor;
    private final TwoFactorRecovery recovery;
    private final OpenTaskFigures tasks;
    private final CaseFigures cases;

    Dashboard(NamedParameterJdbcTemplate jdbc, DailyRollup rollup, BusinessCalendar calendar, Clock clock,
            TwoFactorRecovery recovery, OpenTaskFigures tasks, CaseFigures cases) {
        this.recovery = recovery;
        this.tasks = tasks;
        this.cases = cases;
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.zone = calendar.zone();
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "dashboard-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Today in Attest's time zone (the default range ends here). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * All figures for the filter. The figures are independent reads and run side by side on a few threads (each
     * on its own connection); days that are over come from the daily rollups, written first if the nightly run
     * has not reached them.
     */
    public DashboardFigures figures(DashboardFilter filter) {
        Instant now = clock.instant();
        MapSqlParameterSource p = params(filter, now);
        String type = typeCondition(filter);
        Set<LocalDate> rolled = rollup.rollUp(filter.from(), filter.to()).days();
        List<DailyRollup.Day> live = liveDays(filter, rolled).stream().map(rollup::live).toList();

        var openTasks = async(() -> openTasks(filter, now));
        var stages = async(() -> stages(filter, p, type));
        var weeks = async(() -> weeks(filter, p, live));
        var resolution = async(() -> resolution(filter, p, live));
        var firstRound = async(() -> firstRound(filter, p, live));
        var completed = async(() -> completedPerAnalyst(filter, p, live));
        var escalations = async(() -> escalations(p, type));
        var openCases = async(() -> cases.open(caseType(filter)));

        Map<String, AnalystLoad> open = join(openTasks);
        long overdue = open.values().stream().mapToLong(AnalystLoad::overdue).sum();
        long dueToday = open.values().stream().mapToLong(AnalystLoad::dueToday).sum();
        long atRisk = open.values().stream().mapToLong(AnalystLoad::atRisk).sum();
        // the marketplace's decisions on 2FA resets: a small table, read on this thread (it carries the caller's role)
        var marketplace = filter.caseType() == CaseType.SELLER_VERIFICATION
                ? new TwoFactorRecovery.Outcomes(0, 0, List.of())
                : recovery.outcomes(filter.from().atStartOfDay(zone).toInstant(),
                        filter.to().plusDays(1).atStartOfDay(zone).toInstant());
        FirstRound documents = join(firstRound);
        List<AnalystLoad> load = open.values().stream().sorted(Comparator.comparingLong(AnalystLoad::overdue).reversed()
                .thenComparing(Comparator.comparingLong(AnalystLoad::atRisk).reversed())
                .thenComparing(AnalystLoad::analyst)).toList();
        return new DashboardFigures(join(openCases), join(stages), overdue, dueToday, atRisk, join(weeks),
                join(resolution), workload(open, join(completed)), join(escalations), documents.decided(),
                documents.approved(), marketplace, load);
    }

    /** First-round documents decided in the range, and how many of them were approved. */
    private record FirstRound(long decided, long approved) {
    }

    private <T> CompletableFuture<T> async(Supplier<T> query) {
        return CompletableFuture.supplyAsync(query, executor);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** The days of the range up to today that are not rolled up: counted live. */
    private List<LocalDate> liveDays(DashboardFilter filter, Set<LocalDate> rolled) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = filter.to().isAfter(today()) ? today() : filter.to();
        for (LocalDate day = filter.from(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!rolled.contains(day)) {
                days.add(day);
            }
        }
        return days;
    }

    /** Whether a row of a day counted live belongs to the filter's case type. */
    private static boolean ofType(DashboardFilter filter, String caseType) {
        return filter.caseType() == null || filter.caseType().name().equals(caseType);
    }

    /** One pass over the open tasks: per assignee ({@code ""} for none) how many, overdue, due today, at risk. */
    private Map<String, AnalystLoad> openTasks(DashboardFilter filter, Instant now) {
        TreeMap<String, AnalystLoad> open = new TreeMap<>();
        for (OpenTaskFigures.AssigneeCounts c : tasks.perAssignee(now, endOfToday(now), caseType(filter))) {
            String analyst = c.assignee();
            open.merge(analyst, new AnalystLoad(analyst, c.open(), c.overdue(), c.dueToday(), c.atRisk()),
                    (x, y) -> new AnalystLoad(analyst, x.open() + y.open(), x.overdue() + y.overdue(),
                            x.dueToday() + y.dueToday(), x.atRisk() + y.atRisk()));
        }
        return open;
    }

    /** First-round documents decided in the range and how many of them were approved. */
    private FirstRound firstRound(DashboardFilter filter, MapSqlParameterSource p, List<DailyRollup.Day> live) {
        FirstRound rolled = jdbc.queryForObject("SELECT SUM(r.first_round_decided) AS decided,"
                + " SUM(r.first_round_approved) AS approved FROM dashboard_daily_documents r"
                + " WHERE r.rollup_day >= :fromDay AND r.rollup_day <= :toDay" + typeCondition(filter, "r.case_type"), p,
                (rs, i) -> new FirstRound(rs.getLong("decided"), rs.getLong("approved")));
        return live.stream().flatMap(d -> d.documents().stream()).filter(d -> ofType(filter, d.caseType()))
                .reduce(rolled, (sum, d) -> new FirstRound(sum.decided() + d.decided(), sum.approved() + d.approved()),
                        (x, y) -> new FirstRound(x.decided() + y.decided(), x.approved() + y.approved()));
    }

    /** Documents decided in the range that were the first of their kind decided in their case, with their case. */
    private static String firstRoundDocuments(DashboardFilter filter) {
        return " FROM case_document d JOIN case_file c ON c.id = d.case_id"
                + " WHERE d.decided_at >= :from AND d.decided_at < :to AND d.first_round = TRUE" + typeCondition(filter);
    }

    private List<Stage> stages(DashboardFilter filter, MapSqlParameterSource p, String type) {
        List<Stage> stages = new ArrayList<>();
        long notTriaged = cases.notTriaged(caseType(filter));
        if (notTriaged > 0) {
            stages.add(new Stage("NOT_TRIAGED", "Not triaged yet", notTriaged));
        }
        Long waiting = jdbc.queryForObject("SELECT COUNT(DISTINCT w.case_reference) FROM sla_client_wait w"
                + " JOIN case_file c ON c.reference = w.case_reference"
                + " WHERE w.ended_at IS NULL AND c.status <> 'CLOSED'" + type, p, Long.class);
        if (waiting != null && waiting > 0) {
            stages.add(new Stage("WAITING_FOR_CLIENT", "Waiting for the client", waiting));
        }
        tasks.casesPerStep(caseType(filter))
                .forEach(step -> stages.add(new Stage("task:" + step.taskKey(), step.name(), step.cases())));
        return stages;
    }

    private List<Week> weeks(DashboardFilter filter, MapSqlParameterSource p, List<DailyRollup.Day> live) {
        TreeMap<LocalDate, Week> weeks = new TreeMap<>();
        for (LocalDate w = monday(filter.from()); !w.isAfter(filter.to()); w = w.plusWeeks(1)) {
            weeks.put(w, new Week(w, 0, 0, 0));
        }
        jdbc.query("SELECT r.rollup_day, SUM(r.completed) AS completed, SUM(r.with_due_date) AS with_due,"
                + " SUM(r.breached) AS breached FROM dashboard_daily_tasks r"
                + " WHERE r.rollup_day >= :fromDay AND r.rollup_day <= :toDay" + typeCondition(filter, "r.case_type")
                + " GROUP BY r.rollup_day", p, rs -> {
                    add(weeks, rs.getObject("rollup_day", LocalDate.class), rs.getLong("completed"),
                            rs.getLong("with_due"), rs.getLong("breached"));
                });
        for (DailyRollup.Day d : live) {
            d.tasks().stream().filter(t -> ofType(filter, t.caseType()))
                    .forEach(t -> add(weeks, d.day(), t.completed(), t.withDueDate(), t.breached()));
        }
        return List.copyOf(weeks.values());
    }

    private static void add(TreeMap<LocalDate, Week> weeks, LocalDate day, long completed, long withDue,
            long breached) {
        weeks.computeIfPresent(monday(day), (monday, w) -> new Week(monday, w.completed() + completed,
                w.withDueDate() + withDue, w.breached() + breached));
    }

    /**
     * Median and 90th percentile of the time to resolution per case type, from the daily counts per quarter-hour
     * bucket (rolled-up days) and the cases closed on the days not rolled up (today), interpolated as SQL's
     * {@code PERCENTILE_CONT} does.
     */
    private List<Resolution> resolution(DashboardFilter filter, MapSqlParameterSource p, List<DailyRollup.Day> live) {
        Map<String, TreeMap<Long, Long>> buckets = new TreeMap<>();
        jdbc.query("SELECT r.case_type, r.bucket_minutes, SUM(r.cases) AS cases FROM dashboard_daily_resolution r"
                + " WHERE r.rollup_day >= :fromDay AND r.rollup_day <= :toDay" + typeCondition(filter, "r.case_type")
                + " GROUP BY r.case_type, r.bucket_minutes", p, rs -> {
                    buckets.computeIfAbsent(rs.getString("case_type"), k -> new TreeMap<>())
                            .merge(rs.getLong("bucket_minutes"), rs.getLong("cases"), Long::sum);
                });
        live.stream().flatMap(d -> d.resolutions().stream()).filter(r -> ofType(filter, r.caseType()))
                .forEach(r -> buckets.computeIfAbsent(r.caseType(), k -> new TreeMap<>())
                        .merge(r.bucketMinutes(), r.cases(), Long::sum));
        List<Resolution> result = new ArrayList<>();
        buckets.forEach((caseType, counts) -> {
            long n = counts.values().stream().mapToLong(Long::longValue).sum();
            result.add(new Resolution(CaseType.valueOf(caseType), n, percentile(counts, n, 0.5) / 60.0,
                    percentile(counts, n, 0.9) / 60.0));
        });
        return result;
    }

    /** The p-th percentile (continuous, as SQL's PERCENTILE_CONT) of values given as counts per value. */
    static double percentile(TreeMap<Long, Long> counts, long n, double p) {
        double position = p * (n - 1);
        long lower = (long) Math.floor(position);
        long upper = (long) Math.ceil(position);
        double low = valueAt(counts, lower);
        double high = valueAt(counts, upper);
        return low + (position - lower) * (high - low);
    }

    private static double valueAt(TreeMap<Long, Long> counts, long index) {
        long seen = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (index < seen) {
                return e.getKey();
            }
        }
        return counts.lastKey();
    }

    /** Tasks completed in the range per analyst: the daily rollup and the days counted live. */
    private Map<String, Long> completedPerAnalyst(DashboardFilter filter, MapSqlParameterSource p,
            List<DailyRollup.Day> live) {
        Map<String, Long> completed = new TreeMap<>();
        jdbc.query("SELECT r.assignee, SUM(r.completed) AS completed FROM dashboard_daily_tasks r"
                + " WHERE r.rollup_day >= :fromDay AND r.rollup_day <= :toDay AND r.assignee <> ''"
                + typeCondition(filter, "r.case_type") + " GROUP BY r.assignee", p, rs -> {
                    completed.merge(rs.getString("assignee"), rs.getLong("completed"), Long::sum);
                });
        live.stream().flatMap(d -> d.tasks().stream())
                .filter(t -> !t.assignee().isEmpty() && ofType(filter, t.caseType()))
                .forEach(t -> completed.merge(t.assignee(), t.completed(), Long::sum));
        return completed;
    }

    private static List<Workload> workload(Map<String, AnalystLoad> open, Map<String, Long> completed) {
        TreeMap<String, Workload> byAnalyst = new TreeMap<>();
        open.forEach((analyst, load) -> byAnalyst.put(analyst, new Workload(analyst, load.open(), load.overdue(), 0)));
        completed.forEach((analyst, n) -> byAnalyst.merge(analyst, new Workload(analyst, 0, 0, n),
                (x, y) -> new Workload(analyst, x.open(), x.overdue(), x.completed() + y.completed())));
        return List.copyOf(byAnalyst.values());
    }

    private List<EscalationCount> escalations(MapSqlParameterSource p, String type) {
        return jdbc.query("SELECT x.level, COUNT(*) AS n FROM sla_escalation x"
                + (type.isEmpty() ? "" : " JOIN case_file c ON c.reference = x.case_reference")
                + " WHERE x.at >= :from AND x.at < :to" + type + " GROUP BY x.level ORDER BY x.level", p,
                (rs, i) -> new EscalationCount(rs.getString("level"), rs.getLong("n")));
    }

    /** The tasks, cases or documents behind one number (at most {@link #DRILL_LIMIT}). */
    @Transactional(readOnly = true)
    public List<DrillDown.Row> drill(DrillDown.Figure figure, String key, DashboardFilter filter) {
        Instant now = clock.instant();
        String who = key == null ? "" : key;
        String type = typeCondition(filter);
        return switch (figure) {
            case OVERDUE -> openTasks(OpenTaskFigures.Which.OVERDUE, null, null, filter, now);
            case DUE_TODAY -> openTasks(OpenTaskFigures.Which.DUE_TODAY, null, null, filter, now);
            case ABOUT_TO_BREACH -> openTasks(OpenTaskFigures.Which.AT_RISK, null, null, filter, now);
            case ANALYST_OVERDUE -> openTasks(OpenTaskFigures.Which.OVERDUE, who, null, filter, now);
            case ANALYST_AT_RISK -> openTasks(OpenTaskFigures.Which.AT_RISK, who, null, filter, now);
            case WORKLOAD -> openTasks(OpenTaskFigures.Which.ALL, who, null, filter, now);
            case STAGE -> key != null && key.startsWith("task:")
                    ? openTasks(OpenTaskFigures.Which.ALL, null, key.substring("task:".length()), filter, now)
                    : "NOT_TRIAGED".equals(key) ? caseRows(cases.notTriagedCases(caseType(filter), DRILL_LIMIT))
                    : rows(stageSql(key, filter), key, filter, now);
            case BREACHES -> {
                LocalDate monday = parseDay(key);
                yield taskRows(tasks.completedLate(monday.atStartOfDay(zone).toInstant(),
                        monday.plusWeeks(1).atStartOfDay(zone).toInstant(), caseType(filter), DRILL_LIMIT));
            }
            case ESCALATIONS -> rows("SELECT c.reference, c.type, x.task_name AS what, NULL AS who, x.at AS at_time,"
                    + " NULL AS task_id FROM sla_escalation x JOIN case_file c ON c.reference = x.case_reference"
                    + " WHERE x.at >= :from AND x.at < :to" + (key == null || key.isEmpty() ? "" : " AND x.level = :key")
                    + type + " ORDER BY x.at DESC", key, filter, now);
            case OPEN_CASES -> caseRows(cases.openCases(caseType(filter), DRILL_LIMIT));
            case RESOLVED -> filter.caseType() != null && !filter.caseType().name().equals(key) ? List.of()
                    : caseRows(cases.closed(filter.from().atStartOfDay(zone).toInstant(),
                            filter.to().plusDays(1).atStartOfDay(zone).toInstant(), key, DRILL_LIMIT));
            case FIRST_ROUND_REJECTED -> rows("SELECT c.reference, c.type, d.kind AS what, d.decided_by AS who,"
                    + " d.decided_at AS at_time, NULL AS task_id" + firstRoundDocuments(filter)
                    + " AND d.status = 'REJECTED' ORDER BY d.decided_at DESC", key, filter, now);
            case SCREENING_OPEN_HITS -> screeningRows();
        };
    }

    /**
     * The open cases with screening hits waiting for a reviewer, of every case type (as the screening's own count),
     * the longest waiting first: how many wait for a decision and for the second reviewer, since when, and the open
     * screening task to work them (the Screening process's review or confirmation, from the SLA task records).
     */
    private List<DrillDown.Row> screeningRows() {
        return jdbc.query("SELECT c.reference, c.type,"
                + " SUM(CASE WHEN h.status = 'UNDECIDED' THEN 1 ELSE 0 END) AS undecided,"
                + " SUM(CASE WHEN h.status = 'AWAITING_CONFIRMATION' THEN 1 ELSE 0 END) AS unconfirmed,"
                + " MIN(h.found_at) AS at_time,"
                + " (SELECT MIN(t.id) FROM sla_open_task t WHERE t.case_reference = c.reference"
                + " AND t.task_key IN (:reviewTask, :confirmTask)) AS task_id"
                + " FROM screening_hit h JOIN case_file c ON c.id = h.case_id"
                + " WHERE h.status IN ('UNDECIDED', 'AWAITING_CONFIRMATION') AND c.status <> 'CLOSED'"
                + " GROUP BY c.reference, c.type ORDER BY at_time, c.reference LIMIT " + DRILL_LIMIT,
                new MapSqlParameterSource("reviewTask", ScreeningProcess.TASK_REVIEW_HITS)
                        .addValue("confirmTask", ScreeningProcess.TASK_CONFIRM_MATCH), (rs, i) -> {
                    long undecided = rs.getLong("undecided");
                    long unconfirmed = rs.getLong("unconfirmed");
                    String what = (undecided > 0 ? undecided + " to review" : "")
                            + (undecided > 0 && unconfirmed > 0 ? ", " : "")
                            + (unconfirmed > 0 ? unconfirmed + " true match" + (unconfirmed == 1 ? "" : "es")
                                    + " to confirm" : "");
                    Timestamp at = rs.getTimestamp("at_time");
                    return new DrillDown.Row(rs.getString("reference"), rs.getString("type"),
                            "Screening hits: " + what, "", at == null ? null : at.toInstant(),
                            rs.getString("task_id"));
                });
    }

    /** The rows of a drill-down query over cases, documents and escalations. */
    private List<DrillDown.Row> rows(String sql, String key, DashboardFilter filter, Instant now) {
        MapSqlParameterSource p = params(filter, now).addValue("key", key == null ? "" : key);
        return jdbc.query(sql + " LIMIT " + DRILL_LIMIT, p, (rs, i) -> {
            Timestamp at = rs.getTimestamp("at_time");
            return new DrillDown.Row(rs.getString("reference"), rs.getString("type"), rs.getString("what"),
                    rs.getString("who") == null ? "" : rs.getString("who"), at == null ? null : at.toInstant(),
                    rs.getString("task_id"));
        });
    }

    private List<DrillDown.Row> openTasks(OpenTaskFigures.Which which, String assignee, String taskKey,
            DashboardFilter filter, Instant now) {
        return taskRows(tasks.open(which, assignee, taskKey, now, endOfToday(now), caseType(filter), DRILL_LIMIT));
    }

    private static List<DrillDown.Row> caseRows(List<CaseFigures.CaseRow> rows) {
        return rows.stream().map(c -> new DrillDown.Row(c.reference(), c.type(), c.client(), "", c.at(), null)).toList();
    }

    private static List<DrillDown.Row> taskRows(List<OpenTaskFigures.TaskRow> rows) {
        return rows.stream().map(t -> new DrillDown.Row(t.caseReference(), t.caseType(), t.name(),
                t.assignee() == null ? "" : t.assignee(), t.at(), t.taskId())).toList();
    }

    /** The cases waiting for the client (the one stage that is neither a task nor a case status). */
    private String stageSql(String key, DashboardFilter filter) {
        String type = typeCondition(filter);
        if ("WAITING_FOR_CLIENT".equals(key)) {
            return "SELECT c.reference, c.type, c.client_full_name AS what, NULL AS who, c.created_at AS at_time,"
                    + " NULL AS task_id FROM case_file c WHERE c.status <> 'CLOSED' AND EXISTS (SELECT 1 FROM sla_client_wait w"
                    + " WHERE w.case_reference = c.reference AND w.ended_at IS NULL)" + type + " ORDER BY c.created_at";
        }
        throw new InvalidInputException("key", "Unknown stage.");
    }

    private static LocalDate parseDay(String key) {
        try {
            return LocalDate.parse(key);
        } catch (RuntimeException e) {
            throw new InvalidInputException("key", "Give the week's Monday as an ISO date (2026-11-23).");
        }
    }

    private MapSqlParameterSource params(DashboardFilter filter, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("now", ts(now))
                .addValue("endOfToday", ts(today.plusDays(1).atStartOfDay(zone).toInstant()))
                .addValue("from", ts(filter.from().atStartOfDay(zone).toInstant()))
                .addValue("to", ts(filter.to().plusDays(1).atStartOfDay(zone).toInstant()))
                .addValue("fromDay", filter.from())
                .addValue("toDay", filter.to());
        if (filter.caseType() != null) {
            p.addValue("caseType", filter.caseType().name());
        }
        return p;
    }

    private static String caseType(DashboardFilter filter) {
        return filter.caseType() == null ? null : filter.caseType().name();
    }

    private Instant endOfToday(Instant now) {
        return LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static String typeCondition(DashboardFilter filter) {
        return typeCondition(filter, "c.type");
    }

    private static String typeCondition(DashboardFilter filter, String column) {
        return filter.caseType() == null ? "" : " AND " + column + " = :caseType";
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
