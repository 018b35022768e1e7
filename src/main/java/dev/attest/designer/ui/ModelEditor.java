package dev.attest.designer.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.DomListenerRegistration;

/**
 * What the BPMN and DMN editors share (the web components in {@code frontend/designer} extend one element
 * class): show a model, ask for the current XML, hear about edits and about the import.
 */
abstract class ModelEditor extends Component {

    ModelEditor() {
        getStyle().set("width", "100%").set("height", "600px").set("border", "1px solid var(--lumo-contrast-10pct)");
    }

    public void show(String xml) {
        getElement().callJsFunction("importXml", xml);
    }

    /** Asks the browser for the current XML; {@code then} runs with it. */
    public void currentXml(Consumer<String> then) {
        getElement().executeJs("return this.saveXml()").then(String.class, then::accept);
    }

    /** Runs {@code onChange} with the XML after each edit (debounced in the browser). */
    public DomListenerRegistration onChange(Consumer<String> onChange) {
        return getElement().addEventListener("attest-changed", e -> onChange.accept(e.getEventData()
                .get("event.detail.xml").asString())).addEventData("event.detail.xml");
    }

    /** Runs {@code onImported} with the import error ("" when the model rendered). */
    public DomListenerRegistration onImported(Consumer<String> onImported) {
        return getElement().addEventListener("attest-imported", e -> onImported.accept(e.getEventData()
                .get("event.detail.error").asString())).addEventData("event.detail.error");
    }
}
