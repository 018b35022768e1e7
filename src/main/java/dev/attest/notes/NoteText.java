package dev.attest.notes;

import dev.attest.validation.InvalidInputException;

/**
 * The text of a note: plain text with line breaks ({@code \r\n} and {@code \r} become {@code \n}), not blank, at
 * most {@value #MAX_LENGTH} characters, with no control characters but line breaks and tabs, and none of the
 * invisible characters that reorder or hide text (bidirectional overrides and isolates, zero-width spaces).
 *
 * @param value the text, line breaks as {@code \n}, spaces at its ends removed
 */
public record NoteText(String value) {

    /** The longest note, in characters. */
    public static final int MAX_LENGTH = 4_000;

    public NoteText {
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidInputException("text", problem);
        }
    }

    /** The text as written, checked and with its line breaks made uniform. */
    public static NoteText of(String raw) {
        return new NoteText(raw == null ? null : raw.replace("\r\n", "\n").replace('\r', '\n').strip());
    }

    /** What is wrong with a text, or {@code null}. */
    static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "must not be blank";
        }
        if (text.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters (is " + text.length() + ")";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                return "must not contain control characters (found U+" + hex(c) + " at " + (i + 1) + ")";
            }
            if (hidden(c)) {
                return "must not contain invisible formatting characters (found U+" + hex(c) + " at " + (i + 1)
                        + ")";
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(++i)))) {
                return "must be valid text (a broken character at " + (i + 1) + ")";
            }
        }
        return null;
    }

    /** Characters that change how the text around them reads without showing themselves. */
    private static boolean hidden(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200B' || c == '\u200E'
                || c == '\u200F' || c == '\u061C' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
