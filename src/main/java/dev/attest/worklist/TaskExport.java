package dev.attest.worklist;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.audit.AuditTrail;
import dev.attest.export.CsvDownload;
import dev.attest.export.ExportSettings;
import dev.attest.export.ListCsv;

/**
 * The task list as CSV, for the filter the caller sees it with, at most {@link ExportSettings#maxRows()} rows
 * in the list's order. Who may see which task is the worklist's decision; every export is audited (who, which
 * filter, how many rows).
 */
@Service
@Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
public class TaskExport {

    static final List<String> HEADER = List.of("Case", "Client", "Case type", "Task", "Priority", "Created", "Due",
            "Assignee", "SLA");

    private final Worklist worklist;
    private final AuditTrail audit;
    private final ExportSettings settings;
    private final ZoneId zone;
    private final Clock clock;

    TaskExport(Worklist worklist, AuditTrail audit, ExportSettings settings, ZoneId zone, Clock clock) {
        this.clock = clock;
        this.worklist = worklist;
        this.audit = audit;
        this.settings = settings;
        this.zone = zone;
    }

    /**
     * A CSV download of the tasks the filter lists.
     *
     * @param filter the list's filter (checked as the list checks it)
     * @param label how the audit record names the filter (a saved filter's name, or {@code null})
     */
    @Transactional
    public CsvDownload csv(TaskFilter filter, String label) {
        ListCsv.Table table = ListCsv.read(HEADER, settings.maxRows(),
                (offset, limit) -> worklist.page(filter, offset, limit), this::row);
        audit.record(AuditTrail.Action.LIST_EXPORTED, "tasks", null, "tasks, " + table.rows() + " rows"
                + table.cut() + ", " + (label == null ? "" : "saved filter \"" + label + "\", ")
                + filter.describe());
        return table.download("tasks", clock, zone);
    }

    private List<String> row(WorkItem t) {
        List<String> cells = new ArrayList<>(HEADER.size());
        cells.add(t.caseReference());
        cells.add(t.clientName());
        cells.add(t.caseType() == null ? null : t.caseType().label());
        cells.add(t.name());
        cells.add(t.casePriority() == null ? null : t.casePriority().name());
        cells.add(time(t.created()));
        cells.add(time(t.due()));
        cells.add(t.assigneeName() != null ? t.assigneeName() : t.assignee());
        cells.add(t.escalation() == null ? null : t.escalation().label());
        return cells;
    }

    private String time(Instant instant) {
        return ListCsv.time(instant, zone);
    }
}
