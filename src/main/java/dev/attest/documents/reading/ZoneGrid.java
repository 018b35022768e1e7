package dev.attest.documents.reading;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.attest.documents.reading.TextRecognition.Glyph;

/**
 * A zone's lines read again on its fixed pitch. ICAO 9303 prints every character of a zone in its own cell of the
 * same width, in OCR-B; Tesseract's English model reads OCR-B's filler {@code <} as {@code K}, {@code L} or
 * {@code C} in long runs, sees one filler as two or two as one, and so loses the line's length. Here the cells are
 * laid from the characters it read with confidence (letters and digits other than those three), each character it
 * read is put in the cell its box falls in, and a cell it read as one of those three letters, or left empty, is looked
 * at: a chevron (no upright stroke on its left, a point at mid-height, two strokes with paper between them half-way
 * across) is a filler. That follows what the page shows, not the zone's layout: a filler changed into a {@code K} or
 * an {@code L} has its stem and stays a letter, and the check digits decide as before; a cell read as {@code K} or
 * {@code L} that shows neither a chevron nor a stem, or read as a filler that shows a stem, leaves the line to the
 * engine's reading. Other letters and digits are kept as the engine read them: a letter it takes for another is for
 * the check digits to catch (a passport's personal number check digit covers its optional data). Below
 * {@link #MIN_SHAPE_PITCH} a blurred letter can look like a chevron, and no cell is judged by its shape: the line is
 * left to the engine's reading. Pure: no state.
 */
final class ZoneGrid {

    /** Letters the English model reads an OCR-B filler as, and the filler itself. */
    private static final String LOOK_LIKE_FILLERS = "KLC<";

    /** The least confidence of a character the cells are laid from. */
    private static final double ANCHOR_CONFIDENCE = 0.8;

    /**
     * The least pitch, in pixels, at which a cell's shape is looked at: below it, blurred or compressed letters (C, H,
     * K, L, M, N, S, 4, 8) can look like a chevron.
     */
    static final double MIN_SHAPE_PITCH = 16;

    /** The least share of a glyph's height an unbroken upright stroke on its left covers. */
    static final double STEM_LEFT_SPAN = 0.8;

    /** The widest share of a glyph's height its left edge may cover for it to be a chevron. */
    static final double CHEVRON_LEFT_SPAN = 0.5;

    private ZoneGrid() {
    }

    /**
     * @param raster the grey raster the glyphs were read on
     * @param lines each line's glyphs
     * @return the lines that could be read on a fixed pitch, 24 to 48 cells long, each character from its cell; lines
     *         that could not (too few characters read with confidence, an uneven pitch, a cell holding nothing that
     *         reads, a pitch too small to tell a filler by its shape) are left out
     */
    static List<String> lines(BufferedImage raster, List<List<Glyph>> lines) {
        return read(raster, lines).stream().filter(line -> line != null).map(Line::text).toList();
    }

    /**
     * As {@link #lines}, with where each line's cells are on the raster: one entry for each line given, {@code null}
     * where it could not be read on a pitch.
     */
    static List<Line> read(BufferedImage raster, List<List<Glyph>> lines) {
        List<Line> read = new ArrayList<>();
        for (List<Glyph> line : lines) {
            read.add(line(raster, line));
        }
        return read;
    }

    /**
     * A line read on its pitch.
     *
     * @param text one character a cell
     * @param origin the first cell's centre, in pixels from the raster's left
     * @param pitch the distance between cells' centres
     * @param top the top of the line's capitals
     * @param bottom their foot
     */
    record Line(String text, double origin, double pitch, int top, int bottom) {

        /** The part of the raster that holds cells {@code from} to {@code to} (inclusive), with a margin. */
        Rectangle cells(BufferedImage raster, int from, int to) {
            int height = bottom - top;
            int x0 = Math.max(0, (int) Math.floor(origin + pitch * (from - 0.5)));
            int x1 = Math.min(raster.getWidth(), (int) Math.ceil(origin + pitch * (to + 0.5)));
            int y0 = Math.max(0, top - height / 3);
            int y1 = Math.min(raster.getHeight(), bottom + height / 3);
            return new Rectangle(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
        }
    }

    /**
     * The pitch of the zone the glyphs show, in pixels: that of the line with the most characters that can be laid on
     * one; {@code NaN} when none can.
     */
    static double pitch(List<List<Glyph>> lines) {
        double pitch = Double.NaN;
        int most = 0;
        for (List<Glyph> glyphs : lines) {
            if (glyphs.size() < 20 || glyphs.size() > 120 || glyphs.size() <= most) {
                continue;
            }
            double[] fit = fit(glyphs);
            if (fit != null) {
                pitch = fit[1];
                most = glyphs.size();
            }
        }
        return pitch;
    }

