package dev.attest.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Keeps the task records in step with the engine's user tasks: an {@link OpenTaskRecord} when a task is created,
 * its assignee when it is claimed or handed back, its dates when they change, and when it is completed or
 * cancelled the row moves to {@link EndedTaskRecord}. Called by the engine's task
 * listeners inside the engine's transaction (the task's own work and its record commit or roll back together).
 */
@Service
public class TaskLog {

    /** What a task record says when its case type could not be told (a task outside any case). */
    public static final String UNKNOWN_TYPE = "UNKNOWN";
    /** The engine's priority of a task that says none. */
    public static final int DEFAULT_PRIORITY = 50;

    /**
     * The task list's text filter's column: the task's name and, while its case is open, the case's reference and
     * client (full name, business name), lower-cased and one per line (a search text holds no line break, so it
     * cannot match across two of them). What the text filter matched before it was one column: a task whose name
     * holds the text or whose open case's reference or client does.
     */
    static final String SEARCH_TEXT = searchText("sla_open_task.name", "sla_open_task.case_reference");

    /** {@link #SEARCH_TEXT} of a name and a case reference given as parameters: a new task's, in its INSERT. */
    private static final String NEW_SEARCH_TEXT = searchText("?", "?");

    private static String searchText(String name, String caseReference) {
        return "COALESCE(LOWER(" + name + "), '') || COALESCE((SELECT '\n' || LOWER(c.reference)"
                + " || '\n' || LOWER(c.client_full_name) || '\n' || COALESCE(LOWER(c.client_business_name), '')"
                + " FROM case_file c WHERE c.reference = " + caseReference + " AND c.status <> 'CLOSED'), '')";
    }

    private final JdbcTemplate jdbc;

    TaskLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A task was created. */
    public void created(String taskId, String caseReference, String caseType, String taskKey, String name,
            String assignee, Instant createdAt, Instant dueAt, Instant followUpAt) {
        created(taskId, caseReference, caseType, taskKey, name, assignee, createdAt, dueAt, followUpAt,
                DEFAULT_PRIORITY, null, Set.of());
    }

    /**
     * A task was created, with what the task list filters and sorts by: its
     * engine priority, its follow-up date ({@code snoozedUntil}) and its candidate groups.
     */
    public void created(String taskId, String caseReference, String caseType, String taskKey, String name,
            String assignee, Instant createdAt, Instant dueAt, Instant followUpAt, int priority, Instant snoozedUntil,
            Collection<String> candidateGroups) {
        // a task without a case is recorded too (the task list shows it) without a reference; the SLA's figures
        // leave it out, and it leaves no ended record
        // one statement, its search text included (it runs at every task's creation, in the engine's transaction)
        String recordedName = name == null ? "" : name;
        jdbc.update("INSERT INTO sla_open_task (id, case_reference, case_type, task_key, name, assignee, created_at,"
                + " due_at, follow_up_at, priority, snoozed_until, escalated, search_text) VALUES (?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, FALSE, " + NEW_SEARCH_TEXT + ")", taskId, caseReference,
                caseType == null ? UNKNOWN_TYPE : caseType, taskKey == null ? "" : taskKey, recordedName, assignee,
                ts(createdAt), ts(dueAt), ts(followUpAt), priority, ts(snoozedUntil), recordedName, caseReference);
        List<Object[]> groups = new TreeSet<>(candidateGroups).stream().map(g -> new Object[] {taskId, g}).toList();
        if (!groups.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO sla_open_task_group (task_id, group_id) VALUES (?, ?)", groups);
        }
    }

