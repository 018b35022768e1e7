package dev.attest.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.attest.dashboard.Dashboard;
import dev.attest.dashboard.DashboardFigures;
import dev.attest.dashboard.DashboardFilter;
import dev.attest.dashboard.DrillDown;
import dev.attest.identity.Role;
import dev.attest.ui.KaribuTest;
import elemental.json.Json;

/** The dashboard view, server-side, on the demo data. */
class DashboardViewTests extends KaribuTest {

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
        assertThat(_get(VerticalLayout.class, spec -> spec.withId("number-first-submission")).getElement()
                .getOuterHTML()).contains(Math.round(figures.marketplace().firstSubmissionAcceptance())
                        + " % of " + figures.marketplace().firstDecided());
        assertThat(figures.openCases()).isPositive();

        _click(_get(VerticalLayout.class, spec -> spec.withId("number-overdue")));
        assertThat(view.getElement().getOuterHTML()).contains("Tasks overdue (" + figures.overdue() + ")");

        var stage = figures.openCasesByStage().get(0);
        var chart = _get(Chart.class, spec -> spec.withId("chart-stages")).getElement();
        ElementUtilsKt._fireDomEvent(chart, new com.vaadin.flow.dom.DomEvent(chart, "chart-click",
                Json.parse("{\"event.detail.key\": \"" + stage.key() + "\"}")));
        @SuppressWarnings("unchecked")
        var grid = (com.vaadin.flow.component.grid.Grid<DrillDown.Row>) _get(com.vaadin.flow.component.grid.Grid.class,
                spec -> spec.withId("dashboard-drill"));
        assertThat(GridKt._size(grid)).isEqualTo((int) Math.min(stage.cases(), Dashboard.DRILL_LIMIT));
    }

    @Test
    void aBackwardsRangeIsRefusedOnTheField() {
        login("manager", Role.MANAGER);
        UI.getCurrent().navigate(DashboardView.class);
        var from = _get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withId("dashboard-from"));
        var to = _get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withId("dashboard-to"));
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
