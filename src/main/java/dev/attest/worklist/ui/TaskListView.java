package dev.attest.worklist.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import dev.attest.export.ui.CsvExportLink;
import dev.attest.identity.CurrentUser;
import dev.attest.identity.Role;
import dev.attest.ui.Formats;
import dev.attest.worklist.SavedFilters;
import dev.attest.worklist.TaskConflictException;
import dev.attest.worklist.TaskExport;
import dev.attest.worklist.TaskFilter;
import dev.attest.worklist.TaskFilter.Scope;
import dev.attest.worklist.TaskNotFoundException;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.Worklist;

/**
 * The task list: my tasks, my groups' unclaimed tasks, and (managers) all open tasks; filtered by case type
 * and free text, loaded lazily a page at a time from the engine. Users without a worklist are sent on to
 * the place their role works in. By keyboard: the arrow keys move between tasks and Enter opens the focused
 * one; Enter on the actions cell reaches its buttons (the grid's interaction mode), Tab moves between them; more
 * shortcuts in {@link TaskListShortcuts}. Further filters ({@link TaskFilterFields}), saved filters with their
 * counts ({@link SavedFilterBar}) and a CSV download of the list as filtered sit above the grid.
 * The columns fit a 1366 px wide screen beside the menu, SLA and assignee included.
 */
@Route("")
@PageTitle("Tasks · Attest")
@PermitAll
public class TaskListView extends VerticalLayout implements BeforeEnterObserver {

    final Tabs tabs = new Tabs();
    final Tab mine = new Tab("My tasks");
    final Tab group = new Tab("Group tasks");
    final Tab all = new Tab("All open");
    final Tab snoozed = new Tab("Snoozed");
    final Select<CaseType> caseType = new Select<>();
    final TextField search = new TextField();
    final Checkbox escalatedOnly = new Checkbox("Escalated only");
    final Grid<WorkItem> grid = new Grid<>();

    /** A key press the grid handles as "open the focused task": Enter on a cell, not on a button inside one. */
    static final String ENTER_ON_A_CELL = "event.key === 'Enter' && event.target === element";
    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final Worklist worklist;
    private final ZoneId zone;
    private final SavedFilters savedFilters;
    private final TaskExport export;
    TaskFilterFields moreFilters;
    SavedFilterBar savedFilterBar;
    TaskListShortcuts shortcuts;
    CsvExportLink csv;
    /** The task whose row has the keyboard focus, and the column of the focused cell. */
    private WorkItem focused;
    private Grid.Column<WorkItem> focusedColumn;
    Grid.Column<WorkItem> actionsColumn;
    BulkAssignBar bulk;
    /** While a saved filter's fields are being set: one refresh at the end, not one per field. */
    private boolean showing;