    /** The first anchor's cell centre and the pitch of a line's glyphs; {@code null} when they have none. */
    private static double[] fit(List<Glyph> glyphs) {
        List<Glyph> anchors = anchors(glyphs);
        if (anchors.size() < 8) {
            return null;
        }
        double pitch = anchorPitch(anchors);
        if (pitch < 6) {
            return null;
        }
        // least squares of the anchors' centres on their cell numbers, twice: the second time without the anchors
        // the first fit puts off their cell (a character seen twice, half a cell apart)
        double[] fit = fit(anchors, anchors.get(0).centre(), pitch, Double.MAX_VALUE);
        return fit == null ? null : fit(anchors, fit[0], fit[1], 0.3);
    }

    private static List<Glyph> anchors(List<Glyph> glyphs) {
        return glyphs.stream()
                .filter(g -> g.confidence() >= ANCHOR_CONFIDENCE && LOOK_LIKE_FILLERS.indexOf(g.character()) < 0)
                .sorted((a, b) -> Double.compare(a.centre(), b.centre())).toList();
    }

    private static Line line(BufferedImage raster, List<Glyph> glyphs) {
        if (glyphs.size() < 20 || glyphs.size() > 120) {
            return null;
        }
        for (Glyph g : glyphs) {
            if (g.left() < 0 || g.top() < 0 || g.right() > raster.getWidth() || g.bottom() > raster.getHeight()
                    || g.right() <= g.left() || g.bottom() <= g.top()) {
                return null;
            }
        }
        double[] fit = fit(glyphs);
        if (fit == null) {
            return null;
        }
        List<Glyph> anchors = anchors(glyphs);
        double origin = fit[0];
        double pitch = fit[1];
        // each glyph's cell, worked out once (a centre half-way between two cells must fall in the same one each time)
        int[] cellOf = new int[glyphs.size()];
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (int i = 0; i < glyphs.size(); i++) {
            cellOf[i] = (int) Math.round((glyphs.get(i).centre() - origin) / pitch);
            low = Math.min(low, cellOf[i]);
            high = Math.max(high, cellOf[i]);
        }
        int length = high - low + 1;
        if (length < 24 || length > 48) {
            return null;
        }
        origin += low * pitch;
        Glyph[] best = new Glyph[length];
        for (int i = 0; i < glyphs.size(); i++) {
            int cell = cellOf[i] - low;
            Glyph g = glyphs.get(i);
            if (best[cell] == null || g.confidence() > best[cell].confidence()) {
                best[cell] = g;
            }
        }
        int top = median(anchors.stream().mapToInt(Glyph::top).toArray());
        int bottom = median(anchors.stream().mapToInt(Glyph::bottom).toArray());
        int height = bottom - top;
        if (height < 5) {
            return null;
        }
        Cells page = new Cells(raster, origin, pitch, top - height / 6, bottom + height / 6, length);
        StringBuilder text = new StringBuilder(length);
        for (int cell = 0; cell < length; cell++) {
            Glyph g = best[cell];
            char read = g == null ? 0 : g.character();
            if (read != 0 && LOOK_LIKE_FILLERS.indexOf(read) < 0) {
                text.append(read);
                continue;
            }
            if (read == '<') {
                if (pitch >= MIN_SHAPE_PITCH && page.shape(cell, height) == Shape.STEM) {
                    return null; // a filler with an upright stroke: a letter the engine took for one
                }
                text.append(read);
                continue;
            }
            if (pitch < MIN_SHAPE_PITCH) {
                return null; // too small to tell a chevron from a letter
            }
            Shape shape = page.shape(cell, height);
            if (shape == Shape.CHEVRON) {
                text.append('<');
            } else if ((read == 'K' || read == 'L') && shape == Shape.STEM
                    || read == 'C' && (shape == Shape.OTHER || shape == Shape.STEM)) {
                text.append(read);
            } else {
                // an empty cell; one nothing was read in that is no filler; a K or an L without its stem (a C or an
                // E read as one: a K is worth what a filler is, so no check digit would tell)
                return null;
            }
        }
        return new Line(text.toString(), origin, pitch, top, bottom);
    }

