package dev.attest.sla;

import java.sql.Timestamp;
import java.time.Instant;

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

    private final JdbcTemplate jdbc;

    TaskLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A task was created (tasks without a case are not recorded). */
    public void created(String taskId, String caseReference, String caseType, String taskKey, String name,
            String assignee, Instant createdAt, Instant dueAt, Instant followUpAt) {
        if (caseReference == null) {
            return;
        }
        jdbc.update("INSERT INTO sla_open_task (id, case_reference, case_type, task_key, name, assignee, created_at,"
                + " due_at, follow_up_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", taskId, caseReference,
                caseType == null ? UNKNOWN_TYPE : caseType, taskKey == null ? "" : taskKey,
                name == null ? "" : name, assignee, ts(createdAt), ts(dueAt), ts(followUpAt));
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
                + " ?, ? FROM sla_open_task WHERE id = ?", assignee, ts(at), outcome, taskId);
        jdbc.update("DELETE FROM sla_open_task WHERE id = ?", taskId);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