    public TaskListView(Worklist worklist, ZoneId zone, SavedFilters savedFilters, TaskExport export) {
        this.worklist = worklist;
        this.zone = zone;
        this.savedFilters = savedFilters;
        this.export = export;
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
        snoozed.setId("tab-snoozed");
        tabs.add(mine, group, snoozed);
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
        // widths fit 1366 px beside the menu: the client under the case, long names wrapped, when the task was
        // created in its tooltip, Open as an icon, so that SLA and assignee stay in sight
        grid.addComponentColumn(TaskListView::caseAndClient).setHeader("Case and client").setKey("case").setWidth("11em")
                .setFlexGrow(0).setTooltipGenerator(t -> t.caseReference() + " · " + t.clientName());
        grid.addColumn(WorkItem::name).setHeader("Task").setKey("task").setWidth("10em").setFlexGrow(2)
                .setTooltipGenerator(t -> t.name() + " · created " + Formats.dateTime(t.created(), zone));
        grid.addComponentColumn(this::due).setHeader("Due").setKey("due").setWidth("9em").setFlexGrow(0);
        grid.addColumn(t -> Formats.label(t.casePriority())).setHeader("Priority").setKey("priority")
                .setWidth("6em").setFlexGrow(0);
        grid.addComponentColumn(t -> t.escalation() == null ? new Span()
                : Formats.badge(t.escalation().label(),
                        t.escalation().offeredFurther() ? Formats.Tone.ERROR : Formats.Tone.NEUTRAL))
                .setHeader("SLA").setAutoWidth(true);
        grid.addColumn(t -> t.assigneeName() == null ? "" : t.assigneeName()).setHeader("Assignee").setKey("assignee")
                .setWidth("8em").setFlexGrow(1);
        actionsColumn = grid.addComponentColumn(this::actions).setHeader("Actions").setKey("actions")
                .setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        // pages are fetched as the user scrolls, without counting every matching task first (a count over
        // 100,000 open tasks costs more than the page itself)
        grid.setItems(q -> worklist.page(filter(), q.getOffset(), q.getLimit()).stream())
                // a row is its task: a selection or the keyboard's highlight survives the row being fetched again
                // with something changed (its holder, its escalation)
                .setIdentifierProvider(WorkItem::id);
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        grid.addCellFocusListener(e -> {
            focused = e.getItem().orElse(null);
            focusedColumn = e.getColumn().orElse(null);
        });
        // Enter on a focused cell (not on a button inside one) opens that row's task
        grid.getElement().addEventListener("keydown", e -> openFocused())
                .setFilter(ENTER_ON_A_CELL);
        grid.setEmptyStateText("No tasks here.");
        // select rows to give them to someone or back to their groups (BulkAssignBar)
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        bulk = new BulkAssignBar(worklist, this::refresh);
        grid.addSelectionListener(e -> bulk.show(e.getAllSelectedItems()));

        tabs.addSelectedChangeListener(e -> refresh());
        caseType.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());
        escalatedOnly.setId("task-escalated");
        escalatedOnly.addValueChangeListener(e -> refresh());
        moreFilters = new TaskFilterFields(me.has(Role.MANAGER), this::refresh);
        HorizontalLayout filters = new HorizontalLayout(tabs, caseType, search, escalatedOnly);
        filters.setAlignItems(Alignment.BASELINE);
        filters.setWrap(true);
        savedFilterBar = new SavedFilterBar(savedFilters, this::filter, this::show);
        csv = new CsvExportLink("tasks-csv", () -> export.csv(filter(), savedFilterBar.choice.isEmpty() ? null
                : savedFilterBar.choice.getValue().name()));
        HorizontalLayout saved = new HorizontalLayout(savedFilterBar, moreFilters, csv);
        saved.setAlignItems(Alignment.BASELINE);
        saved.setWrap(true);
        shortcuts = new TaskListShortcuts(grid, this::row, this::claim, this::open, search);
        Span keys = new Span("Arrow keys move between tasks, Enter opens one; Enter on Actions reaches its buttons; "
                + "j/k, c, o, / and ? in the list.");
        keys.setId("task-keys");
        keys.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Button help = new Button("Keyboard shortcuts", VaadinIcon.KEYBOARD_O.create(), e -> shortcuts.showHelp());
        help.setId("shortcut-help-button");
        help.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        add(new H2("Tasks"), filters, saved, bulk, grid, new HorizontalLayout(keys, help));
        expand(grid);
        grid.focus(); // the keyboard shortcuts listen in the list
    }

    TaskFilter filter() {
        Scope scope = tabs.getSelectedTab() == all ? Scope.ALL : tabs.getSelectedTab() == group ? Scope.GROUP
                : tabs.getSelectedTab() == snoozed ? Scope.SNOOZED : Scope.MINE;
        TaskFilter base = new TaskFilter(scope, caseType.getValue(), search.getValue(), escalatedOnly.getValue());
        return moreFilters == null ? base : moreFilters.applyTo(base);
    }

    /** Sets the list's fields to a saved filter's (a tab the user does not have stays as it is). */
    void show(TaskFilter f) {
        showing = true;
        try {
            Tab tab = f.scope() == Scope.ALL ? all : f.scope() == Scope.GROUP ? group
                    : f.scope() == Scope.SNOOZED ? snoozed : mine;
            if (tab.getParent().isPresent()) {
                tabs.setSelectedTab(tab);
            }
            caseType.setValue(f.caseType());
            search.setValue(f.text() == null ? "" : f.text());
            escalatedOnly.setValue(f.escalatedOnly());
            moreFilters.show(f);
        } finally {
            showing = false;
        }
        refresh();
    }

    /** The task at a position of the list as it is filtered now (for the keyboard's highlight). */
    private Optional<WorkItem> row(int index) {
        return worklist.page(filter(), index, 1).stream().findFirst();
    }

    void refresh() {
        if (showing) {
            return;
        }
        // a selection is of rows as they were listed: the list filtered anew (also by a search that lands after a
        // tick, the search field sending its text 400 ms after the last key) or changed starts with none selected
        grid.deselectAll();
        if (savedFilterBar != null) {
            savedFilterBar.clearChoice();
        }
        if (shortcuts != null) {
            shortcuts.reset();
        }
        grid.getDataProvider().refreshAll();
    }

    private static Component caseAndClient(WorkItem t) {
        Span client = new Span(t.clientName() == null ? "" : t.clientName());
        client.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        VerticalLayout cell = new VerticalLayout(new Span(t.caseReference()), client);
        cell.setPadding(false);
        cell.setSpacing(false);
        return cell;
    }

    private Span due(WorkItem t) {
        if (t.due() != null && t.due().isBefore(Instant.now())) {
            return Formats.badge("Overdue · " + shortDate(t.due()), Formats.Tone.ERROR);
        }
        return new Span(t.due() == null ? "—" : shortDate(t.due()));
    }

    /** A due date without its year when it is this year's, so that the column stays narrow. */
    private String shortDate(Instant instant) {
        var local = instant.atZone(zone);
        return local.getYear() == LocalDate.now(zone).getYear() ? THIS_YEAR.format(local)
                : Formats.dateTime(instant, zone);
    }

    private HorizontalLayout actions(WorkItem t) {
        CurrentUser me = CurrentUser.require();
        HorizontalLayout actions = new HorizontalLayout();
        if (t.assignee() == null) {
            Button claim = new Button("Claim", e -> claim(t));
            claim.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            claim.setId("claim-" + t.id());
            claim.setAriaLabel("Claim " + t.name() + ", " + t.caseReference());
            actions.add(claim);
        } else if (me.username().equals(t.assignee())) {
            Button unclaim = new Button("Unclaim", e -> unclaim(t));
            unclaim.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            unclaim.setAriaLabel("Unclaim " + t.name() + ", " + t.caseReference());
            actions.add(unclaim);
        }
        Button open = new Button(VaadinIcon.ARROW_RIGHT.create(), e -> open(t));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
        open.setTooltipText("Open");
        open.setId("open-" + t.id());
        open.setAriaLabel("Open " + t.name() + ", " + t.caseReference());
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

    /** Opens the task whose row has the keyboard focus; on the actions cell Enter reaches the buttons instead. */
    void openFocused() {
        if (focused != null && focusedColumn != actionsColumn) {
            open(focused);
        }
    }

    void open(WorkItem t) {
        getUI().ifPresent(ui -> ui.navigate("tasks/" + t.id()));
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
