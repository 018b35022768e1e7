package dev.attest.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;

/** One chart of the dashboard with its heading, in a bordered panel. */
class ChartPanel extends Div {

    private final Chart chart = new Chart();

    ChartPanel(String id, String title) {
        addClassName("attest-chart-panel");
        chart.setId(id);
        add(new H3(title), chart);
    }

    Chart chart() {
        return chart;
    }
}
