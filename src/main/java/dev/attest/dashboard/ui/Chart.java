package dev.attest.dashboard.ui;

import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * A dashboard chart: Apache ECharts through the {@code attest-chart} web component in {@code frontend/}. The
 * option is built on the server; clicking a bar or slice reports the item's key.
 */
@Tag("attest-chart")
@NpmPackage(value = "echarts", version = "5.6.0")
@JsModule("./attest-chart.js")
public class Chart extends Component {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Chart(String height) {
        getStyle().set("height", height).set("width", "100%");
    }

    /** Draws the chart from an ECharts option (maps, lists and numbers). */
    public void setOption(Object option) {
        try {
            getElement().setProperty("option", JSON.writeValueAsString(option));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Chart option is not JSON", e);
        }
    }

    /** Called with the key of the clicked item. */
    public void onClick(Consumer<String> listener) {
        getElement().addEventListener("chart-click", e -> listener.accept(e.getEventData().getString("event.detail.key")))
                .addEventData("event.detail.key");
    }
}
