package dev.attest.documents.reading;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Optical character recognition of one page raster (Tesseract 5, in-process). The raster is one Attest decoded
 * and bounded itself; the native library never sees a file's bytes.
 */
public interface TextRecognition {

    /**
     * @param page a page, at most the reader's pixel limit
     * @param profile what to expect on it
     * @return the text, and the engine's mean word confidence (0.0 to 1.0); empty text when nothing was recognised
     *         or the time limit ran out
     */
    Recognised recognise(BufferedImage page, Profile profile);

    /** What the page is expected to hold. */
    enum Profile {
        /** Ordinary printed text (bills, statements, the visual zone of an ID). */
        TEXT,
        /** A machine-readable zone: OCR-B capitals, digits and {@code <} only. */
        MRZ,
        /** One line of a zone's cells that hold only digits (dates, check digits). */
        DIGITS
    }

    /**
     * @param text the text, lines separated by {@code \n}
     * @param confidence the mean word confidence, 0.0 to 1.0
     * @param timedOut whether the time limit stopped recognition early
     * @param lines for {@link Profile#MRZ}, each line's characters where the engine saw them, left to right (what
     *        a zone's fixed pitch is checked against); empty for the other profiles, and for a page with too many
     *        characters to list
     */
    record Recognised(String text, double confidence, boolean timedOut, List<List<Glyph>> lines) {

        public Recognised {
            lines = lines.stream().map(List::copyOf).toList();
        }

        public Recognised(String text, double confidence, boolean timedOut) {
            this(text, confidence, timedOut, List.of());
        }
    }

    /**
     * One character as the engine read it, and its box in the raster's pixels.
     *
     * @param character the character
     * @param confidence the engine's confidence in it, 0.0 to 1.0
     */
    record Glyph(char character, double confidence, int left, int top, int right, int bottom) {

        double centre() {
            return (left + right) / 2.0;
        }
    }
}
