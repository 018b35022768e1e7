package dev.attest.documents.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.attest.documents.reading.TextRecognition.Glyph;

/**
 * A zone line drawn in OCR-B at a fixed pitch, and the characters an engine might report for it (fillers read as
 * K, L or C, one seen twice, one not seen): {@link ZoneGrid} reads the line on its pitch and tells fillers by their
 * shape.
 */
class ZoneGridTests {

    private static final String LINE = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";

    private static final int PITCH = 25;

    private static final int LEFT = 40;

    private static final int BASELINE = 60;

    @Test
    void fillersTheEngineReadAsLettersAreReadAsFillers() {
        BufferedImage raster = draw(LINE);
        List<Glyph> glyphs = new ArrayList<>();
        String misread = "KLCK";
        for (int i = 0; i < LINE.length(); i++) {
            char c = LINE.charAt(i);
            if (i == 30 || i == 36) {
                continue; // not seen at all
            }
            if (c == '<') {
                glyphs.add(glyph(raster, i, misread.charAt(i % misread.length()), 0.7));
                if (i == 33) {
                    // seen twice, the second time half a cell to the right
                    Glyph g = glyph(raster, i, 'L', 0.6);
                    glyphs.add(new Glyph('L', 0.6, g.left() + PITCH / 3, g.top(), g.right() + PITCH / 3,
                            g.bottom()));
                }
            } else {
                glyphs.add(glyph(raster, i, c, 0.95));
            }
        }

        assertThat(ZoneGrid.lines(raster, List.of(glyphs))).containsExactly(LINE);
    }

    @Test
    void aLetterPrintedWhereAFillerWasStaysALetter() {
        // a filler of the given names changed into an L, one of the optional run into a K, one into a C
        String changed = LINE.substring(0, 25) + "L" + LINE.substring(26, 38) + "K<C" + LINE.substring(41);
        BufferedImage raster = draw(changed);
        List<Glyph> glyphs = new ArrayList<>();
        for (int i = 0; i < changed.length(); i++) {
            char c = changed.charAt(i);
            glyphs.add(glyph(raster, i, c == '<' ? 'K' : c, c == '<' ? 0.7 : 0.95));
        }

        assertThat(ZoneGrid.lines(raster, List.of(glyphs))).containsExactly(changed);
    }

    @Test
    void aCellWithNothingPrintedLeavesTheLineOut() {
        String gap = LINE.substring(0, 20) + " " + LINE.substring(21);
        BufferedImage raster = draw(gap);
        List<Glyph> glyphs = new ArrayList<>();
        for (int i = 0; i < gap.length(); i++) {
            if (gap.charAt(i) != ' ') {
                glyphs.add(glyph(raster, i, gap.charAt(i) == '<' ? 'K' : gap.charAt(i), 0.9));
            }
        }

        assertThat(ZoneGrid.lines(raster, List.of(glyphs))).isEmpty();
    }

    @Test
    void textWithoutAFixedPitchIsLeftOut() {
        BufferedImage raster = new BufferedImage(1400, 100, BufferedImage.TYPE_BYTE_GRAY);
        List<Glyph> glyphs = new ArrayList<>();
        int x = 20;
        String text = "THE ACCOUNT HOLDER NAMED ABOVE LIVES AT THIS";
        for (int i = 0; i < text.length(); i++) {
            int width = 8 + (i * 7) % 17; // proportional letters and word spaces
            if (text.charAt(i) != ' ') {
                glyphs.add(new Glyph(text.charAt(i), 0.95, x, 30, x + width, 60));
            }
            x += width + 3;
        }

        assertThat(ZoneGrid.lines(raster, List.of(glyphs))).isEmpty();
    }

    @Test
    void boxesOutsideTheRasterAreRefused() {
        BufferedImage raster = draw(LINE);
        List<Glyph> glyphs = new ArrayList<>();
        for (int i = 0; i < LINE.length(); i++) {
            glyphs.add(glyph(raster, i, LINE.charAt(i), 0.95));
        }
        glyphs.set(5, new Glyph('E', 0.95, -10, 20, 400_000, 60));

        assertThat(ZoneGrid.lines(raster, List.of(glyphs))).isEmpty();
    }

