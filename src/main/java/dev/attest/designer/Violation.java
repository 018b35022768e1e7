package dev.attest.designer;

/**
 * Something in a model that stops it from being deployed.
 *
 * @param resource the file the problem is in
 * @param elementId the id of the offending element (or of its nearest ancestor with an id), if any
 * @param line the line in the file, 0 if unknown
 * @param message what is wrong, for the designer
 */
public record Violation(String resource, String elementId, int line, String message) {

    @Override
    public String toString() {
        return resource + (elementId == null ? "" : " [" + elementId + "]") + (line > 0 ? " line " + line : "") + ": "
                + message;
    }
}
