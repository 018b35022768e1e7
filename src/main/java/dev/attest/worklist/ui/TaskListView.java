package dev.attest.worklist.ui;

import java.time.Instant;
import java.time.ZoneId;


import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.attest.cases.CaseType;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.ui.Formats;
import dev.attest.worklist.TaskConflictException;
import dev.attest.worklist.TaskFilter;
import dev.attest.worklist.TaskFilter.Scope;
import dev.attest.worklist.TaskNotFoundException;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.Worklist;
import jakarta.annotation.security.PermitAll;

/**
 * The task list: my tasks, my groups' unclaimed tasks, and (managers) all open tasks; filtered by case type
 * and free text, loaded lazily a page at a time from the engine. Users without a worklist are sent on to
 * the place their role works in.
 */
@Route("")
@PageTitle("Tasks · Attest")
@PermitAll
public class TaskListView extends VerticalLayout implements BeforeEnterObserver {

    final Tabs tabs = new Tabs();
    final Tab mine = new Tab("My tasks");
    final Tab group = new Tab("Group tasks");
    final Tab all = new Tab("All open");
    final Select<CaseType> caseType = new Select<>();
    final TextField search = new TextField();
    final Checkbox escalatedOnly = new Checkbox("Escalated only");
    final Grid<WorkItem> grid = new Grid<>();

    private final Worklist worklist;
    private final ZoneId zone;

    public TaskListView(Worklist worklist, ZoneId zone) {
        this.worklist = worklist;
        this.zone = zone;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CurrentUser me = CurrentUser.require();
        if (!me.hasAny(Role.ANALYST, Role.SENIOR_ANALYST, Role.MANAGER)) {
            event.forwardTo(me.has(Role.INTAKE) ? "cases/new" : me.has(Role.ADMIN) ? "cases"
                    : me.has(Role.DESIGNER) ? "designer" : "welcome");
            return;
        }
        if (getComponentCount() == 0) {
            build(me);
        }
    }

    private void build(CurrentUser me) {
        setSizeFull();
        mine.setId("tab-mine");
        group.setId("tab-group");
        all.setId("tab-all");
        tabs.add(mine, group);
        if (me.has(Role.MANAGER)) {
            tabs.add(all);
            tabs.setSelectedTab(all);
        }
        caseType.setItems(CaseType.values());
        caseType.setEmptySelectionAllowed(true);
        caseType.setItemLabelGenerator(t -> t == null ? "All case types" : t.label());
        caseType.setPlaceholder("All case types");
        search.setPlaceholder("Case, client or task");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("task-search");

        grid.setId("tasks");
        grid.addColumn(WorkItem::caseReference).setHeader("Case").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(WorkItem::clientName).setHeader("Client").setAutoWidth(true);
        grid.addColumn(WorkItem::name).setHeader("Task").setWidth("14em").setFlexGrow(1);
        grid.addColumn(t -> Formats.dateTime(t.created(), zone)).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(this::due).setHeader("Due").setAutoWidth(true);
        grid.addColumn(t -> Formats.label(t.casePriority())).setHeader("Priority").setAutoWidth(true);
        grid.addComponentColumn(t -> t.escalation() == null ? new Span()
                : Formats.badge(t.escalation().label(),
                        t.escalation().offeredFurther() ? Formats.Tone.ERROR : Formats.Tone.NEUTRAL))
                .setHeader("SLA").setAutoWidth(true);
        grid.addColumn(t -> t.assigneeName() == null ? "" : t.assigneeName()).setHeader("Assignee");
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        // pages are fetched as the user scrolls, without counting every matching task first (a count over
        // 100,000 open tasks costs more than the page itself)
        grid.setItems(q -> worklist.page(filter(), q.getOffset(), q.getLimit()).stream());
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        grid.setEmptyStateText("No tasks here.");

        tabs.addSelectedChangeListener(e -> refresh());
        caseType.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());
        escalatedOnly.setId("task-escalated");
        escalatedOnly.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(tabs, caseType, search, escalatedOnly);
        filters.setAlignItems(Alignment.BASELINE);
        add(new H2("Tasks"), filters, grid);
        expand(grid);
    }

    TaskFilter filter() {
        Scope scope = tabs.getSelectedTab() == all ? Scope.ALL : tabs.getSelectedTab() == group ? Scope.GROUP : Scope.MINE;
        return new TaskFilter(scope, caseType.getValue(), search.getValue(), escalatedOnly.getValue());
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private Span due(WorkItem t) {
        if (t.due() != null && t.due().isBefore(Instant.now())) {
            return Formats.badge("Overdue · " + Formats.dateTime(t.due(), zone), Formats.Tone.ERROR);
        }
        return new Span(Formats.dateTime(t.due(), zone));
    }

    private HorizontalLayout actions(WorkItem t) {
        CurrentUser me = CurrentUser.require();
        HorizontalLayout actions = new HorizontalLayout();
        if (t.assignee() == null) {
            Button claim = new Button("Claim", e -> claim(t));
            claim.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            claim.setId("claim-" + t.id());
            actions.add(claim);
        } else if (me.username().equals(t.assignee())) {
            Button unclaim = new Button("Unclaim", e -> unclaim(t));
            unclaim.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(unclaim);
        }
        Button open = new Button("Open", e -> open(t));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL);
        open.setId("open-" + t.id());
        actions.add(open);
        return actions;
    }

    void claim(WorkItem t) {
        try {
            worklist.claim(t.id());
            notify("Claimed: " + t.name() + " (" + t.caseReference() + ")", NotificationVariant.LUMO_SUCCESS);
        } catch (TaskConflictException | TaskNotFoundException e) {
            notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void unclaim(WorkItem t) {
        try {
            worklist.unclaim(t.id());
        } catch (TaskNotFoundException e) {
            notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void open(WorkItem t) {
        getUI().ifPresent(ui -> ui.navigate("tasks/" + t.id()));
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
