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

    /**
     * How many matches of a text filter are gathered without order before the list falls back to reading its order's
     * index ({@link #page}).
     */
    static final int TEXT_MATCHES_GATHERED = 1000;

    /** The list's order: priority, due date, creation; the id breaks ties so that pages follow one another. */
    private static final String ORDER = " ORDER BY t.priority DESC, t.due_at, t.created_at, t.id";

    private final StringBuilder where = new StringBuilder(" FROM sla_open_task t WHERE 1 = 1");
    private final List<Object> args = new ArrayList<>();
    /** Whether a text filter's matches are gathered first ({@link #page}). */
    private boolean gather;

    private OpenTaskList() {
    }

    /**
     * The list of a filter for a user, or {@code null} when it can match nothing (group scope without groups).
     * {@code noTextIndex}: the database has no index for a text inside a column (H2; PostgreSQL has trigrams), so a
     * text filter's matches are gathered in one pass over the table before they are ordered ({@link #page}).
     */
    static OpenTaskList of(TaskFilter filter, CurrentUser me, Clock clock, ZoneId zone, boolean noTextIndex) {
        filter.validate();
        OpenTaskList list = new OpenTaskList();
        Timestamp now = Timestamp.from(clock.instant());
        String like = filter.text() == null ? null : searchLike(filter.text());
        if (like != null) {
            // the task's name, or its open case's reference or client, holds the text (any case): one column that
            // holds them all, lower-cased (TaskLog.SEARCH_TEXT), read by its trigrams on PostgreSQL; first, as the
            // condition that rules out most rows
            list.and("t.search_text LIKE ? ESCAPE '\\'", like);
            list.gather = noTextIndex;
        }
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
                // a text's matches gathered without the index of unclaimed tasks: on H2, reading 60,000 of them
                // through it costs three times a pass over the table (COALESCE keeps the index out; nobody is named
                // ''). Not on PostgreSQL: its estimate of the COALESCE would be wrong, and its plan with it slow.
                list.and(list.gather ? "COALESCE(t.assignee, '') = ''" : "t.assignee IS NULL");
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
        return list;
    }

    /** The ids of one page of the list, in the list's order. */
    List<String> page(JdbcTemplate jdbc, int offset, int limit) {
        return page(jdbc, offset, limit, TEXT_MATCHES_GATHERED);
    }

    /**
     * The ids of one page of the list, in the list's order. A text filter's matches are first gathered in one pass
     * without order, up to {@code gathered}: a rare text's few matches are then put in order by their ids, where
     * reading the order's index would have walked every open task to fill a page (on H2, which has no index for a
     * text inside a column). A common text's matches lie thick along the order's index: past {@code gathered}, the
     * page is read there and stops after its rows. Where the database has a text index, its planner weighs the two
     * itself: one query.
     */
    List<String> page(JdbcTemplate jdbc, int offset, int limit, int gathered) {
        if (gather) {
            List<Object> all = new ArrayList<>(args);
            all.add(gathered + 1);
            List<String> matches = jdbc.queryForList("SELECT t.id" + where + " LIMIT ?", String.class, all.toArray());
            if (matches.size() <= gathered) {
                if (matches.isEmpty() || offset >= matches.size()) {
                    return List.of();
                }
                List<Object> ids = new ArrayList<>(matches);
                ids.add(limit);
                ids.add(offset);
                return jdbc.queryForList("SELECT t.id FROM sla_open_task t WHERE t.id IN (" + marks(matches.size())
                        + ")" + ORDER + " LIMIT ? OFFSET ?", String.class, ids.toArray());
            }
        }
        List<Object> all = new ArrayList<>(args);
        all.add(limit);
        all.add(offset);
        return jdbc.queryForList("SELECT t.id" + where + ORDER + " LIMIT ? OFFSET ?", String.class, all.toArray());
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
