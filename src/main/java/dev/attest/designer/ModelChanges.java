package dev.attest.designer;

import java.util.List;

/**
 * What a draft changes against a deployed version, element by element (diagram layout aside).
 *
 * @param added elements only in the draft
 * @param removed elements only in the deployed version
 * @param changed elements in both whose attributes or content differ
 */
public record ModelChanges(List<Change> added, List<Change> removed, List<Change> changed) {

    /**
     * @param id the element id
     * @param type the element type, e.g. userTask
     * @param name the element's name, if any
     * @param detail what changed (for changed elements), e.g. {@code name: "Review" → "Check"}
     */
    public record Change(String id, String type, String name, String detail) {
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** A plain-text summary, one line per element, as recorded with a deployment. */
    public String describe() {
        if (isEmpty()) {
            return "no changes to elements";
        }
        StringBuilder out = new StringBuilder();
        added.forEach(c -> out.append("+ ").append(c.type()).append(' ').append(c.id()).append(label(c)).append('\n'));
        removed.forEach(c -> out.append("- ").append(c.type()).append(' ').append(c.id()).append(label(c)).append('\n'));
        changed.forEach(c -> out.append("~ ").append(c.type()).append(' ').append(c.id()).append(label(c)).append(": ")
                .append(c.detail()).append('\n'));
        return out.toString().strip();
    }

    private static String label(Change c) {
        return c.name() == null || c.name().isBlank() ? "" : " \"" + c.name() + "\"";
    }
}
