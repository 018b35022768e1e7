package dev.attest.dashboard.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.attest.cases.CaseType;
import dev.attest.dashboard.Dashboard;
import dev.attest.dashboard.DashboardFigures;
import dev.attest.dashboard.DashboardFilter;
import dev.attest.dashboard.DrillDown;
import dev.attest.dashboard.DrillDown.Figure;
import dev.attest.identity.Role;
import dev.attest.identity.UserDirectory;
import dev.attest.screening.CaseScreenings;

/**
 * The manager's SLA dashboard: open work now, who is overloaded, breaches per week, time to resolution, workload,
 * escalations and first-pass acceptance for a range of days and a case type. Clicking a number (or pressing Enter
 * on it), a bar or a slice lists what is behind it in a side panel and marks what was clicked. Below the numbers,
 * the sanctions screening: hits waiting for a reviewer (listing their cases), the oldest one's wait and the time to
 * clear hits.
 */
@Route("dashboard")
@PageTitle("Dashboard · Attest")
@RolesAllowed(Role.Names.MANAGER)
public class DashboardView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Dashboard dashboard;
    private final UserDirectory users;
    private final DashboardFilterBar filterBar;
    private final NumberCards numbers = new NumberCards(this::open);
    private final ScreeningCard screening = new ScreeningCard(this::open);
    private final CaseScreenings screenings;
    private final Clock clock;
    private final AnalystLoadTable load = new AnalystLoadTable(this::open);
    private final ChartPanel stages = new ChartPanel("chart-stages", "Open cases by stage");
    private final ChartPanel weeks = new ChartPanel("chart-weeks", "Completed tasks and SLA breaches per week");
    private final ChartPanel resolution = new ChartPanel("chart-resolution",
            "Time to resolution (business hours, client waits excluded)");
    private final ChartPanel workload = new ChartPanel("chart-workload", "Workload per analyst");
    private final ChartPanel escalations = new ChartPanel("chart-escalations", "Escalations");
    private final ChartPanel rejections = new ChartPanel("chart-marketplace-rejections",
            "2FA resets: the marketplace's rejection reasons");
    private final DrillDownPanel drillPanel;
    private DashboardFilter filter;
    private DashboardFigures figures;
    private NumberCard opener;

    public DashboardView(Dashboard dashboard, UserDirectory users, ZoneId zone, CaseScreenings screenings,
            Clock clock) {
        this.dashboard = dashboard;
        this.screenings = screenings;
        this.clock = clock;
        this.users = users;
        this.filterBar = new DashboardFilterBar(DashboardFilter.lastWeeks(dashboard.today(), 8, null), this::refresh);
        this.drillPanel = new DrillDownPanel(users, zone);
        drillPanel.onClose(() -> {
            unmark();
            if (opener != null) {
                opener.focus(); // back where the keyboard was
            }
        });
        addClassName("attest-dashboard");
        setWidthFull();

        onClick(stages, key -> new Drill(Figure.STAGE, key, "Open cases: " + figures.openCasesByStage().stream()
                .filter(stage -> stage.key().equals(key)).map(DashboardFigures.Stage::label).findFirst().orElse(key)));
        onClick(weeks, key -> new Drill(Figure.BREACHES, key,
                "Tasks completed late in the week of " + ChartOptions.WEEK.format(LocalDate.parse(key))));
        onClick(resolution, key -> new Drill(Figure.RESOLVED, key, Arrays.stream(CaseType.values())
                .filter(t -> t.name().equals(key)).map(CaseType::label).findFirst().orElse(key) + " cases closed"));
        onClick(workload, key -> new Drill(Figure.WORKLOAD, key,
                key.isEmpty() ? "Unclaimed tasks" : "Open tasks of " + users.displayName(key)));
        onClick(escalations, key -> new Drill(Figure.ESCALATIONS, key,
                "Escalations: " + ChartOptions.escalationLabel(key)));

        Div charts = new Div(stages, weeks, resolution, workload, escalations, rejections);
        charts.addClassName("attest-dashboard-charts");
        add(new H2("SLA dashboard"), filterBar, numbers, screening, load, charts, drillPanel);
        refresh();
    }

    private void onClick(ChartPanel panel, Function<String, Drill> drill) {
        panel.chart().onClick(key -> open(drill.apply(key), panel.chart()));
    }

    /** Reads the filter and redraws everything; an open list closes. */
    void refresh() {
        DashboardFilter next = filterBar.read();
        if (next == null) {
            return;
        }
        filter = next;
        opener = null;
        DashboardFigures f = dashboard.figures(filter);
        figures = f;
        Map<String, String> names = users.displayNames(f.workload().stream().map(DashboardFigures.Workload::analyst)
                .filter(a -> !a.isEmpty()).toList());
        numbers.show(f);
        screening.show(screenings.openHits(), clock.instant());
        load.show(f.analystLoad(), names);
        stages.chart().setOption(ChartOptions.stages(f));
        weeks.chart().setOption(ChartOptions.weeks(f));
        resolution.chart().setOption(ChartOptions.resolution(f));
        workload.chart().setOption(ChartOptions.workload(f, names));
        escalations.chart().setOption(ChartOptions.escalations(f));
        rejections.chart().setOption(ChartOptions.rejections(f));
        drillPanel.close();
    }

    private void open(NumberCard card) {
        open(card.drill(), null);
        numbers.press(card);
        screening.press(card);
        opener = card;
    }

    private void open(Drill drill) {
        open(drill, null);
    }

    /** Lists the rows behind what was clicked in the side panel, and marks the clicked bar or slice. */
    private void open(Drill drill, Chart clicked) {
        List<DrillDown.Row> rows = dashboard.drill(drill.figure(), drill.key(), filter);
        unmark();
        opener = null;
        if (clicked != null) {
            clicked.mark(drill.key());
        }
        drillPanel.show(drill.title(), describe(drill), rows);
    }

    /** The filter the list is for, in words: the case type, and the range unless the figure counts what is open now. */
    private String describe(Drill drill) {
        if (drill.figure() == Figure.SCREENING_OPEN_HITS) {
            return "Open now · every case type";
        }
        String type = filter.caseType() == null ? DashboardFilterBar.ALL_TYPES : filter.caseType().label();
        return drill.now() ? "Open now · " + type
                : DAY.format(filter.from()) + " – " + DAY.format(filter.to()) + " · " + type;
    }

    private void unmark() {
        numbers.press(null);
        screening.press(null);
        for (ChartPanel panel : List.of(stages, weeks, resolution, workload, escalations, rejections)) {
            if (panel.chart().marked() != null) {
                panel.chart().mark(null);
            }
        }
    }
}