    /**
     * The first cell's centre and the pitch that fit the anchors best, counting only those within {@code tolerance}
     * pitches of their cell on the given grid; {@code null} when more than a fifth are not, or no pitch fits.
     */
    private static double[] fit(List<Glyph> anchors, double origin, double pitch, double tolerance) {
        double sc = 0;
        double sx = 0;
        double scc = 0;
        double scx = 0;
        int n = 0;
        for (Glyph anchor : anchors) {
            double x = anchor.centre();
            long cell = Math.round((x - origin) / pitch);
            if (Math.abs(x - (origin + pitch * cell)) > tolerance * pitch) {
                continue;
            }
            sc += cell;
            sx += x;
            scc += (double) cell * cell;
            scx += cell * x;
            n++;
        }
        double denominator = n * scc - sc * sc;
        if (n < 8 || n < 0.8 * anchors.size() || denominator <= 0) {
            return null;
        }
        double fitted = (n * scx - sc * sx) / denominator;
        if (fitted < 6) {
            return null;
        }
        return new double[] {(sx - fitted * sc) / n, fitted};
    }

    /**
     * The distance between neighbouring cells: the median distance between neighbouring anchors, each divided by the
     * number of cells it spans.
     */
    private static double anchorPitch(List<Glyph> anchors) {
        double[] gaps = new double[anchors.size() - 1];
        for (int i = 1; i < anchors.size(); i++) {
            gaps[i - 1] = anchors.get(i).centre() - anchors.get(i - 1).centre();
        }
        double[] sorted = gaps.clone();
        Arrays.sort(sorted);
        // most anchors stand next to each other (names, numbers, dates): the lower quartile of the gaps is one cell
        double one = sorted[sorted.length / 4];
        if (one <= 0) {
            return 0;
        }
        double[] perCell = new double[gaps.length];
        for (int i = 0; i < gaps.length; i++) {
            perCell[i] = gaps[i] / Math.max(1, Math.round(gaps[i] / one));
        }
        Arrays.sort(perCell);
        return perCell[perCell.length / 2];
    }

