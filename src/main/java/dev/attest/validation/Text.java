package dev.attest.validation;

/**
 * Free text typed by a person (names, address lines, descriptions): trimmed, length-bounded and free of
 * control characters and invisible direction overrides.
 */
public final class Text {

    private Text() {
    }

    /** A required text of at most {@code max} characters. */
    public static String required(String raw, int max) {
        String value = optional(raw, max);
        if (value == null) {
            throw new InvalidValueException("is required");
        }
        return value;
    }

    /** An optional text of at most {@code max} characters; blank becomes {@code null}. */
    public static String optional(String raw, int max) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidValueException("must be at most " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
            if (control || isInvisible(c)) {
                throw new InvalidValueException("contains control or invisible formatting characters");
            }
        }
        return value;
    }

    /**
     * Characters that change how text looks without being seen: direction overrides and isolates, zero-width
     * space, direction marks, word joiner and byte-order mark (used to disguise names and file names). Zero-width
     * joiner and non-joiner stay allowed: names in some scripts need them.
     */
    public static boolean isInvisible(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200B'
                || c == '\u200E' || c == '\u200F' || c == '\u2060' || c == '\uFEFF' || c == '\u061C';
    }

    /** An optional single-line text: like {@link #optional} but refusing line breaks. */
    public static String line(String raw, int max) {
        String value = optional(raw, max);
        if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\t') >= 0)) {
            throw new InvalidValueException("must be a single line");
        }
        return value;
    }

    /** A required single-line text. */
    public static String requiredLine(String raw, int max) {
        String value = line(raw, max);
        if (value == null) {
            throw new InvalidValueException("is required");
        }
        return value;
    }
}
