package dev.attest.dashboard.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;

import dev.attest.cases.CaseType;
import dev.attest.dashboard.Dashboard;
import dev.attest.dashboard.DashboardFigures;
import dev.attest.dashboard.DashboardFilter;
import dev.attest.dashboard.DrillDown;
import dev.attest.dashboard.DrillDown.Figure;
import dev.attest.identity.Role;
import dev.attest.identity.UserDirectory;
import dev.attest.sla.Escalation;
import dev.attest.ui.Formats;
import dev.attest.validation.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;

/**
 * The manager's SLA dashboard: open work now, breaches per week, time to resolution, workload, escalations and
 * first-pass acceptance for a range of days and a case type. Clicking a number, bar or slice lists what is
 * behind it.
 */
@Route("dashboard")
@PageTitle("Dashboard · Attest")
@RolesAllowed(Role.Names.MANAGER)
public class DashboardView extends VerticalLayout {

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final String ALL_TYPES = "All case types";

    private final Dashboard dashboard;
    private final UserDirectory users;
    private final ZoneId zone;

    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Select<String> caseType = new Select<>();
    private final FlexLayout numbers = new FlexLayout();
    private final Chart stages = new Chart("300px");
    private final Chart weeks = new Chart("300px");
    private final Chart resolution = new Chart("300px");
    private final Chart workload = new Chart("300px");
    private final Chart escalations = new Chart("300px");
    private final Chart rejections = new Chart("300px");
    private final H3 drillTitle = new H3();
    private final Grid<DrillDown.Row> drillGrid = new Grid<>();
    private DashboardFilter filter;

