package dev.attest.cases.ui;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseWorkflow.OpenTask;
import dev.attest.cases.CaseWorkflow.TimelineEntry;
import dev.attest.identity.Role;
import dev.attest.identity.UserDirectory;
import dev.attest.ui.Formats;

/** One case: summary, parties, current tasks and the timeline of what happened. */
@Route("cases/:reference")
@RolesAllowed({Role.Names.ANALYST, Role.Names.SENIOR_ANALYST, Role.Names.MANAGER, Role.Names.INTAKE, Role.Names.ADMIN})
public class CaseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CaseLookup cases;
    private final UserDirectory users;
    private final List<CaseViewSection> sections;
    private final ZoneId zone;
    private String title = "Case";

    public CaseView(CaseLookup cases, UserDirectory users, List<CaseViewSection> sections,
            ZoneId zone) {
        this.cases = cases;
        this.sections = sections;
        this.users = users;
        this.zone = zone;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String reference = event.getRouteParameters().get("reference").orElse("");
        var found = cases.find(reference);
        if (found.isEmpty()) {
            title = "No such case";
            add(new H2("No such case"), new Paragraph("There is no case " + reference + "."));
            return;
        }
        CaseFile c = found.get();
        title = c.getReference() + " · Attest";
        add(new CaseSummary(c, zone));

        add(new H3("Current tasks"));
        var tasks = cases.openTasks(c);
        if (tasks.isEmpty()) {
            Paragraph none = new Paragraph(c.getOutcome() != null ? "The case is closed."
                    : "No open task: the case waits for the client (see the documents requested below).");
            none.setId("no-open-task");
            add(none);
        } else {
            Grid<OpenTask> grid = new Grid<>();
            grid.setId("case-tasks");
            grid.addColumn(OpenTask::name).setHeader("Task").setFlexGrow(2);
            grid.addColumn(t -> t.assignee() == null ? "unclaimed" : users.displayName(t.assignee())).setHeader("Assignee");
            grid.addColumn(t -> Formats.dateTime(t.created(), zone)).setHeader("Created");
            grid.addColumn(t -> Formats.dateTime(t.due(), zone)).setHeader("Due");
            grid.setItems(tasks);
            grid.setAllRowsVisible(true);
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("tasks/" + e.getItem().id())));
            add(grid);
        }

        sections.stream().sorted(Comparator.comparingInt(CaseViewSection::order))
                .map(section -> section.render(c)).filter(Objects::nonNull).forEach(this::add);

        add(new H3("Timeline"));
        Grid<TimelineEntry> timeline = new Grid<>();
        timeline.setId("case-timeline");
        timeline.addColumn(t -> Formats.dateTime(t.at(), zone)).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(TimelineEntry::what).setHeader("What").setFlexGrow(3);
        timeline.addColumn(t -> t.who() == null ? "" : users.displayName(t.who())).setHeader("Who");
        timeline.setItems(cases.timeline(c));
        timeline.setAllRowsVisible(true);
        timeline.addThemeVariants(GridVariant.LUMO_COMPACT);
        add(timeline);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
