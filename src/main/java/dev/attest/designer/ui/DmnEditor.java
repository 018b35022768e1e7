package dev.attest.designer.ui;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

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
public class DmnEditor extends ModelEditor {

    public DmnEditor() {
        getStyle().set("display", "block");
    }
}
