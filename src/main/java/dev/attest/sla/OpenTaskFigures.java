package dev.attest.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-only aggregates and lists over the SLA module's task records ({@code sla_open_task}, {@code sla_ended_task}),
 * for read models such as the manager's dashboard: the one place outside the records' writers that knows their
 * tables. Each method is one query. It checks no role: its callers do (the dashboard is for managers), and they may
 * call it from threads of their own.
 */
@Component
public class OpenTaskFigures {

    /** Open task records; the case type condition follows. */
    private static final String OPEN = " FROM sla_open_task t WHERE t.case_reference IS NOT NULL";

    /** The columns of a task row. */
    private static final String ROW = "SELECT t.case_reference, t.case_type, t.name, t.assignee";

    private final NamedParameterJdbcTemplate jdbc;

    OpenTaskFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Open tasks of one assignee.
     *
     * @param assignee the username, or {@code ""} for tasks nobody has claimed
     * @param open how many
     * @param overdue of those, past their due date
     * @param dueToday of those, due from now to the end of today
     * @param atRisk of those, past their follow-up (warning) date and not yet due
     */
    public record AssigneeCounts(String assignee, long open, long overdue, long dueToday, long atRisk) {
    }

    /**
     * Cases with an open task of one type.
     *
     * @param taskKey the task's definition key
     * @param name its name
     * @param cases how many cases
     */
    public record StepCount(String taskKey, String name, long cases) {
    }

    /**
     * One task.
     *
     * @param caseReference its case
     * @param caseType the case's type
     * @param name the task's name
     * @param assignee its assignee, or {@code null}
     * @param at its due date (open tasks) or when it was completed (completed tasks)
     * @param taskId the open task's id, or {@code null} for a completed one
     */
    public record TaskRow(String caseReference, String caseType, String name, String assignee, Instant at,
            String taskId) {
    }

    /** Which open tasks {@link #open} lists. */
    public enum Which {
        /** Past their due date. */
        OVERDUE,
        /** Due from now to the end of today. */
        DUE_TODAY,
        /** Past their follow-up (warning) date, not yet due. */
        AT_RISK,
        /** All. */
        ALL
    }

    /** Open tasks per assignee, of one case type or all ({@code null}). */
    public List<AssigneeCounts> perAssignee(Instant now, Instant endOfToday, String caseType) {
        return jdbc.query("SELECT t.assignee AS analyst, COUNT(*) AS open_tasks,"
                + " SUM(CASE WHEN t.due_at < :now THEN 1 ELSE 0 END) AS overdue,"
                + " SUM(CASE WHEN t.due_at >= :now AND t.due_at < :endOfToday THEN 1 ELSE 0 END) AS due_today,"
                + " SUM(CASE WHEN t.follow_up_at <= :now AND t.due_at >= :now THEN 1 ELSE 0 END) AS warned"
                + OPEN + type(caseType) + " GROUP BY t.assignee", params(now, endOfToday, caseType),
                (rs, i) -> new AssigneeCounts(rs.getString("analyst") == null ? "" : rs.getString("analyst"),
                        rs.getLong("open_tasks"), rs.getLong("overdue"), rs.getLong("due_today"), rs.getLong("warned")));
    }

    /** Cases per type of open task, the most first, of one case type or all ({@code null}). */
    public List<StepCount> casesPerStep(String caseType) {
        return jdbc.query("SELECT t.task_key AS task_key, MIN(t.name) AS name, MAX(t.name) AS other_name,"
                + " COUNT(DISTINCT t.case_reference) AS cases"
                + OPEN + type(caseType) + " GROUP BY t.task_key ORDER BY cases DESC, name",
                params(null, null, caseType),
                (rs, i) -> new StepCount(rs.getString("task_key"),
                        stageName(rs.getString("task_key"), rs.getString("name"), rs.getString("other_name")),
                        rs.getLong("cases")));
    }

    /**
     * A step's name for all its tasks: their name when they share one; otherwise (tasks named by what they are
     * about, like "Review passport (round 2)") the step's id in words ({@code Task_ReviewDocument}: "Review
     * document"), never one task's name standing for all of them.
     */
    static String stageName(String taskKey, String name, String otherName) {
        if (name == null || name.equals(otherName) || taskKey == null) {
            return name;
        }
        String id = taskKey.startsWith("Task_") ? taskKey.substring("Task_".length()) : taskKey;
        String words = id.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').strip();
        return words.isEmpty() ? name
                : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1).toLowerCase(Locale.ROOT);
    }

    /**
     * Open tasks, the earliest due first.
     *
     * @param which which of them
     * @param assignee only this assignee's ({@code ""} for unclaimed tasks), or all with {@code null}
     * @param taskKey only tasks of this type, or all with {@code null}
     * @param caseType only cases of this type, or all with {@code null}
     * @param limit at most this many
     */
    public List<TaskRow> open(Which which, String assignee, String taskKey, Instant now, Instant endOfToday,
            String caseType, int limit) {
        MapSqlParameterSource p = params(now, endOfToday, caseType).addValue("assignee", assignee)
                .addValue("taskKey", taskKey);
        String condition = switch (which) {
            case OVERDUE -> " AND t.due_at < :now";
            case DUE_TODAY -> " AND t.due_at >= :now AND t.due_at < :endOfToday";
            case AT_RISK -> " AND t.follow_up_at <= :now AND t.due_at >= :now";
            case ALL -> "";
        };
        String who = assignee == null ? "" : assignee.isEmpty() ? " AND t.assignee IS NULL" : " AND t.assignee = :assignee";
        String step = taskKey == null ? "" : " AND t.task_key = :taskKey";
        return jdbc.query(ROW + ", t.due_at AS at_time, t.id AS task_id" + OPEN + step + who + condition
                + type(caseType) + " ORDER BY t.due_at LIMIT " + limit, p, ROWS);
    }

    /** Tasks completed after their due date in {@code [from, to)}, in the order they were completed. */
    public List<TaskRow> completedLate(Instant from, Instant to, String caseType, int limit) {
        MapSqlParameterSource p = params(null, null, caseType).addValue("from", Timestamp.from(from))
                .addValue("to", Timestamp.from(to));
        return jdbc.query(ROW + ", t.ended_at AS at_time, NULL AS task_id FROM sla_ended_task t"
                + " WHERE t.outcome = 'completed' AND t.ended_at >= :from AND t.ended_at < :to"
                + " AND t.ended_at > t.due_at" + type(caseType) + " ORDER BY t.ended_at LIMIT " + limit, p, ROWS);
    }

    private static final RowMapper<TaskRow> ROWS = (rs, i) -> {
        Timestamp at = rs.getTimestamp("at_time");
        return new TaskRow(rs.getString("case_reference"), rs.getString("case_type"), rs.getString("name"),
                rs.getString("assignee"), at == null ? null : at.toInstant(), rs.getString("task_id"));
    };

    private static MapSqlParameterSource params(Instant now, Instant endOfToday, String caseType) {
        return new MapSqlParameterSource().addValue("now", now == null ? null : Timestamp.from(now))
                .addValue("endOfToday", endOfToday == null ? null : Timestamp.from(endOfToday))
                .addValue("caseType", caseType);
    }

    private static String type(String caseType) {
        return caseType == null ? "" : " AND t.case_type = :caseType";
    }
}