    public DashboardView(Dashboard dashboard, UserDirectory users, ZoneId zone) {
        this.dashboard = dashboard;
        this.users = users;
        this.zone = zone;
        setWidthFull();

        DashboardFilter lastEightWeeks = DashboardFilter.lastWeeks(dashboard.today(), 8, null);
        from.setValue(lastEightWeeks.from());
        to.setValue(lastEightWeeks.to());
        from.setId("dashboard-from");
        to.setId("dashboard-to");
        caseType.setLabel("Case type");
        List<String> types = new ArrayList<>(List.of(ALL_TYPES));
        for (CaseType t : CaseType.values()) {
            types.add(t.label());
        }
        caseType.setItems(types);
        caseType.setValue(ALL_TYPES);
        caseType.setId("dashboard-case-type");
        Button show = new Button("Show", e -> refresh());
        show.setId("dashboard-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(from, to, caseType, show);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        numbers.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        numbers.getStyle().set("gap", "var(--lumo-space-m)");
        numbers.setWidthFull();

        stages.setId("chart-stages");
        weeks.setId("chart-weeks");
        resolution.setId("chart-resolution");
        workload.setId("chart-workload");
        escalations.setId("chart-escalations");
        rejections.setId("chart-marketplace-rejections");
        stages.onClick(key -> drill(Figure.STAGE, key, "Open cases at this stage"));
        weeks.onClick(key -> drill(Figure.BREACHES, key, "Tasks completed late in the week of "
                + WEEK.format(LocalDate.parse(key))));
        resolution.onClick(key -> drill(Figure.RESOLVED, key, "Cases closed"));
        workload.onClick(key -> drill(Figure.WORKLOAD, key, key.isEmpty() ? "Unclaimed tasks"
                : "Open tasks of " + users.displayName(key)));
        escalations.onClick(key -> drill(Figure.ESCALATIONS, key, "Escalations"));

        FlexLayout charts = new FlexLayout(panel("Open cases by stage", stages), panel("Completed tasks and SLA breaches per week", weeks),
                panel("Time to resolution (business hours, client waits excluded)", resolution),
                panel("Workload per analyst", workload), panel("Escalations", escalations),
                panel("2FA resets: the marketplace's rejection reasons", rejections));
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.getStyle().set("gap", "var(--lumo-space-m)");
        charts.setWidthFull();

        drillGrid.setId("dashboard-drill");
        drillGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        drillGrid.addComponentColumn(r -> new RouterLink(r.caseReference(), dev.attest.cases.ui.CaseView.class,
                new RouteParameters("reference", r.caseReference()))).setHeader("Case").setAutoWidth(true);
        drillGrid.addColumn(r -> label(r.caseType())).setHeader("Type").setAutoWidth(true);
        drillGrid.addColumn(DrillDown.Row::what).setHeader("What").setFlexGrow(1);
        drillGrid.addColumn(r -> r.who().isEmpty() ? "" : users.displayName(r.who())).setHeader("Who").setAutoWidth(true);
        drillGrid.addColumn(r -> r.when() == null ? "" : Formats.dateTime(r.when(), this.zone)).setHeader("When")
                .setAutoWidth(true);
        drillGrid.addComponentColumn(r -> r.taskId() == null ? new Span() : new RouterLink("Open task",
                dev.attest.worklist.ui.TaskView.class, new RouteParameters("taskId", r.taskId())))
                .setHeader("").setAutoWidth(true);
        drillGrid.setAllRowsVisible(true);
        drillTitle.setId("dashboard-drill-title");
        drillTitle.setVisible(false);
        drillGrid.setVisible(false);

        add(new H2("SLA dashboard"), filters, numbers, charts, drillTitle, drillGrid);
        refresh();
    }

    private static Div panel(String title, Chart chart) {
        H3 heading = new H3(title);
        heading.getStyle().set("font-size", "var(--lumo-font-size-m)").set("margin", "0 0 var(--lumo-space-s) 0");
        Div panel = new Div(heading, chart);
        panel.getStyle().set("flex", "1 1 460px").set("min-width", "320px").set("padding", "var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)");
        return panel;
    }

    /** Reads the filter and redraws everything. */
    void refresh() {
        from.setInvalid(false);
        DashboardFilter next;
        try {
            next = new DashboardFilter(from.getValue(), to.getValue(), selectedType());
        } catch (InvalidInputException e) {
            from.setErrorMessage(e.errors().get(0).message());
            from.setInvalid(true);
            return;
        }
        filter = next;
        DashboardFigures f = dashboard.figures(filter);
        showNumbers(f);
        stages.setOption(stageOption(f));
        weeks.setOption(weekOption(f));
        resolution.setOption(resolutionOption(f));
        workload.setOption(workloadOption(f));
        escalations.setOption(escalationOption(f));
        rejections.setOption(rejectionOption(f));
        drillTitle.setVisible(false);
        drillGrid.setVisible(false);
    }

    private CaseType selectedType() {
        for (CaseType t : CaseType.values()) {
            if (t.label().equals(caseType.getValue())) {
                return t;
            }
        }
        return null;
    }

    private void showNumbers(DashboardFigures f) {
        numbers.removeAll();
        numbers.add(number("open-cases", "Open cases", String.valueOf(f.openCases()), Figure.OPEN_CASES, "Open cases"));
        numbers.add(number("overdue", "Tasks overdue", String.valueOf(f.overdue()), Figure.OVERDUE, "Tasks overdue"));
        numbers.add(number("due-today", "Due later today", String.valueOf(f.dueToday()), Figure.DUE_TODAY,
                "Tasks due later today"));
        numbers.add(number("about-to-breach", "About to breach", String.valueOf(f.aboutToBreach()),
                Figure.ABOUT_TO_BREACH, "Tasks past their warning, not yet due"));
        Double acceptance = f.firstPassAcceptance();
        numbers.add(number("first-pass", "First-pass acceptance",
                acceptance == null ? "–" : Math.round(acceptance * 100) + " % of " + f.firstRoundDecided(),
                Figure.FIRST_ROUND_REJECTED, "Documents rejected at their first round"));
        Double firstSubmission = f.marketplace().firstSubmissionAcceptance();
        numbers.add(number("first-submission", "2FA resets approved at the first submission",
                firstSubmission == null ? "–" : Math.round(firstSubmission) + " % of " + f.marketplace().firstDecided(),
                null, null));
        long escalated = f.escalations().stream().mapToLong(DashboardFigures.EscalationCount::count).sum();
        numbers.add(number("escalations", "Escalations", String.valueOf(escalated), Figure.ESCALATIONS, "Escalations"));
    }

    private Component number(String id, String label, String value, Figure figure, String drillLabel) {
        Span big = new Span(value);
        big.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Span caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        VerticalLayout card = new VerticalLayout(big, caption);
        card.setId("number-" + id);
        card.setSpacing(false);
        card.setPadding(true);
        card.setWidth("auto");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("min-width", "150px");
        if (figure != null) {
            card.getStyle().set("cursor", "pointer");
            card.getElement().setAttribute("title", "List them");
            card.addClickListener(e -> drill(figure, null, drillLabel));
        }
        return card;
    }

    /** Lists the rows behind a number. */
    void drill(Figure figure, String key, String title) {
        List<DrillDown.Row> rows = dashboard.drill(figure, key, filter);
        drillTitle.setText(title + " (" + rows.size() + (rows.size() == Dashboard.DRILL_LIMIT ? "+" : "") + ")");
        drillTitle.setVisible(true);
        drillGrid.setItems(rows);
        drillGrid.setVisible(true);
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static final Map<String, Object> TOOLTIP = map("trigger", "axis");

    private Map<String, Object> stageOption(DashboardFigures f) {
        List<String> names = f.openCasesByStage().stream().map(DashboardFigures.Stage::label).toList();
        List<Object> data = f.openCasesByStage().stream()
                .map(s -> (Object) map("value", s.cases(), "key", s.key())).toList();
        return map("tooltip", TOOLTIP, "grid", map("left", 170, "right", 20, "top", 10, "bottom", 30),
                "xAxis", map("type", "value", "minInterval", 1),
                "yAxis", map("type", "category", "data", names, "inverse", true),
                "series", List.of(map("name", "Cases", "type", "bar", "data", data, "itemStyle", map("color", "#1a4e8c"))));
    }

    private Map<String, Object> weekOption(DashboardFigures f) {
        List<String> names = f.weeks().stream().map(w -> WEEK.format(w.start())).toList();
        List<Object> completed = f.weeks().stream()
                .map(w -> (Object) map("value", w.completed(), "key", w.start().toString())).toList();
        List<Object> rate = f.weeks().stream().map(w -> (Object) map("value",
                w.breachRate() == null ? null : Math.round(w.breachRate() * 1000) / 10.0, "key", w.start().toString()))
                .toList();
        return map("tooltip", TOOLTIP, "legend", map("top", 0),
                "grid", map("left", 50, "right", 50, "top", 40, "bottom", 30),
                "xAxis", map("type", "category", "data", names),
                "yAxis", List.of(map("type", "value", "name", "Tasks", "minInterval", 1),
                        map("type", "value", "name", "Breach %", "max", 100, "min", 0)),
                "series", List.of(
                        map("name", "Completed", "type", "bar", "data", completed, "itemStyle", map("color", "#8fa3b8")),
                        map("name", "Breach rate %", "type", "line", "yAxisIndex", 1, "data", rate,
                                "itemStyle", map("color", "#c0392b"))));
    }

    private Map<String, Object> resolutionOption(DashboardFigures f) {
        List<String> names = f.resolution().stream().map(r -> r.caseType().label() + " (" + r.cases() + ")").toList();
        List<Object> median = f.resolution().stream()
                .map(r -> (Object) map("value", round(r.medianHours()), "key", r.caseType().name())).toList();
        List<Object> p90 = f.resolution().stream()
                .map(r -> (Object) map("value", round(r.p90Hours()), "key", r.caseType().name())).toList();
        return map("tooltip", TOOLTIP, "legend", map("top", 0),
                "grid", map("left", 50, "right", 20, "top", 40, "bottom", 30),
                "xAxis", map("type", "category", "data", names),
                "yAxis", map("type", "value", "name", "Hours"),
                "series", List.of(map("name", "Median", "type", "bar", "data", median, "itemStyle", map("color", "#2e9d4f")),
                        map("name", "90th percentile", "type", "bar", "data", p90, "itemStyle", map("color", "#e0a030"))));
    }

    private Map<String, Object> workloadOption(DashboardFigures f) {
        Map<String, String> names = users.displayNames(f.workload().stream().map(DashboardFigures.Workload::analyst)
                .filter(a -> !a.isEmpty()).toList());
        List<String> axis = f.workload().stream()
                .map(w -> w.analyst().isEmpty() ? "Unclaimed" : names.getOrDefault(w.analyst(), w.analyst())).toList();
        List<Object> onTime = f.workload().stream()
                .map(w -> (Object) map("value", w.open() - w.overdue(), "key", w.analyst())).toList();
        List<Object> overdue = f.workload().stream()
                .map(w -> (Object) map("value", w.overdue(), "key", w.analyst())).toList();
        List<Object> completed = f.workload().stream()
                .map(w -> (Object) map("value", w.completed(), "key", w.analyst())).toList();
        return map("tooltip", TOOLTIP, "legend", map("top", 0),
                "grid", map("left", 110, "right", 20, "top", 40, "bottom", 30),
                "xAxis", map("type", "value", "minInterval", 1),
                "yAxis", map("type", "category", "data", axis, "inverse", true),
                "series", List.of(
                        map("name", "Open", "type", "bar", "stack", "open", "data", onTime, "itemStyle", map("color", "#1a4e8c")),
                        map("name", "Overdue", "type", "bar", "stack", "open", "data", overdue, "itemStyle", map("color", "#c0392b")),
                        map("name", "Completed in range", "type", "bar", "data", completed, "itemStyle", map("color", "#8fa3b8"))));
    }

    private Map<String, Object> escalationOption(DashboardFigures f) {
        List<Object> data = f.escalations().stream().map(e -> (Object) map("name",
                Escalation.Level.valueOf(e.level()).label(), "value", e.count(), "key", e.level())).toList();
        return map("tooltip", map("trigger", "item"), "legend", map("top", 0),
                "series", List.of(map("name", "Escalations", "type", "pie", "radius", List.of("35%", "65%"),
                        "top", 30, "data", data, "label", map("formatter", "{b}: {c}"))));
    }

    private Map<String, Object> rejectionOption(DashboardFigures f) {
        var reasons = f.marketplace().rejectionReasons();
        List<String> names = reasons.stream().map(r -> Formats.label(r.reason())).toList();
        List<Object> data = reasons.stream().map(r -> (Object) r.count()).toList();
        return map("tooltip", TOOLTIP, "grid", map("left", 170, "right", 20, "top", 10, "bottom", 30),
                "xAxis", map("type", "value", "minInterval", 1),
                "yAxis", map("type", "category", "data", names, "inverse", true),
                "series", List.of(map("name", "Rejections", "type", "bar", "data", data,
                        "itemStyle", map("color", "#b3261e"))));
    }

    private static double round(double hours) {
        return Math.round(hours * 10) / 10.0;
    }

    private static String label(String caseType) {
        try {
            return CaseType.valueOf(caseType).label();
        } catch (IllegalArgumentException e) {
            return caseType;
        }
    }
}
