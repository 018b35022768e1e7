package dev.attest.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.DomEvent;

import elemental.json.Json;

import dev.attest.dashboard.Dashboard;
import dev.attest.dashboard.DashboardFigures;
import dev.attest.dashboard.DashboardFilter;
import dev.attest.dashboard.DrillDown;
import dev.attest.dashboard.DrillDown.Figure;
import dev.attest.identity.Role;
import dev.attest.ui.KaribuTest;

/** The dashboard view, server-side, on the demo data. */
class DashboardViewTests extends KaribuTest {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy",
            Locale.ENGLISH);

    @Autowired Dashboard dashboard;

    DashboardFilter lastEightWeeks() {
        return DashboardFilter.lastWeeks(dashboard.today(), 8, null);
    }

    @Test
    void managerSeesTheFiguresAndChartsAndListsWhatIsBehindANumber() {
        login("manager", Role.MANAGER);
        UI.getCurrent().navigate(DashboardView.class);
        DashboardView view = _get(DashboardView.class);
        DashboardFigures figures = dashboard.figures(lastEightWeeks());

        assertThat(view.getElement().getOuterHTML()).contains("Tasks overdue").contains("First-pass acceptance");
        for (String id : new String[] {"chart-stages", "chart-weeks", "chart-resolution", "chart-workload",
                "chart-escalations", "chart-marketplace-rejections"}) {
            String option = _get(Chart.class, spec -> spec.withId(id)).getElement().getProperty("option");
            assertThat(option).as(id).contains("\"series\"");
        }
        String stages = _get(Chart.class, spec -> spec.withId("chart-stages")).getElement().getProperty("option");
        figures.openCasesByStage().forEach(s -> assertThat(stages).contains(s.key()));
        // the demo's 2FA resets: one approved at once, one rejected twice for a name mismatch
        assertThat(_get(Chart.class, spec -> spec.withId("chart-marketplace-rejections")).getElement()
                .getProperty("option")).contains("Name mismatch");
        assertThat(_get(Div.class, spec -> spec.withId("number-first-submission")).getElement()
                .getOuterHTML()).contains(Math.round(figures.marketplace().firstSubmissionAcceptance())
                        + " % of " + figures.marketplace().firstDecided());
        assertThat(figures.openCases()).isPositive();

        _click(_get(NumberCard.class, spec -> spec.withId("number-overdue")));
        assertThat(view.getElement().getOuterHTML()).contains("Tasks overdue (" + figures.overdue() + ")");

        var stage = figures.openCasesByStage().get(0);
        var chart = _get(Chart.class, spec -> spec.withId("chart-stages")).getElement();
        ElementUtilsKt._fireDomEvent(chart, new DomEvent(chart, "chart-click",
                Json.parse("{\"event.detail.key\": \"" + stage.key() + "\"}")));
        @SuppressWarnings("unchecked")
        var grid = (Grid<DrillDown.Row>) _get(Grid.class,
                spec -> spec.withId("dashboard-drill"));
        assertThat(GridKt._size(grid)).isEqualTo((int) Math.min(stage.cases(), Dashboard.DRILL_LIMIT));
    }

    @Autowired JdbcTemplate jdbc;

    /** A component of the view by type and id, shown or hidden (Karibu's locators see only shown ones). */
    static <T extends Component> T find(Class<T> type, String id) {
        return first(_get(DashboardView.class), type, id);
    }

    private static <T extends Component> T first(Component root, Class<T> type, String id) {
        if (type.isInstance(root) && (id == null || id.equals(root.getId().orElse(null)))) {
            return type.cast(root);
        }
        return root.getChildren().map(c -> first(c, type, id)).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    static Grid<DrillDown.Row> drillGrid() {
        return find(Grid.class, "dashboard-drill");
    }

    /** Two open task records the demo lacks: one of the analyst's overdue, one unclaimed past its warning. */
    @BeforeEach
    void overdueWork() {
        var open = jdbc.queryForMap("SELECT reference, type FROM case_file WHERE status <> 'CLOSED' ORDER BY reference"
                + " LIMIT 1");
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp hourAgo = Timestamp.from(Instant.now().minusSeconds(3600));
        Timestamp inAnHour = Timestamp.from(Instant.now().plusSeconds(3600));
        jdbc.update("INSERT INTO sla_open_task (id, case_reference, case_type, task_key, name, assignee, created_at,"
                + " due_at, follow_up_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "dashboard-view-test-1",
                open.get("reference"), open.get("type"), "Task_ReviewDocument", "Review document", "analyst", now,
                hourAgo, hourAgo);
        jdbc.update("INSERT INTO sla_open_task (id, case_reference, case_type, task_key, name, assignee, created_at,"
                + " due_at, follow_up_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "dashboard-view-test-2",
                open.get("reference"), open.get("type"), "Task_ReviewDocument", "Review document", null, now,
                inAnHour, hourAgo);
    }

    @AfterEach
    void noOverdueWork() {
        jdbc.update("DELETE FROM sla_open_task WHERE id LIKE 'dashboard-view-test-%'");
    }

    static void clickChart(String id, String key) {
        var chart = _get(Chart.class, spec -> spec.withId(id)).getElement();
        ElementUtilsKt._fireDomEvent(chart, new DomEvent(chart, "chart-click",
                Json.parse("{\"event.detail.key\": \"" + key + "\"}")));
    }

    @Test
    void aNumberCardIsAButtonThatOpensItsTitledListInTheSidePanelAndIsMarked() {
        login("manager", Role.MANAGER);
        UI.getCurrent().navigate(DashboardView.class);
        DashboardFigures figures = dashboard.figures(lastEightWeeks());
        DrillDownPanel panel = find(DrillDownPanel.class, null);
        assertThat(panel.isVisible()).as("no list before a click").isFalse();

        NumberCard overdue = _get(NumberCard.class, spec -> spec.withId("number-overdue"));
        // a vaadin-button: in the tab order, and Enter or Space on it is a click
        assertThat(overdue).isInstanceOf(Button.class);
        assertThat(overdue.isEnabled()).isTrue();
        assertThat(overdue.getElement().getAttribute("tabindex")).isNotEqualTo("-1");
        assertThat(overdue.getElement().getAttribute("aria-label")).isEqualTo("Tasks overdue: " + figures.overdue()
                + ". List them");
        assertThat(overdue.isPressed()).isFalse();
        _click(overdue);

        assertThat(panel.isVisible()).isTrue();
        assertThat(panel.title()).isEqualTo("Tasks overdue (" + figures.overdue() + ")");
        assertThat(_get(Paragraph.class, spec -> spec.withId("dashboard-drill-filter")).getText())
                .isEqualTo("Open now · All case types");
        assertThat(GridKt._size(drillGrid())).isEqualTo((int) Math.min(figures.overdue(), Dashboard.DRILL_LIMIT));
        assertThat(overdue.isPressed()).isTrue();
        assertThat(_get(NumberCard.class, spec -> spec.withId("number-open-cases")).isPressed()).isFalse();

        // Escape closes the panel and unmarks the card
        ShortcutsKt._fireShortcut(panel, Key.ESCAPE);
        assertThat(panel.isVisible()).isFalse();
        assertThat(overdue.isPressed()).isFalse();
    }

    @Test
    void clickingABarMarksItAndTitlesTheListWithTheRange() {
        login("manager", Role.MANAGER);
        UI.getCurrent().navigate(DashboardView.class);
        DashboardFigures figures = dashboard.figures(lastEightWeeks());
        var week = figures.weeks().get(figures.weeks().size() - 1);
        clickChart("chart-weeks", week.start().toString());

        Chart weeks = _get(Chart.class, spec -> spec.withId("chart-weeks"));
        String option = weeks.getElement().getProperty("option");
        assertThat(weeks.marked()).isEqualTo(week.start().toString());
        assertThat(option).contains("{\"value\":" + week.completed() + ",\"key\":\"" + week.start()
                + "\",\"selected\":true,\"itemStyle\":{");
        assertThat(option).contains("\"selected\":false");
        assertThat(_get(DrillDownPanel.class).title()).startsWith("Tasks completed late in the week of "
                + ChartOptions.WEEK.format(week.start()) + " (");
        DashboardFilter range = lastEightWeeks();
        assertThat(_get(Paragraph.class, spec -> spec.withId("dashboard-drill-filter")).getText()).isEqualTo(
                DAY.format(range.from()) + " – " + DAY.format(range.to())
                        + " · All case types");

        // another click moves the mark: the chart clicked before is drawn unmarked again
        var stage = figures.openCasesByStage().get(0);
        clickChart("chart-stages", stage.key());
        assertThat(weeks.marked()).isNull();
        assertThat(weeks.getElement().getProperty("option")).doesNotContain("\"selected\"");
        assertThat(_get(Chart.class, spec -> spec.withId("chart-stages")).marked()).isEqualTo(stage.key());
        assertThat(find(DrillDownPanel.class, null).title()).isEqualTo("Open cases: " + stage.label() + " ("
                + Math.min(stage.cases(), Dashboard.DRILL_LIMIT) + ")");
    }

    @Test
    void anEmptyListSaysSo() {
        login("manager", Role.MANAGER);
        UI.getCurrent().navigate(DashboardView.class);
        var from = _get(DatePicker.class, spec -> spec.withId("dashboard-from"));
        var to = _get(DatePicker.class, spec -> spec.withId("dashboard-to"));
        from.setValue(LocalDate.of(2001, 1, 1));
        to.setValue(LocalDate.of(2001, 1, 31));
        _click(_get(Button.class, spec -> spec.withId("dashboard-show")));
        _click(_get(NumberCard.class, spec -> spec.withId("number-escalations")));

        assertThat(_get(DrillDownPanel.class).title()).isEqualTo("Escalations (0)");
        Paragraph empty = find(Paragraph.class, "dashboard-drill-empty");
        assertThat(empty.isVisible()).isTrue();
        assertThat(empty.getText()).startsWith("Nothing to list");
        assertThat(drillGrid().isVisible()).isFalse();
    }

    @Test
    void theTableAtTheTopShowsWhoHasWorkOverdueOrAtRiskAndListsIt() {
        login("manager", Role.MANAGER);
        UI.getCurrent().navigate(DashboardView.class);
        List<DashboardFigures.AnalystLoad> pressing = dashboard.figures(lastEightWeeks()).analystLoad().stream()
                .filter(a -> a.overdue() > 0 || a.atRisk() > 0).toList();
        assertThat(pressing).extracting(DashboardFigures.AnalystLoad::analyst).contains("analyst", "");
        List<NativeTableRow> rows = _find(NativeTableRow.class);
        assertThat(rows.stream().filter(r -> r.getId().orElse("").startsWith("load-")).count())
                .isEqualTo(Math.min(pressing.size(), AnalystLoadTable.MAX_ROWS));
        for (var a : pressing.subList(0, Math.min(pressing.size(), AnalystLoadTable.MAX_ROWS))) {
            String id = a.analyst().isEmpty() ? "unclaimed" : a.analyst();
            String text = _get(NativeTableRow.class, spec -> spec.withId("load-" + id)).getElement().getTextRecursively();
            assertThat(text).as(id).endsWith(a.overdue() + "" + a.atRisk() + a.dueToday() + a.open());
        }
        var first = pressing.get(0);
        String id = first.analyst().isEmpty() ? "unclaimed" : first.analyst();
        Figure figure = first.overdue() > 0 ? Figure.ANALYST_OVERDUE : Figure.ANALYST_AT_RISK;
        Button count = _get(Button.class, spec -> spec.withId((first.overdue() > 0 ? "load-overdue-" : "load-at-risk-") + id));
        _click(count);
        int expected = dashboard.drill(figure, first.analyst(), lastEightWeeks()).size();
        assertThat(expected).isEqualTo((int) (first.overdue() > 0 ? first.overdue() : first.atRisk()));
        assertThat(GridKt._size(drillGrid())).isEqualTo(expected);
        assertThat(_get(DrillDownPanel.class).title()).endsWith(" (" + expected + ")");
    }

    @Test
    void aBackwardsRangeIsRefusedOnTheField() {
        login("manager", Role.MANAGER);
        UI.getCurrent().navigate(DashboardView.class);
        var from = _get(DatePicker.class, spec -> spec.withId("dashboard-from"));
        var to = _get(DatePicker.class, spec -> spec.withId("dashboard-to"));
        from.setValue(to.getValue().plusDays(3));
        _click(_get(Button.class, spec -> spec.withId("dashboard-show")));
        assertThat(from.isInvalid()).isTrue();
        assertThat(from.getErrorMessage()).contains("must not be before");
    }

    @Test
    void analystsAndIntakeMayNotOpenTheDashboard() {
        login("analyst", Role.ANALYST);
        assertNotAllowed("analyst at the dashboard", () -> UI.getCurrent().navigate(DashboardView.class));
        login("intake", Role.INTAKE);
        assertNotAllowed("intake at the dashboard", () -> UI.getCurrent().navigate(DashboardView.class));
    }
}
