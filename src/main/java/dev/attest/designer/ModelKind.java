package dev.attest.designer;

import java.util.Locale;

/** The two kinds of model the designer edits. */
public enum ModelKind {
    BPMN, DMN;

    /** The kind of a resource, by its file name. */
    public static ModelKind of(String resourceName) {
        String n = resourceName.toLowerCase(Locale.ROOT);
        return n.endsWith(".dmn") || n.endsWith(".dmn11.xml") ? DMN : BPMN;
    }
}
