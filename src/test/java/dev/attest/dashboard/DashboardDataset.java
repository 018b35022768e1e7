package dev.attest.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes dashboard data straight into Attest's and the engine's tables (cases, task records of open and ended
 * tasks, the engine's runtime rows of open tasks, escalations, documents, client waits), so that the figures can
 * be checked against known numbers and the benchmark can fill the database with a million rows without running
 * a million processes. Rows are collected
 * and written in JDBC batches by {@link #flush()}.
 */
public class DashboardDataset {

    private static final AtomicLong ids = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final String processDefinitionId;
    private final List<Object[]> caseRows = new ArrayList<>();
    private final List<Object[]> openRecordRows = new ArrayList<>();
    private final List<Object[]> endedRecordRows = new ArrayList<>();
    private final List<Object[]> executionRows = new ArrayList<>();
    private final List<Object[]> taskRows = new ArrayList<>();
    private final List<Object[]> linkRows = new ArrayList<>();
    private final List<Object[]> escalationRows = new ArrayList<>();
    private final List<Object[]> documentRows = new ArrayList<>();
    private final Map<String, UUID> caseIds = new HashMap<>();
    private final Set<String> decidedKinds = new HashSet<>();

    public DashboardDataset(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.processDefinitionId = jdbc.queryForObject(
                "SELECT MIN(ID_) FROM ACT_RE_PROCDEF WHERE KEY_ = 'DocumentCheck'", String.class);
    }

    static String id() {
        return "gen-" + ids.incrementAndGet();
    }

    /** A case; {@code closed} and {@code workingMinutes} only for closed ones. */
    public DashboardDataset caseFile(String reference, String type, String status, Instant created, Instant closed,
            Long workingMinutes) {
        UUID caseId = UUID.randomUUID();
        caseIds.put(reference, caseId);
        caseRows.add(new Object[] {caseId, ids.incrementAndGet(), reference, type, status, "NORMAL",
                "Client " + reference, "client@example.com", "US", "AMAZON_US", "1 Main St", "Springfield", "12345",
                "US", "demo", ts(created), ts(created), closed == null ? null : ts(closed), workingMinutes});
        return this;
    }

    /** A completed ({@code completed}) or cancelled ({@code deleted}) task of a case. */
    public DashboardDataset endedTask(String reference, String caseType, String key, String name, String assignee,
            Instant start, Instant end, Instant due, boolean completed) {
        endedRecordRows.add(new Object[] {id(), reference, caseType, key, name, assignee, ts(start), ts(due), ts(end),
                completed ? "completed" : "deleted"});
        return this;
    }

    /** An open task of a case, offered to {@code group} (when not null); returns the task id. */
    public String openTask(String reference, String caseType, String key, String name, String assignee, String group,
            Instant created, Instant followUp, Instant due) {
        String execution = id();
        executionRows.add(new Object[] {execution, execution, reference, processDefinitionId, key});
        String task = id();
        taskRows.add(new Object[] {task, execution, execution, processDefinitionId, key, name, assignee, ts(created),
                ts(due), ts(followUp)});
        if (group != null) {
            linkRows.add(new Object[] {id(), group, task});
        }
        openRecordRows.add(new Object[] {task, reference, caseType, key, name, assignee, ts(created), ts(due),
                ts(followUp)});
        return task;
    }

    public DashboardDataset escalation(String reference, String taskName, String level, Instant at) {
        escalationRows.add(new Object[] {reference, id(), taskName, level, ts(at)});
        return this;
    }

    public DashboardDataset clientWait(String reference, Instant started, Instant ended) {
        jdbc.update("INSERT INTO sla_client_wait (case_reference, source, reason, started_at, ended_at) VALUES (?, ?, ?, ?, ?)",
                reference, id(), "Waiting for the client to send a new identity document", ts(started), ts(ended));
        return this;
    }

    /**
     * A document of a case, decided ({@code APPROVED}/{@code REJECTED}) or {@code RECEIVED}; give the documents of
     * a case in the order they were decided (the first decided of a kind is its first round).
     */
    public DashboardDataset document(String reference, String kind, Instant uploaded, String status, Instant decided) {
        UUID caseId = caseIds.containsKey(reference) ? caseIds.get(reference)
                : jdbc.queryForObject("SELECT id FROM case_file WHERE reference = ?", UUID.class, reference);
        Boolean firstRound = decided == null ? null : decidedKinds.add(reference + "|" + kind);
        documentRows.add(new Object[] {UUID.randomUUID(), caseId, kind, "0".repeat(64), id(), status,
                decided == null ? null : "ann", ts(decided), firstRound, ts(uploaded)});
        return this;
    }

    /** Writes the collected rows. */
    public void flush() {
        batch("INSERT INTO case_file (id, number, reference, type, status, priority, client_full_name, client_email,"
                + " client_country, marketplace, address_line1, address_city, address_postal_code, address_country,"
                + " opened_by, created_at, updated_at, closed_at, working_minutes, lost_phone_access, lost_email_access,"
                + " account_suspended, uses_voip_number, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, FALSE, FALSE, 0)", caseRows);
        batch("INSERT INTO sla_open_task (id, case_reference, case_type, task_key, name, assignee, created_at, due_at,"
                + " follow_up_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", openRecordRows);
        batch("INSERT INTO sla_ended_task (id, case_reference, case_type, task_key, name, assignee, created_at, due_at,"
                + " ended_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", endedRecordRows);
        batch("INSERT INTO ACT_RU_EXECUTION (ID_, REV_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_ID_, ACT_ID_, IS_ACTIVE_,"
                + " IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_, ROOT_PROC_INST_ID_)"
                + " VALUES (?, 1, ?, ?, ?, ?, TRUE, FALSE, TRUE, FALSE, 1, NULL)", executionRows);
        batch("INSERT INTO ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, TASK_DEF_KEY_, NAME_,"
                + " ASSIGNEE_, PRIORITY_, CREATE_TIME_, LAST_UPDATED_, DUE_DATE_, FOLLOW_UP_DATE_, SUSPENSION_STATE_)"
                + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, 50, ?, NULL, ?, ?, 1)", taskRows);
        batch("INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) VALUES (?, 1, ?, 'candidate', ?)",
                linkRows);
        batch("INSERT INTO sla_escalation (case_reference, task_id, task_name, level, at) VALUES (?, ?, ?, ?, ?)",
                escalationRows);
        batch("INSERT INTO case_document (id, case_id, kind, file_name, media_type, size_bytes, sha256, storage_key,"
                + " status, decided_by, decided_at, first_round, uploaded_by, uploaded_at, version, typed_by_client)"
                + " VALUES (?, ?, ?, 'doc.pdf', 'application/pdf', 1000, ?, ?, ?, ?, ?, ?, 'analyst', ?, 0, false)", documentRows);
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
        rows.clear();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