    private static int median(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** What a cell holds. */
    enum Shape {
        /** Next to no ink. */
        EMPTY,
        /** OCR-B's {@code <}: two strokes meeting in a point on the left, nothing upright. */
        CHEVRON,
        /** An upright stroke on the left, over most of the glyph's height (K, L, and others). */
        STEM,
        /** Anything else. */
        OTHER
    }

    /** The line's cells on the raster, ink told from paper by one threshold for the whole line (Otsu's). */
    static final class Cells {

        private final Raster pixels;

        private final double origin;

        private final double pitch;

        private final int top;

        private final int bottom;

        private final int threshold;

        Cells(BufferedImage raster, double origin, double pitch, int top, int bottom, int length) {
            this.pixels = raster.getRaster();
            this.origin = origin;
            this.pitch = pitch;
            this.top = Math.max(0, top);
            this.bottom = Math.min(raster.getHeight() - 1, bottom);
            int from = clampX((int) Math.floor(origin - pitch / 2));
            int to = clampX((int) Math.ceil(origin + pitch * (length - 0.5)));
            int width = Math.max(1, to - from);
            int height = Math.max(1, this.bottom - this.top + 1);
            byte[] grey = new byte[width * height];
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                pixels.getSamples(from, this.top + y, width, 1, 0, row);
                for (int x = 0; x < width; x++) {
                    grey[y * width + x] = (byte) row[x];
                }
            }
            this.threshold = Rasters.otsu(grey);
        }

        private int clampX(int x) {
            return Math.max(0, Math.min(pixels.getWidth(), x));
        }

        /**
         * Looks at one cell: where its ink is, and how much of the glyph's height the leftmost sixth of its ink
         * covers (an upright stroke all of it, a chevron's point a third).
         */
        Shape shape(int cell, int lineHeight) {
            int from = clampX((int) Math.round(origin + pitch * (cell - 0.5)));
            int to = clampX((int) Math.round(origin + pitch * (cell + 0.5)));
            int width = to - from;
            int height = bottom - top + 1;
            if (width <= 2 || height <= 2) {
                return Shape.EMPTY;
            }
            boolean[] ink = new boolean[width * height];
            int[] row = new int[width];
            int count = 0;
            int x0 = width;
            int x1 = -1;
            int y0 = height;
            int y1 = -1;
            for (int y = 0; y < height; y++) {
                pixels.getSamples(from, top + y, width, 1, 0, row);
                for (int x = 0; x < width; x++) {
                    if (row[x] <= threshold) {
                        ink[y * width + x] = true;
                        count++;
                        x0 = Math.min(x0, x);
                        x1 = Math.max(x1, x);
                        y0 = Math.min(y0, y);
                        y1 = Math.max(y1, y);
                    }
                }
            }
            if (count < 0.03 * width * height) {
                return Shape.EMPTY;
            }
            // the glyph is the widest run of columns with ink: a neighbour's edge reaching into the cell, apart from it
            // by a column of paper, is not part of it
            int[] columns = new int[width];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    columns[x] += ink[y * width + x] ? 1 : 0;
                }
            }
            int bestFrom = x0;
            int bestTo = x1;
            int bestInk = -1;
            for (int x = 0; x < width;) {
                if (columns[x] == 0) {
                    x++;
                    continue;
                }
                int start = x;
                int sum = 0;
                while (x < width && columns[x] > 0) {
                    sum += columns[x++];
                }
                if (sum > bestInk) {
                    bestInk = sum;
                    bestFrom = start;
                    bestTo = x - 1;
                }
            }
            x0 = bestFrom;
            x1 = bestTo;
            y0 = height;
            y1 = -1;
            for (int y = 0; y < height; y++) {
                for (int x = x0; x <= x1; x++) {
                    if (ink[y * width + x]) {
                        y0 = Math.min(y0, y);
                        y1 = Math.max(y1, y);
                    }
                }
            }
            int glyphWidth = x1 - x0 + 1;
            int glyphHeight = y1 - y0 + 1;
            if (glyphHeight < 0.5 * lineHeight || glyphWidth < 0.25 * pitch) {
                return Shape.OTHER;
            }
            int edge = Math.max(1, glyphWidth / 6);
            int low = height;
            int high = -1;
            for (int x = x0; x < x0 + edge; x++) {
                for (int y = y0; y <= y1; y++) {
                    if (ink[y * width + x]) {
                        low = Math.min(low, y);
                        high = Math.max(high, y);
                    }
                }
            }
            double leftSpan = (high - low + 1) / (double) glyphHeight;
            double middle = (low + high) / 2.0;
            boolean pointAtMiddle = Math.abs(middle - (y0 + y1) / 2.0) < 0.2 * glyphHeight;
            // half-way across, a chevron's two strokes are a quarter of its height in from its top and bottom, with
            // paper between them: not a C's strokes at its top and bottom, nor an H's bar across the middle
            int across = x0 + glyphWidth / 2;
            boolean strokes = inkIn(ink, width, across, y0 + 0.12 * glyphHeight, y0 + 0.42 * glyphHeight)
                    && inkIn(ink, width, across, y0 + 0.58 * glyphHeight, y0 + 0.88 * glyphHeight);
            boolean clear = !inkIn(ink, width, across, y0, y0 + 0.08 * glyphHeight)
                    && !inkIn(ink, width, across, y1 - 0.08 * glyphHeight, y1)
                    && !inkIn(ink, width, across, y0 + 0.45 * glyphHeight, y0 + 0.55 * glyphHeight);
            if (stem(ink, width, x0, x0 + Math.max(1, glyphWidth / 3), y0, y1)) {
                return Shape.STEM;
            }
            return leftSpan < CHEVRON_LEFT_SPAN && pointAtMiddle && strokes && clear ? Shape.CHEVRON : Shape.OTHER;
        }

        /**
         * Whether a column from {@code left} (inclusive) to {@code right} (exclusive) has one unbroken run of ink over
         * {@link #STEM_LEFT_SPAN} of the glyph's height: an upright stroke, not two tips one above the other.
         */
        private static boolean stem(boolean[] ink, int width, int left, int right, int y0, int y1) {
            int needed = (int) Math.ceil(STEM_LEFT_SPAN * (y1 - y0 + 1));
            for (int x = left; x < Math.min(right, width); x++) {
                int run = 0;
                for (int y = y0; y <= y1; y++) {
                    run = ink[y * width + x] ? run + 1 : 0;
                    if (run >= needed) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Whether column {@code x} has ink between heights {@code from} and {@code to} (inclusive, rounded in). */
        private static boolean inkIn(boolean[] ink, int width, int x, double from, double to) {
            int height = ink.length / width;
            for (int y = Math.max(0, (int) Math.ceil(from)); y <= Math.min(height - 1, (int) Math.floor(to)); y++) {
                if (ink[y * width + x]) {
                    return true;
                }
            }
            return false;
        }
    }
}
