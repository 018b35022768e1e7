package dev.attest.cases;

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
import dev.attest.validation.InvalidInputException;

/**
 * The case list as CSV, for the search the caller sees it with, newest first, at most
 * {@link ExportSettings#maxRows()} rows. Analysts, senior analysts, managers and administrators may export it;
 * intake opens cases but does not take client data away in bulk. Every export is audited (who, which search, how
 * many rows).
 */
@Service
@Secured({"ROLE_ANALYST", "ROLE_SENIOR_ANALYST", "ROLE_MANAGER", "ROLE_ADMIN"})
public class CaseExport {

    private static final int MAX_TEXT = 200;
    static final List<String> HEADER = List.of("Reference", "Client", "E-mail", "Type", "Status", "Priority", "Opened",
            "Closed");

    private final CaseLookup lookup;
    private final AuditTrail audit;
    private final ExportSettings settings;
    private final ZoneId zone;
    private final Clock clock;

    CaseExport(CaseLookup lookup, AuditTrail audit, ExportSettings settings, ZoneId zone, Clock clock) {
        this.lookup = lookup;
        this.audit = audit;
        this.settings = settings;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * A CSV download of the cases a search lists (as {@link CaseLookup#search}).
     *
     * @throws InvalidInputException naming {@code q} when the text is too long
     */
    @Transactional
    public CsvDownload csv(String text, CaseType type, CaseStatus status) {
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInputException("q", "must be at most " + MAX_TEXT + " characters");
        }
        ListCsv.Table table = ListCsv.read(HEADER, settings.maxRows(),
                (offset, limit) -> lookup.search(text, type, status, offset, limit), this::row);
        StringBuilder search = new StringBuilder();
        if (text != null && !text.isBlank()) {
            search.append(", text \"").append(text.strip()).append('"');
        }
        if (type != null) {
            search.append(", type ").append(type);
        }
        if (status != null) {
            search.append(", status ").append(status);
        }
        audit.record(AuditTrail.Action.LIST_EXPORTED, "cases", null, "cases, " + table.rows() + " rows"
                + table.cut() + (search.isEmpty() ? ", all" : search.toString()));
        return table.download("cases", clock, zone);
    }

    private List<String> row(CaseFile c) {
        List<String> cells = new ArrayList<>(HEADER.size());
        cells.add(c.getReference());
        cells.add(c.getClient().fullName());
        cells.add(c.getClient().email().value());
        cells.add(c.getType().label());
        cells.add(c.getStatus().name());
        cells.add(c.getPriority() == null ? null : c.getPriority().name());
        cells.add(time(c.getCreatedAt()));
        cells.add(time(c.getClosedAt()));
        return cells;
    }

    private String time(Instant instant) {
        return ListCsv.time(instant, zone);
    }
}
