package dev.attest.worklist.internal.engine;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.worklist.TaskFilter;

/**
 * A filter's task list as one SQL query on Attest's record of the open tasks ({@code sla_open_task} and its candidate
 * groups, written by the engine's task listeners in the engine's own transaction, so never behind the engine): the
 * same tasks the engine's task query of the filter finds, in the list's order (priority, due date, creation; the task
 * id breaks ties so that pages follow one another), read by the index of that order so that a page stops after its
 * rows. Only lists and counts: claiming, completing and every other change go to the engine.
 */
final class OpenTaskList {

    private final StringBuilder where = new StringBuilder(" FROM sla_open_task t WHERE 1 = 1");
    private final List<Object> args = new ArrayList<>();

    private OpenTaskList() {
    }

    /**
     * The list of a filter for a user, or {@code null} when it can match nothing (group scope without groups).
     */
    static OpenTaskList of(TaskFilter filter, CurrentUser me, Clock clock, ZoneId zone) {
        filter.validate();
        OpenTaskList list = new OpenTaskList();
        Timestamp now = Timestamp.from(clock.instant());
        switch (filter.scope()) {
            case MINE -> {
                list.and("t.assignee = ?", me.username());
                if (filter.followUp() == null) { // a filter's own follow-up choice replaces the scope's default
                    list.and("(t.snoozed_until IS NULL OR t.snoozed_until < ?)", now);
                }
            }
            case SNOOZED -> {
                list.and("t.assignee = ?", me.username());
                list.and("t.snoozed_until > ?", now);
            }
            case GROUP -> {
                if (me.groups().isEmpty()) {
                    return null;
                }
                list.and("t.assignee IS NULL");
                list.and("EXISTS (SELECT 1 FROM sla_open_task_group g WHERE g.task_id = t.id AND g.group_id IN ("
                        + marks(me.groups().size()) + "))", me.groups().toArray());
            }
            case ALL -> {
                if (!me.has(Role.MANAGER)) {
                    throw new AccessDeniedException("Only managers see all open tasks");
                }
            }
        }
        if (filter.caseType() != null) {
            list.and("t.case_type = ?", filter.caseType().name());
        }
        if (filter.escalatedOnly()) {
            list.and("t.escalated = TRUE");
        }
        if (filter.dueFrom() != null) { // as the engine's dueAfter: strictly after one millisecond before the day
            list.and("t.due_at > ?", Timestamp.from(filter.dueFrom().atStartOfDay(zone).toInstant().minusMillis(1)));
        }
        if (filter.dueTo() != null) {
            list.and("t.due_at < ?", Timestamp.from(filter.dueTo().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (filter.priority() != null) {
            list.and("t.priority = ?", filter.priority().taskPriority());
        }
        if (filter.assignee() != null) {
            list.and("t.assignee = ?", filter.assignee());
        }
        if (filter.followUp() != null) {
            switch (filter.followUp()) {
                case INCLUDE_SNOOZED -> { }
                case HIDE_SNOOZED -> list.and("(t.snoozed_until IS NULL OR t.snoozed_until < ?)", now);
                case SNOOZED_ONLY -> list.and("t.snoozed_until > ?", now);
            }
        }
        if (filter.text() != null) {
            // the task's name, or its open case's reference or client, holds the text (any case): one column that
            // holds them all, lower-cased (TaskLog.SEARCH_TEXT), read by its trigrams on PostgreSQL
            String like = searchLike(filter.text());
            if (like != null) {
                list.and("t.search_text LIKE ? ESCAPE '\\'", like);
            }
        }
        return list;
    }

    /** The ids of one page of the list, in the list's order. */
    List<String> page(JdbcTemplate jdbc, int offset, int limit) {
        List<Object> all = new ArrayList<>(args);
        all.add(limit);
        all.add(offset);
        return jdbc.queryForList("SELECT t.id" + where
                + " ORDER BY t.priority DESC, t.due_at, t.created_at, t.id LIMIT ? OFFSET ?", String.class,
                all.toArray());
    }

    /** How many tasks the list has. */
    long count(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
    }

    /** How many tasks the list has, counting no further than {@code cap + 1}. */
    long countUpTo(JdbcTemplate jdbc, int cap) {
        List<Object> all = new ArrayList<>(args);
        all.add(cap + 1);
        return jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT t.id" + where + " LIMIT ?) capped", Long.class,
                all.toArray());
    }

    /**
     * The LIKE pattern of a search text: lower-cased, without the characters LIKE would read as wildcards or escapes
     * (as the case search always treated them), or {@code null} when nothing is left to look for.
     */
    static String searchLike(String text) {
        String plain = text.strip().toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "");
        return plain.isEmpty() ? null : "%" + plain + "%";
    }

    private void and(String condition, Object... values) {
        where.append(" AND ").append(condition);
        Collections.addAll(args, values);
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
