package dev.attest.designer.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

import dev.attest.designer.ActivityCount;
import dev.attest.designer.Violation;

/**
 * A BPMN diagram in bpmn-js (the {@code attest-bpmn-editor} web component in {@code frontend/designer}): a
 * modeler with the Camunda 7 properties panel, or a read-only viewer with counts per activity.
 */
@Tag("attest-bpmn-editor")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
@NpmPackage(value = "bpmn-js-properties-panel", version = "5.65.3")
@NpmPackage(value = "@bpmn-io/properties-panel", version = "3.55.0")
@NpmPackage(value = "camunda-bpmn-moddle", version = "7.0.1")
@NpmPackage(value = "camunda-bpmn-js-behaviors", version = "1.18.0")
@NpmPackage(value = "zeebe-bpmn-moddle", version = "2.0.0")
@JsModule("./designer/bpmn-editor.js")
@CssImport("bpmn-js/dist/assets/diagram-js.css")
@CssImport("bpmn-js/dist/assets/bpmn-js.css")
@CssImport("bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css")
@CssImport("@bpmn-io/properties-panel/dist/assets/properties-panel.css")
@CssImport("./designer/designer.css")
public class BpmnEditor extends ModelEditor {

    static final ObjectMapper JSON = new ObjectMapper();

    /** @param editable a modeler with the properties panel, or a viewer */
    public BpmnEditor(boolean editable) {
        getElement().setAttribute("mode", editable ? "modeler" : "viewer");
        getStyle().set("display", "flex");
    }

    public void showProblems(List<Violation> problems) {
        getElement().callJsFunction("showProblems", json(problems.stream()
                .map(v -> Map.of("elementId", v.elementId() == null ? "" : v.elementId(), "message", v.message()))
                .toList()));
    }

    public void showCounts(List<ActivityCount> counts) {
        Map<String, Map<String, Long>> byActivity = new LinkedHashMap<>();
        counts.forEach(c -> byActivity.put(c.activityId(), Map.of("instances", c.instances(), "incidents", c.incidents())));
        getElement().callJsFunction("showCounts", json(byActivity));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
