package dev.attest.documents.reading;

/**
 * Text read off a file as a person sees it: no control characters but line breaks and tabs, and none of the
 * invisible formatting characters (Unicode category Cf: direction overrides and isolates, zero-width spaces and
 * joiners, byte-order marks, soft hyphens) that a hostile PDF's text layer, OCR or barcode could carry to make a
 * read name or number show one thing and compare as another. They are dropped, not replaced.
 */
final class VisibleText {

    private VisibleText() {
    }

    /** The text without control characters (but {@code \n} and {@code \t}) and invisible formatting characters. */
    static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean drop = Character.isISOControl(c) && c != '\n' && c != '\t'
                    || Character.getType(c) == Character.FORMAT;
            if (drop && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!drop && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