    /**
     * The task changed: its engine priority, follow-up date and candidate groups as they are now (a group added by an
     * escalation, a follow-up set or cleared by its holder). Groups are written only where they differ.
     */
    public void changed(String taskId, int priority, Instant snoozedUntil, Collection<String> candidateGroups) {
        if (jdbc.update("UPDATE sla_open_task SET priority = ?, snoozed_until = ? WHERE id = ?", priority,
                ts(snoozedUntil), taskId) == 0) {
            return; // a task that has no record (created before its process had the listeners)
        }
        Set<String> recorded = new TreeSet<>(jdbc.queryForList(
                "SELECT group_id FROM sla_open_task_group WHERE task_id = ?", String.class, taskId));
        Set<String> now = new TreeSet<>(candidateGroups);
        for (String gone : recorded) {
            if (!now.contains(gone)) {
                jdbc.update("DELETE FROM sla_open_task_group WHERE task_id = ? AND group_id = ?", taskId, gone);
            }
        }
        for (String added : now) {
            if (!recorded.contains(added)) {
                jdbc.update("INSERT INTO sla_open_task_group (task_id, group_id) VALUES (?, ?)", taskId, added);
            }
        }
    }

    /** The SLA escalated the task (the task list's "escalated only"). */
    public void escalated(String taskId) {
        jdbc.update("UPDATE sla_open_task SET escalated = TRUE WHERE id = ?", taskId);
    }

    /**
     * The case's reference, client or status changed (it was closed, or its client's data erased): the text filter's
     * column of its open tasks is written again from the case as it is now (flushed).
     */
    public void caseChanged(String caseReference) {
        if (caseReference != null) {
            jdbc.update("UPDATE sla_open_task SET search_text = " + SEARCH_TEXT + " WHERE case_reference = ?",
                    caseReference);
        }
    }

    /** The task was claimed, handed to someone or handed back ({@code null}). */
    public void assigned(String taskId, String assignee) {
        jdbc.update("UPDATE sla_open_task SET assignee = ? WHERE id = ?", assignee, taskId);
    }

    /** The task's due date changed (its warning, set when it was created, stands). */
    public void dated(String taskId, Instant dueAt) {
        jdbc.update("UPDATE sla_open_task SET due_at = ? WHERE id = ?", ts(dueAt), taskId);
    }

    /** The task was completed ({@code completed}) or cancelled ({@code deleted}). */
    public void ended(String taskId, String assignee, String outcome, Instant at) {
        jdbc.update("INSERT INTO sla_ended_task (id, case_reference, case_type, task_key, name, assignee, created_at,"
                + " due_at, ended_at, outcome) SELECT id, case_reference, case_type, task_key, name, ?, created_at, due_at,"
                + " ?, ? FROM sla_open_task WHERE id = ? AND case_reference IS NOT NULL", assignee, ts(at), outcome, taskId);
        jdbc.update("DELETE FROM sla_open_task_group WHERE task_id = ?", taskId);
        jdbc.update("DELETE FROM sla_open_task WHERE id = ?", taskId);
    }

    /**
     * Writes the task list's columns of every open task record again from the engine's tables (priority, follow-up
     * date, escalation, candidate groups, the text filter's search text): for tasks written into the engine's tables by
     * other means than the engine (the benchmarks' data). The migrations V22 and V24 do the same on PostgreSQL for the
     * tasks open when they run.
     */
    public void rebuildListColumns() {
        jdbc.update("UPDATE sla_open_task SET priority = COALESCE((SELECT t.PRIORITY_ FROM ACT_RU_TASK t"
                + " WHERE t.ID_ = sla_open_task.id), 50), snoozed_until = (SELECT t.FOLLOW_UP_DATE_ FROM ACT_RU_TASK t"
                + " WHERE t.ID_ = sla_open_task.id), escalated = CASE WHEN EXISTS (SELECT 1 FROM ACT_RU_VARIABLE v"
                + " WHERE v.TASK_ID_ = sla_open_task.id AND v.NAME_ = 'slaEscalated' AND v.TYPE_ = 'boolean'"
                + " AND v.LONG_ = 1) THEN TRUE ELSE FALSE END");
        jdbc.update("DELETE FROM sla_open_task_group");
        jdbc.update("INSERT INTO sla_open_task_group (task_id, group_id) SELECT DISTINCT i.TASK_ID_, i.GROUP_ID_"
                + " FROM ACT_RU_IDENTITYLINK i JOIN sla_open_task o ON o.id = i.TASK_ID_"
                + " WHERE i.TYPE_ = 'candidate' AND i.GROUP_ID_ IS NOT NULL");
        jdbc.update("UPDATE sla_open_task SET search_text = " + SEARCH_TEXT);
    }


    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
