package dev.attest.dashboard.ui;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.attest.dashboard.DashboardFigures;
import dev.attest.sla.Escalation;
import dev.attest.ui.Formats;

/**
 * The ECharts options of the dashboard's charts, built from its figures. Every item a manager may click carries a
 * {@code key}: what {@link dev.attest.dashboard.Dashboard#drill} lists for it.
 */
final class ChartOptions {

    static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private static final Map<String, Object> TOOLTIP = map("trigger", "axis");

    private ChartOptions() {
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static Map<String, Object> stages(DashboardFigures f) {
        List<String> names = f.openCasesByStage().stream().map(DashboardFigures.Stage::label).toList();
        List<Object> data = f.openCasesByStage().stream()
                .map(s -> (Object) map("value", s.cases(), "key", s.key())).toList();
        return map("tooltip", TOOLTIP, "grid", map("left", 170, "right", 20, "top", 10, "bottom", 30),
                "xAxis", map("type", "value", "minInterval", 1),
                "yAxis", map("type", "category", "data", names, "inverse", true),
                "series", List.of(map("name", "Cases", "type", "bar", "data", data, "itemStyle", map("color", "#1a4e8c"))));
    }

    static Map<String, Object> weeks(DashboardFigures f) {
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

    static Map<String, Object> resolution(DashboardFigures f) {
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

    static Map<String, Object> workload(DashboardFigures f, Map<String, String> displayNames) {
        List<String> axis = f.workload().stream().map(w -> w.analyst().isEmpty() ? "Unclaimed"
                : displayNames.getOrDefault(w.analyst(), w.analyst())).toList();
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

    static Map<String, Object> escalations(DashboardFigures f) {
        List<Object> data = f.escalations().stream().map(e -> (Object) map("name", escalationLabel(e.level()),
                "value", e.count(), "key", e.level())).toList();
        return map("tooltip", map("trigger", "item"), "legend", map("top", 0),
                "series", List.of(map("name", "Escalations", "type", "pie", "radius", List.of("35%", "65%"),
                        "top", 30, "selectedMode", "single", "data", data, "label", map("formatter", "{b}: {c}"))));
    }

    /** What managers read for an escalation level (its own label; an unknown key as it is). */
    static String escalationLabel(String level) {
        return Arrays.stream(Escalation.Level.values()).filter(l -> l.name().equals(level))
                .map(Escalation.Level::label).findFirst().orElse(level);
    }

    static Map<String, Object> rejections(DashboardFigures f) {
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
}