    @Test
    void aLineTooShortOrTooLongForAZoneIsLeftOut() {
        String tooLong = LINE + "<<<<<<<<<<";
        BufferedImage raster = draw(tooLong);
        List<Glyph> glyphs = new ArrayList<>();
        for (int i = 0; i < tooLong.length(); i++) {
            glyphs.add(glyph(raster, i, tooLong.charAt(i), 0.95));
        }

        assertThat(ZoneGrid.lines(raster, List.of(glyphs))).isEmpty();
        assertThat(ZoneGrid.lines(raster, List.of(glyphs.subList(0, 15)))).isEmpty();
    }

    @Test
    void aCharacterHalfWayBetweenTwoCellsFallsInOne() {
        // found by a review: a centre exactly half-way between two cells, rounded once to one side and once to the
        // other, indexed past the line's cells
        BufferedImage raster = new BufferedImage(600, 100, BufferedImage.TYPE_BYTE_GRAY);
        double[] anchors = {45.5, 64, 80, 97.5, 115, 130, 147, 165.5, 181, 215, 232, 266.5, 302, 336, 351, 436.5,
                488.5, 504};
        List<Glyph> glyphs = new ArrayList<>();
        for (double x : anchors) {
            glyphs.add(new Glyph('A', 0.95, (int) Math.floor(x) - 4, 20, (int) Math.ceil(x) + 4, 60));
        }
        glyphs.add(new Glyph('K', 0.5, 0, 20, 7, 60));
        for (int x : new int[] {199, 250, 284}) {
            glyphs.add(new Glyph('K', 0.5, x - 4, 20, x + 4, 60));
        }

        assertThat(ZoneGrid.read(raster, List.of(glyphs))).hasSize(1);
    }

    @Test
    void noCellIsJudgedByItsShapeBelowTheLeastPitch() {
        // small, blurred letters can look like a chevron: below the least pitch a line that needs its fillers told
        // by their shape is left to the engine's reading
        int small = (int) ZoneGrid.MIN_SHAPE_PITCH - 4;
        BufferedImage raster = SpecimenDocuments.blur(draw(LINE, small), 1.0);
        List<Glyph> glyphs = new ArrayList<>();
        for (int i = 0; i < LINE.length(); i++) {
            char c = LINE.charAt(i);
            glyphs.add(glyph(raster, i, c == '<' ? 'K' : c, c == '<' ? 0.7 : 0.95, small));
        }

        assertThat(ZoneGrid.lines(raster, List.of(glyphs))).isEmpty();
        assertThat(ZoneGrid.pitch(List.of(glyphs))).isCloseTo(small, offset(0.5));
    }

    /** The line in OCR-B, one character a pitch, black on white. */
    private static BufferedImage draw(String line) {
        return draw(line, PITCH);
    }

    private static BufferedImage draw(String line, int pitch) {
        BufferedImage raster = new BufferedImage(LEFT * 2 + pitch * (line.length() + 1), 100,
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = raster.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, raster.getWidth(), raster.getHeight());
        g.setColor(Color.BLACK);
        double advance = g.getFontMetrics(SpecimenDocuments.OCR_B.deriveFont(100f)).charWidth('0') / 100.0;
        Font font = SpecimenDocuments.OCR_B.deriveFont((float) Math.round(pitch / advance));
        g.setFont(font);
        for (int i = 0; i < line.length(); i++) {
            g.drawString(String.valueOf(line.charAt(i)), LEFT + i * pitch, BASELINE);
        }
        g.dispose();
        return raster;
    }

    /** A glyph reported as {@code read} with the box of the ink in cell {@code i}. */
    private static Glyph glyph(BufferedImage raster, int i, char read, double confidence) {
        return glyph(raster, i, read, confidence, PITCH);
    }

    private static Glyph glyph(BufferedImage raster, int i, char read, double confidence, int pitch) {
        int left = Integer.MAX_VALUE;
        int right = -1;
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        for (int x = LEFT + i * pitch - 2; x < LEFT + (i + 1) * pitch - 2; x++) {
            for (int y = 0; y < raster.getHeight(); y++) {
                if ((raster.getRGB(x, y) & 0xff) < 128) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return new Glyph(read, confidence, left, top, right + 1, bottom + 1);
    }
}
