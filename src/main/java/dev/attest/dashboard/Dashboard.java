package dev.attest.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.cases.CaseType;
import dev.attest.dashboard.DashboardFigures.EscalationCount;
import dev.attest.dashboard.DashboardFigures.Resolution;
import dev.attest.dashboard.DashboardFigures.Stage;
import dev.attest.dashboard.DashboardFigures.Week;
import dev.attest.dashboard.DashboardFigures.Workload;
import dev.attest.dashboard.internal.DailyRollup;
import dev.attest.identity.Role;
import dev.attest.sla.BusinessCalendar;
import dev.attest.validation.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;

/**
 * The manager's SLA dashboard. Every figure is one aggregate query; completed tasks per week come from the
 * daily rollup for days that are over and from the task history for today. Managers only.
 */
@Service
@RolesAllowed(Role.Names.MANAGER)
public class Dashboard {

    /** The most rows a drill-down lists. */
    public static final int DRILL_LIMIT = 200;

    /** Open tasks joined to their open case (the sub-processes carry the case reference as business key). */
    private static final String OPEN_TASKS = """
            FROM ACT_RU_TASK t
            JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_
            JOIN case_file c ON c.reference = e.BUSINESS_KEY_
            WHERE t.SUSPENSION_STATE_ = 1
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final DailyRollup rollup;
    private final ZoneId zone;
    private final Clock clock;

    Dashboard(NamedParameterJdbcTemplate jdbc, DailyRollup rollup, BusinessCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.zone = calendar.zone();
        this.clock = clock;
    }

    /** Today in Attest's time zone (the default range ends here). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** All figures for the filter. */
    @Transactional(readOnly = true)
    public DashboardFigures figures(DashboardFilter filter) {
        Instant now = clock.instant();
        MapSqlParameterSource p = params(filter, now);
        String type = typeCondition(filter);

        Map<String, Long> tasksNow = new HashMap<>();
        jdbc.query("SELECT SUM(CASE WHEN t.DUE_DATE_ < :now THEN 1 ELSE 0 END) AS overdue,"
                + " SUM(CASE WHEN t.DUE_DATE_ >= :now AND t.DUE_DATE_ < :endOfToday THEN 1 ELSE 0 END) AS due_today,"
                + " SUM(CASE WHEN t.FOLLOW_UP_DATE_ <= :now AND t.DUE_DATE_ >= :now THEN 1 ELSE 0 END) AS warned "
                + OPEN_TASKS + type, p, rs -> {
                    tasksNow.put("overdue", rs.getLong("overdue"));
                    tasksNow.put("dueToday", rs.getLong("due_today"));
                    tasksNow.put("warned", rs.getLong("warned"));
                });

        long[] firstRound = new long[2];
        jdbc.query("SELECT COUNT(*) AS decided, SUM(CASE WHEN d.status = 'APPROVED' THEN 1 ELSE 0 END) AS approved "
                + FIRST_ROUND_DOCUMENTS + type, p, rs -> {
                    firstRound[0] = rs.getLong("decided");
                    firstRound[1] = rs.getLong("approved");
                });

        return new DashboardFigures(stages(p, type), tasksNow.getOrDefault("overdue", 0L),
                tasksNow.getOrDefault("dueToday", 0L), tasksNow.getOrDefault("warned", 0L), weeks(filter, p, type),
                resolution(p, type), workload(filter, p, type), escalations(p, type), firstRound[0], firstRound[1]);
    }

    private static final String FIRST_ROUND_DOCUMENTS = """
            FROM case_document d
            JOIN case_file c ON c.id = d.case_id
            WHERE d.decided_at >= :from AND d.decided_at < :to AND d.status IN ('APPROVED', 'REJECTED')
              AND NOT EXISTS (SELECT 1 FROM case_document e
                              WHERE e.case_id = d.case_id AND e.kind = d.kind AND e.uploaded_at < d.uploaded_at)
            """;

    private List<Stage> stages(MapSqlParameterSource p, String type) {
        List<Stage> stages = new ArrayList<>();
        Long notTriaged = jdbc.queryForObject("SELECT COUNT(*) FROM case_file c WHERE c.status = 'OPEN'" + type, p,
                Long.class);
        if (notTriaged != null && notTriaged > 0) {
            stages.add(new Stage("NOT_TRIAGED", "Not triaged yet", notTriaged));
        }
        Long waiting = jdbc.queryForObject("SELECT COUNT(DISTINCT w.case_reference) FROM sla_client_wait w"
                + " JOIN case_file c ON c.reference = w.case_reference"
                + " WHERE w.ended_at IS NULL AND c.status <> 'CLOSED'" + type, p, Long.class);
        if (waiting != null && waiting > 0) {
            stages.add(new Stage("WAITING_FOR_CLIENT", "Waiting for the client", waiting));
        }
        stages.addAll(jdbc.query("SELECT t.TASK_DEF_KEY_ AS task_key, MIN(t.NAME_) AS name,"
                + " COUNT(DISTINCT c.reference) AS cases " + OPEN_TASKS + " AND c.status <> 'CLOSED'" + type
                + " GROUP BY t.TASK_DEF_KEY_ ORDER BY cases DESC, name",
                p, (rs, i) -> new Stage("task:" + rs.getString("task_key"), rs.getString("name"), rs.getLong("cases"))));
        return stages;
    }

    private List<Week> weeks(DashboardFilter filter, MapSqlParameterSource p, String type) {
        rollup.rollUp(filter.from(), filter.to());
        Set<LocalDate> rolled = rollup.rolledDays(filter.from(), filter.to());
        TreeMap<LocalDate, long[]> weeks = new TreeMap<>();
        for (LocalDate w = monday(filter.from()); !w.isAfter(filter.to()); w = w.plusWeeks(1)) {
            weeks.put(w, new long[3]);
        }
        jdbc.query("SELECT r.rollup_day, SUM(r.completed) AS completed, SUM(r.with_due_date) AS with_due,"
                + " SUM(r.breached) AS breached FROM dashboard_daily_tasks r"
                + " WHERE r.rollup_day >= :fromDay AND r.rollup_day <= :toDay" + typeCondition(filter, "r.case_type")
                + " GROUP BY r.rollup_day", p, rs -> {
                    add(weeks, rs.getObject("rollup_day", LocalDate.class), rs);
                });
        // days of the range not rolled up (today, or days the nightly run has not reached): counted live
        LocalDate last = filter.to().isAfter(today()) ? today() : filter.to();
        for (LocalDate day = filter.from(); !day.isAfter(last); day = day.plusDays(1)) {
            if (rolled.contains(day)) {
                continue;
            }
            LocalDate liveDay = day;
            MapSqlParameterSource live = new MapSqlParameterSource(p.getValues())
                    .addValue("dayStart", ts(day.atStartOfDay(zone).toInstant()))
                    .addValue("dayEnd", ts(day.plusDays(1).atStartOfDay(zone).toInstant()));
            jdbc.query("SELECT COUNT(*) AS completed, SUM(CASE WHEN t.DUE_DATE_ IS NULL THEN 0 ELSE 1 END) AS with_due,"
                    + " SUM(CASE WHEN t.END_TIME_ > t.DUE_DATE_ THEN 1 ELSE 0 END) AS breached " + COMPLETED_TASKS
                    + " AND t.END_TIME_ >= :dayStart AND t.END_TIME_ < :dayEnd" + type, live,
                    rs -> {
                        add(weeks, liveDay, rs);
                    });
        }
        return weeks.entrySet().stream()
                .map(e -> new Week(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }

    private static final String COMPLETED_TASKS = """
            FROM ACT_HI_TASKINST t
            JOIN ACT_HI_PROCINST pi ON pi.ID_ = t.ROOT_PROC_INST_ID_
            JOIN case_file c ON c.reference = pi.BUSINESS_KEY_
            WHERE t.DELETE_REASON_ = 'completed'
            """;

    private static void add(TreeMap<LocalDate, long[]> weeks, LocalDate day, ResultSet rs) throws SQLException {
        long[] w = weeks.get(monday(day));
        if (w != null) {
            w[0] += rs.getLong("completed");
            w[1] += rs.getLong("with_due");
            w[2] += rs.getLong("breached");
        }
    }

    private List<Resolution> resolution(MapSqlParameterSource p, String type) {
        return jdbc.query("SELECT c.type, COUNT(*) AS cases,"
                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY c.working_minutes) AS median,"
                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY c.working_minutes) AS p90"
                + " FROM case_file c WHERE c.closed_at >= :from AND c.closed_at < :to AND c.working_minutes IS NOT NULL"
                + type + " GROUP BY c.type ORDER BY c.type", p,
                (rs, i) -> new Resolution(CaseType.valueOf(rs.getString("type")), rs.getLong("cases"),
                        rs.getDouble("median") / 60.0, rs.getDouble("p90") / 60.0));
    }

    private List<Workload> workload(DashboardFilter filter, MapSqlParameterSource p, String type) {
        TreeMap<String, long[]> byAnalyst = new TreeMap<>();
        jdbc.query("SELECT COALESCE(t.ASSIGNEE_, '') AS analyst, COUNT(*) AS open_tasks,"
                + " SUM(CASE WHEN t.DUE_DATE_ < :now THEN 1 ELSE 0 END) AS overdue " + OPEN_TASKS + type
                + " GROUP BY COALESCE(t.ASSIGNEE_, '')", p, rs -> {
                    long[] w = byAnalyst.computeIfAbsent(rs.getString("analyst"), k -> new long[3]);
                    w[0] = rs.getLong("open_tasks");
                    w[1] = rs.getLong("overdue");
                });
        jdbc.query("SELECT r.assignee, SUM(r.completed) AS completed FROM dashboard_daily_tasks r"
                + " WHERE r.rollup_day >= :fromDay AND r.rollup_day <= :toDay AND r.assignee <> ''"
                + typeCondition(filter, "r.case_type") + " GROUP BY r.assignee", p, rs -> {
                    byAnalyst.computeIfAbsent(rs.getString("assignee"), k -> new long[3])[2] += rs.getLong("completed");
                });
        LocalDate today = today();
        if (!today.isBefore(filter.from()) && !today.isAfter(filter.to())) {
            jdbc.query("SELECT t.ASSIGNEE_ AS analyst, COUNT(*) AS completed " + COMPLETED_TASKS
                    + " AND t.END_TIME_ >= :startOfToday AND t.ASSIGNEE_ IS NOT NULL" + type
                    + " GROUP BY t.ASSIGNEE_", p, rs -> {
                        byAnalyst.computeIfAbsent(rs.getString("analyst"), k -> new long[3])[2] += rs.getLong("completed");
                    });
        }
        return byAnalyst.entrySet().stream()
                .map(e -> new Workload(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }

    private List<EscalationCount> escalations(MapSqlParameterSource p, String type) {
        return jdbc.query("SELECT x.level, COUNT(*) AS n FROM sla_escalation x"
                + " JOIN case_file c ON c.reference = x.case_reference"
                + " WHERE x.at >= :from AND x.at < :to" + type + " GROUP BY x.level ORDER BY x.level", p,
                (rs, i) -> new EscalationCount(rs.getString("level"), rs.getLong("n")));
    }

    /** The tasks, cases or documents behind one number (at most {@link #DRILL_LIMIT}). */
    @Transactional(readOnly = true)
    public List<DrillDown.Row> drill(DrillDown.Figure figure, String key, DashboardFilter filter) {
        MapSqlParameterSource p = params(filter, clock.instant()).addValue("key", key == null ? "" : key);
        String type = typeCondition(filter);
        String openTask = "SELECT c.reference, c.type, t.NAME_ AS what, t.ASSIGNEE_ AS who, t.DUE_DATE_ AS at_time,"
                + " t.ID_ AS task_id " + OPEN_TASKS + type;
        String sql = switch (figure) {
            case OVERDUE -> openTask + " AND t.DUE_DATE_ < :now ORDER BY t.DUE_DATE_";
            case DUE_TODAY -> openTask + " AND t.DUE_DATE_ >= :now AND t.DUE_DATE_ < :endOfToday ORDER BY t.DUE_DATE_";
            case ABOUT_TO_BREACH -> openTask + " AND t.FOLLOW_UP_DATE_ <= :now AND t.DUE_DATE_ >= :now ORDER BY t.DUE_DATE_";
            case WORKLOAD -> openTask + (p.getValue("key").equals("") ? " AND t.ASSIGNEE_ IS NULL"
                    : " AND t.ASSIGNEE_ = :key") + " ORDER BY t.DUE_DATE_";
            case STAGE -> stageSql(key, type, p);
            case ESCALATIONS -> "SELECT c.reference, c.type, x.task_name AS what, NULL AS who, x.at AS at_time,"
                    + " NULL AS task_id FROM sla_escalation x JOIN case_file c ON c.reference = x.case_reference"
                    + " WHERE x.at >= :from AND x.at < :to AND x.level = :key" + type + " ORDER BY x.at DESC";
            case BREACHES -> {
                LocalDate monday = parseDay(key);
                p.addValue("weekStart", ts(monday.atStartOfDay(zone).toInstant()))
                        .addValue("weekEnd", ts(monday.plusWeeks(1).atStartOfDay(zone).toInstant()));
                yield "SELECT c.reference, c.type, t.NAME_ AS what, t.ASSIGNEE_ AS who, t.END_TIME_ AS at_time,"
                        + " NULL AS task_id " + COMPLETED_TASKS + " AND t.END_TIME_ >= :weekStart AND t.END_TIME_ < :weekEnd"
                        + " AND t.END_TIME_ > t.DUE_DATE_" + type + " ORDER BY t.END_TIME_";
            }
            case RESOLVED -> "SELECT c.reference, c.type, c.client_full_name AS what, NULL AS who,"
                    + " c.closed_at AS at_time, NULL AS task_id FROM case_file c"
                    + " WHERE c.closed_at >= :from AND c.closed_at < :to AND c.type = :key" + type
                    + " ORDER BY c.working_minutes DESC";
            case FIRST_ROUND_REJECTED -> "SELECT c.reference, c.type, d.kind AS what, d.decided_by AS who,"
                    + " d.decided_at AS at_time, NULL AS task_id " + FIRST_ROUND_DOCUMENTS
                    + " AND d.status = 'REJECTED'" + type + " ORDER BY d.decided_at DESC";
        };
        return jdbc.query(sql + " LIMIT " + DRILL_LIMIT, p, (rs, i) -> {
            Timestamp at = rs.getTimestamp("at_time");
            return new DrillDown.Row(rs.getString("reference"), rs.getString("type"), rs.getString("what"),
                    rs.getString("who") == null ? "" : rs.getString("who"), at == null ? null : at.toInstant(),
                    rs.getString("task_id"));
        });
    }

    private String stageSql(String key, String type, MapSqlParameterSource p) {
        String cases = "SELECT c.reference, c.type, c.client_full_name AS what, NULL AS who, c.created_at AS at_time,"
                + " NULL AS task_id FROM case_file c";
        if ("NOT_TRIAGED".equals(key)) {
            return cases + " WHERE c.status = 'OPEN'" + type + " ORDER BY c.created_at";
        }
        if ("WAITING_FOR_CLIENT".equals(key)) {
            return cases + " WHERE c.status <> 'CLOSED' AND EXISTS (SELECT 1 FROM sla_client_wait w"
                    + " WHERE w.case_reference = c.reference AND w.ended_at IS NULL)" + type + " ORDER BY c.created_at";
        }
        if (key != null && key.startsWith("task:")) {
            p.addValue("taskKey", key.substring("task:".length()));
            return "SELECT c.reference, c.type, t.NAME_ AS what, t.ASSIGNEE_ AS who, t.DUE_DATE_ AS at_time,"
                    + " t.ID_ AS task_id " + OPEN_TASKS + " AND c.status <> 'CLOSED' AND t.TASK_DEF_KEY_ = :taskKey"
                    + type + " ORDER BY t.DUE_DATE_";
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
                .addValue("startOfToday", ts(today.atStartOfDay(zone).toInstant()))
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
