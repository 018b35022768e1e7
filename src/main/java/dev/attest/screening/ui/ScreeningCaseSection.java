package dev.attest.screening.ui;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseType;
import dev.attest.cases.ui.CaseViewSection;
import dev.attest.identity.UserDirectory;
import dev.attest.screening.CaseScreening;
import dev.attest.screening.CaseScreenings;
import dev.attest.screening.HitVerdict;
import dev.attest.ui.Formats;

/**
 * The sanctions screening of a seller-verification case in its case view, open without a click: the subjects
 * screened, the potential hits with their explanation (open ones first and marked), the decisions with the second
 * reviewer's answer, and the history. Nothing for a user the screening service refuses, or for other case types.
 */
@org.springframework.stereotype.Component
class ScreeningCaseSection implements CaseViewSection {

    private final CaseScreenings screenings;
    private final UserDirectory users;
    private final ZoneId zone;

    ScreeningCaseSection(CaseScreenings screenings, UserDirectory users, ZoneId zone) {
        this.screenings = screenings;
        this.users = users;
        this.zone = zone;
    }

    @Override
    public int order() {
        // after the documents and a recovery, before the ownership (with its editor) fills the page
        return 18;
    }

    @Override
    public Component render(CaseFile c) {
        if (c.getType() != CaseType.SELLER_VERIFICATION) {
            return null;
        }
        CaseScreening screening;
        try {
            screening = screenings.forCase(c.getId());
        } catch (AccessDeniedException e) {
            return null;
        }
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        section.setId("case-screening");
        section.add(new H3("Sanctions screening"));
        Paragraph summary = new Paragraph(summary(screening, c.isClosed()));
        summary.setId("screening-summary");
        section.add(summary);
        boolean screened = !screening.subjects().isEmpty() || !screening.hits().isEmpty();
        if (c.isClosed() && screened) {
            Paragraph closed = new Paragraph("The case is closed: its screening is on record and no hit waits for a"
                    + " reviewer any more.");
            closed.setId("screening-closed");
            section.add(closed);
        }
        if (!screened) {
            return section;
        }
        section.add(new H4("Subjects screened"), subjects(screening.subjects()));
        Map<Long, CaseScreening.Subject> subjectsById = screening.subjects().stream()
                .collect(Collectors.toMap(CaseScreening.Subject::id, Function.identity()));
        if (!screening.hits().isEmpty()) {
            Div hits = new Div();
            hits.setId("screening-hits");
            hits.addClassName("screening-hits");
            // open hits first, each group newest first (the order the service gives)
            screening.hits().stream()
                    .sorted(Comparator.comparing((CaseScreening.Hit h) -> !h.status().open()))
                    .forEach(h -> hits.add(new HitPanel(h, subjectsById.get(h.subjectId()), zone, c.isClosed())));
            section.add(new H4("Potential hits"), hits);
        }
        if (!screening.decisions().isEmpty()) {
            Map<Long, CaseScreening.Hit> hitsById = screening.hits().stream()
                    .collect(Collectors.toMap(CaseScreening.Hit::id, Function.identity()));
            section.add(new H4("Decisions"), decisions(screening.decisions(), hitsById));
        }
        section.add(new H4("History"), history(screening.history()));
        return section;
    }

    private static String summary(CaseScreening s, boolean closed) {
        if (s.subjects().isEmpty() && s.hits().isEmpty()) {
            return closed ? "No screening: the case was closed before any." : "No screening yet.";
        }
        String subjects = s.subjects().size() + (s.subjects().size() == 1 ? " subject" : " subjects") + " screened";
        if (s.hits().isEmpty()) {
            return "Screened: no potential hits (" + subjects + ").";
        }
        long open = s.openHits().size();
        String hits = s.hits().size() + (s.hits().size() == 1 ? " potential hit" : " potential hits");
        if (open == 0 || closed) {
            return subjects + "; " + hits + ", none waiting for a reviewer.";
        }
        return subjects + "; " + hits + ", " + open + " waiting for a reviewer.";
    }

    private Grid<CaseScreening.Subject> subjects(List<CaseScreening.Subject> subjects) {
        Grid<CaseScreening.Subject> grid = new Grid<>();
        grid.setId("screening-subjects");
        grid.addColumn(CaseScreening.Subject::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(s -> HitPanel.type(s.type())).setHeader("Type").setAutoWidth(true);
        grid.addColumn(HitPanel::source).setHeader("Source").setFlexGrow(1);
        grid.addColumn(s -> s.dateOfBirth() == null ? "—" : s.dateOfBirth().toString()).setHeader("Date of birth")
                .setAutoWidth(true);
        grid.addColumn(s -> s.country() == null || s.country().isBlank() ? "—" : s.country()).setHeader("Country")
                .setAutoWidth(true);
        grid.addColumn(s -> Formats.dateTime(s.lastScreenedAt(), zone)).setHeader("Last screened").setAutoWidth(true);
        grid.setItems(subjects);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        return grid;
    }

    private Grid<CaseScreening.Decision> decisions(List<CaseScreening.Decision> decisions,
            Map<Long, CaseScreening.Hit> hits) {
        Grid<CaseScreening.Decision> grid = new Grid<>();
        grid.setId("screening-decisions");
        grid.addColumn(d -> hitName(hits.get(d.hitId()))).setHeader("Hit").setFlexGrow(2);
        grid.addColumn(d -> d.verdict() == HitVerdict.TRUE_MATCH ? "True match" : "False positive")
                .setHeader("Decision").setAutoWidth(true);
        grid.addColumn(CaseScreening.Decision::reason).setHeader("Reason").setFlexGrow(2);
        grid.addColumn(d -> users.displayName(d.decidedBy()) + ", " + Formats.dateTime(d.decidedAt(), zone))
                .setHeader("Decided by").setAutoWidth(true);
        grid.addColumn(this::secondReviewer).setHeader("Second reviewer").setFlexGrow(2);
        grid.setItems(decisions);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        return grid;
    }

    /** The second reviewer's answer on a true match: confirmed or overturned, by whom, when and why. */
    private String secondReviewer(CaseScreening.Decision d) {
        if (d.verdict() != HitVerdict.TRUE_MATCH) {
            return "— (a false positive needs none)";
        }
        CaseScreening.Confirmation c = d.confirmation();
        if (c == null) {
            return "Waiting for a second senior analyst";
        }
        return (c.confirmed() ? "Confirmed" : "Overturned (a false positive)") + " by " + users.displayName(c.by())
                + ", " + Formats.dateTime(c.at(), zone) + ": " + c.reason();
    }

    private Grid<CaseScreening.HistoryEntry> history(List<CaseScreening.HistoryEntry> history) {
        Grid<CaseScreening.HistoryEntry> grid = new Grid<>();
        grid.setId("screening-history");
        grid.addColumn(h -> Formats.dateTime(h.at(), zone)).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(h -> h.who() == null ? "" : users.displayName(h.who())).setHeader("Who").setAutoWidth(true);
        grid.addColumn(CaseScreening.HistoryEntry::what).setHeader("What").setFlexGrow(3);
        grid.setItems(history);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        return grid;
    }

    /** A hit in a line: the list and entry, the entry's name and the subject. */
    static String hitName(CaseScreening.Hit h) {
        if (h == null) {
            return "—";
        }
        return h.list().name() + " " + h.entryId() + " (" + h.entryName() + ") for " + h.subjectName();
    }
}
