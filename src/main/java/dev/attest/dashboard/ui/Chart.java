package dev.attest.dashboard.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * A dashboard chart: Apache ECharts through the {@code attest-chart} web component in {@code frontend/}. The
 * option is built on the server; clicking a bar or slice reports the item's key, and {@link #mark} shows which
 * item is listed: that item outlined and flagged {@code selected}, the others faded.
 */
@Tag("attest-chart")
@NpmPackage(value = "echarts", version = "5.6.0")
@JsModule("./attest-chart.js")
public class Chart extends Component implements HasStyle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Map<String, Object> option = Map.of();
    private String marked;

    public Chart() {
        addClassName("attest-chart");
    }

    /** Draws the chart from an ECharts option (maps, lists and numbers); no item is marked. */
    public void setOption(Map<String, Object> option) {
        this.option = option;
        this.marked = null;
        draw(option);
    }

    /** Marks the items with this key in every series (for a bar chart: the bar, in each of its series). */
    public void mark(String key) {
        this.marked = key;
        draw(key == null ? option : marked(option, key));
    }

    /** The key of the marked item, or {@code null}. */
    public String marked() {
        return marked;
    }

    /** Called with the key of the clicked item. */
    public void onClick(Consumer<String> listener) {
        getElement().addEventListener("chart-click", e -> listener.accept(e.getEventData().getString("event.detail.key")))
                .addEventData("event.detail.key");
    }

    private void draw(Map<String, Object> option) {
        try {
            getElement().setProperty("option", JSON.writeValueAsString(option));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Chart option is not JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> marked(Map<String, Object> option, String key) {
        Map<String, Object> copy = new LinkedHashMap<>(option);
        List<Object> series = new ArrayList<>();
        for (Object s : (List<Object>) option.getOrDefault("series", List.of())) {
            Map<String, Object> one = new LinkedHashMap<>((Map<String, Object>) s);
            List<Object> data = new ArrayList<>();
            for (Object item : (List<Object>) one.getOrDefault("data", List.of())) {
                if (item instanceof Map<?, ?> m && m.containsKey("key")) {
                    Map<String, Object> point = new LinkedHashMap<>((Map<String, Object>) m);
                    boolean selected = Objects.equals(key, m.get("key"));
                    point.put("selected", selected);
                    point.put("itemStyle", selected
                            ? Map.of("borderColor", "#111111", "borderWidth", 3, "opacity", 1)
                            : Map.of("opacity", 0.35));
                    data.add(point);
                } else {
                    data.add(item);
                }
            }
            one.put("data", data);
            series.add(one);
        }
        copy.put("series", series);
        return copy;
    }
}
