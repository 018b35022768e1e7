package dev.attest.designer.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.dom.DomListenerRegistration;

/** A DMN model in dmn-js (the {@code attest-dmn-editor} web component): decision tables edited in place. */
@Tag("attest-dmn-editor")
@NpmPackage(value = "dmn-js", version = "17.10.2")
@JsModule("./designer/dmn-editor.js")
@CssImport("dmn-js/dist/assets/diagram-js.css")
@CssImport("dmn-js/dist/assets/dmn-js-shared.css")
@CssImport("dmn-js/dist/assets/dmn-js-drd.css")
@CssImport("dmn-js/dist/assets/dmn-js-decision-table.css")
@CssImport("dmn-js/dist/assets/dmn-js-decision-table-controls.css")
@CssImport("dmn-js/dist/assets/dmn-js-literal-expression.css")
@CssImport("dmn-js/dist/assets/dmn-font/css/dmn-embedded.css")
public class DmnEditor extends Component {

    public DmnEditor() {
        getStyle().set("display", "block").set("width", "100%").set("height", "600px")
                .set("border", "1px solid var(--lumo-contrast-10pct)");
    }

    public void show(String xml) {
        getElement().callJsFunction("importXml", xml);
    }

    public void currentXml(Consumer<String> then) {
        getElement().executeJs("return this.saveXml()").then(String.class, then::accept);
    }

    public DomListenerRegistration onChange(Consumer<String> onChange) {
        return getElement().addEventListener("attest-changed", e -> onChange.accept(e.getEventData()
                .get("event.detail.xml").asString())).addEventData("event.detail.xml");
    }

    public DomListenerRegistration onImported(Consumer<String> onImported) {
        return getElement().addEventListener("attest-imported", e -> onImported.accept(e.getEventData()
                .get("event.detail.error").asString())).addEventData("event.detail.error");
    }
}
