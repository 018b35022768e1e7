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
            boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            if (control || bidi) {
                throw new InvalidValueException("contains control or invisible formatting characters");
            }
        }
        return value;
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
