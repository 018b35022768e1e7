package dev.attest.worklist;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.audit.AuditTrail;
import dev.attest.export.CsvDownload;
import dev.attest.export.CsvTable;
import dev.attest.export.ExportSettings;

/**
 * The task list as CSV, for the filter the caller sees it with, at most {@link ExportSettings#maxRows()} rows
 * in the list's order. Who may see which task is the worklist's decision; every export is audited (who, which
 * filter, how many rows).
 */
@Service
@Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER"})
public class TaskExport {

    private static final int PAGE = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
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
        CsvTable table = new CsvTable(HEADER);
        int max = settings.maxRows();
        boolean truncated = false;
        for (int offset = 0; offset < max; offset += PAGE) {
            int size = Math.min(PAGE, max - offset);
            List<WorkItem> page = worklist.page(filter, offset, size + (offset + size == max ? 1 : 0));
            for (int i = 0; i < Math.min(size, page.size()); i++) {
                table.row(row(page.get(i)));
            }
            if (page.size() > size) {
                truncated = true;
            }
            if (page.size() < size) {
                break;
            }
        }
        audit.record(AuditTrail.Action.LIST_EXPORTED, "tasks", null, "tasks, " + table.rows() + " rows"
                + (truncated ? " (cut at the limit)" : "") + ", " + (label == null ? "" : "saved filter \"" + label
                        + "\", ") + filter.describe());
        return new CsvDownload("tasks-" + TIME.format(clock.instant().atZone(zone)).replace(' ', '-').replace(":", "")
                + ".csv", table.bytes(), table.rows(), truncated);
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
        return instant == null ? null : TIME.format(instant.atZone(zone));
    }
}
