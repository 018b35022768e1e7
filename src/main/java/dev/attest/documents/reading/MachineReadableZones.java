package dev.attest.documents.reading;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.pdf417.PDF417Reader;

/**
 * The machine-readable zone of passports and ID cards (located in the lower part of the page, levelled, recognised
 * with the MRZ alphabet, parsed by {@link MrzParser}) and the AAMVA PDF417 barcode of licences (ZXing, parsed by
 * {@link AamvaParser}). Rasters are bounded by {@link OcrSettings#maxPixels()} before either reader sees them.
 */
@Component
class MachineReadableZones implements IdentityZones {

    private static final Logger log = LoggerFactory.getLogger(MachineReadableZones.class);

    /** The part of the page, from the bottom, where the zone is looked for first. */
    private static final double LOWER_PART = 0.45;

    /** How far a page may be turned for the zone to be found (degrees either way). */
    private static final double MAX_SKEW = 6.0;

    /** The most pixels the barcode reader looks at (a letter page at 300 dpi is 8.4 million). */
    static final long MAX_BARCODE_PIXELS = 12_000_000;

    private final TextRecognition recognition;

    private final OcrSettings settings;

    private final Clock clock;

    private final ZoneId zone;

    MachineReadableZones(TextRecognition recognition, OcrSettings settings, Clock clock, ZoneId zone) {
        this.recognition = recognition;
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public Optional<MrzReading> parseMrz(List<String> lines) {
        return MrzParser.parse(lines, LocalDate.now(clock.withZone(zone)));
    }

    @Override
    public Optional<MrzReading> readMrz(BufferedImage page) {
        BufferedImage grey = Rasters.grey(page, settings.maxPixels());
        if (grey == null) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        double skew = Rasters.skew(grey, MAX_SKEW);
        BufferedImage level = skew == 0.0 ? grey : Rasters.rotate(grey, -skew);
        int top = (int) (level.getHeight() * (1 - LOWER_PART));
        BufferedImage lower = Rasters.crop(level, 0, top, level.getWidth(), level.getHeight() - top);
        // the zone spans about nine tenths of the page: sized for a passport's 44 characters a line, then for a
        // card's 30, then smaller, then the whole page; a zone seen but not read valid at two more sizes; no zone
        // seen: the page upside down. Reads of the same zone are combined line by line
        List<Read> reads = new ArrayList<>();
        Candidate best = null;
        boolean validOffPitch = false;
        long deadline = System.nanoTime() + 2 * settings.pageTimeLimit().toNanos();
        for (int attempt = 0; attempt < 7; attempt++) {
            if (System.nanoTime() > deadline) {
                break; // the page's time is spent: what was read so far counts
            }
            boolean valid = best != null && best.reading().valid();
            if ((attempt == 1 && valid && best.reading().format() != MrzFormat.TD1) || (attempt >= 2 && valid)
                    || (attempt == 6 && best != null)) {
                break;
            }
            if ((attempt == 4 || attempt == 5) && best == null) {
                continue; // no zone in sight: more sizes of the same region would not find one
            }
            // a passport's 44 characters a line, a card's 30, either smaller (OCR drops a digit before a run of
            // fillers at some sizes and not at others), the whole page, two sizes between and above (OCR takes a
            // character for another at one size and not at the next), the page upside down
            BufferedImage region = switch (attempt) {
                case 0, 1, 2, 4, 5 -> lower;
                case 3 -> level;
                default -> Rasters.quarterTurns(level, 2);
            };
            boolean card = best != null && best.reading().format() == MrzFormat.TD1;
            int characters = attempt == 1 || (attempt == 2 || attempt == 4 || attempt == 5) && card ? 30 : 44;
            double pitch = switch (attempt) {
                case 2 -> 17;
                case 4 -> 20;
                case 5 -> 28;
                default -> 24;
            };
            Read read = zoneLines(region, characters, pitch, deadline);
            if (read == null) {
                break; // recognition ran out of time: another size would too
            }
            reads.add(read);
            Best found = best(reads, today);
            best = found.candidate();
            validOffPitch = found.validOffPitch();
        }
        if (best != null && best.reading().valid()) {
            best = oWhereAReadSawOne(best, reads, today);
        } else if (validOffPitch) {
            // the engine's own lines agreed with every check digit, the lines on the pitch did not: whether the zone
            // was altered or misread on the pitch cannot be told, and a person looks at it
            return Optional.empty();
        }
        return best == null || !read(best.reading(), today) ? Optional.empty() : Optional.of(best.reading());
    }

    /**
     * A valid zone whose document number has a 0 where one of the reads saw the letter O is reported with the O: OCR
     * takes the one for the other, and a character of value 0 modulo 10 changed into an O makes every check digit
     * agree once it is read as 0, by one read or by combining reads. Such a zone is not valid
     * ({@link MrzReading#agreesWithZeroForO()}: a person compares the printed number), rather than valid on the
     * strength of the reads that saw a 0.
     */
    static Candidate oWhereAReadSawOne(Candidate best, List<Read> reads, LocalDate today) {
        MrzReading zone = best.reading();
        int line = zone.numberLine();
        int from = zone.numberStart();
        char[] number = zone.lines().get(line).toCharArray();
        boolean seen = false;
        int size = zone.lines().size();
        for (Read read : reads) {
            for (int i = 0; i + size <= read.lines().size(); i++) {
                Optional<MrzReading> other = MrzParser.parse(read.lines().subList(i, i + size), today);
                if (other.isEmpty() || other.get().format() != zone.format()) {
                    continue;
                }
                String text = other.get().lines().get(line);
                for (int c = from; c < from + 9 && c < text.length() && c < number.length; c++) {
                    if (number[c] == '0' && text.charAt(c) == 'O') {
                        number[c] = 'O';
                        seen = true;
                    }
                }
            }
        }
        if (!seen) {
            return best;
        }
        List<String> lines = new ArrayList<>(zone.lines());
        lines.set(line, new String(number));
        return MrzParser.parse(lines, today).map(z -> new Candidate(z, best.sized(), today)).orElse(best);
    }

    /**
     * The lines of one recognition, whether each was read on the zone's pitch ({@link ZoneGrid}), and the line length
     * its raster was sized for.
     */
    record Read(List<String> lines, List<Boolean> onPitch, int sizedFor) {

        Read {
            lines = List.copyOf(lines);
            onPitch = List.copyOf(onPitch);
        }

        /** Lines all read on their pitch (for tests of the choice between reads). */
        Read(List<String> lines, int sizedFor) {
            this(lines, Collections.nCopies(lines.size(), true), sizedFor);
        }

        /**
         * Whether the lines from {@code from} were all read on the zone's pitch: only such lines may show a valid
         * zone. In OCR-B the engine's own reading of a line has fillers read as K, L or C, runs of them a character
         * short or long, and such a line agrees with a check digit by chance (one in ten for each), a changed
         * character and all.
         */
        boolean onPitch(int from, int count) {
            return !onPitch.subList(from, from + count).contains(false);
        }
    }

    /**
     * A zone read, and whether it comes from a raster sized for its layout's line length: the names, which no check
     * digit covers, are read best at that size.
     */
    record Candidate(MrzReading reading, boolean sized, boolean numberLookAlike) {

        Candidate(MrzReading reading, boolean sized, LocalDate today) {
            this(reading, sized, !reading.checkDigits().documentNumber() && numberAgreesWithALookAlike(reading,
                    today));
        }

        /**
         * More agreeing check digits first; of equals, a document number that agrees but for a look-alike: that
         * read is the one that counts as a zone read ({@link #read}).
         */
        int score() {
            return 2 * agreeing() + (numberLookAlike ? 1 : 0);
        }

        int agreeing() {
            MrzReading.CheckDigits c = reading.checkDigits();
            return (c.documentNumber() ? 1 : 0) + (c.dateOfBirth() ? 1 : 0) + (c.expiresOn() ? 1 : 0)
                    + (c.composite() ? 1 : 0);
        }
    }

    /**
     * Recognises a region with the MRZ alphabet, sized so that a line of {@code characters} has them {@code pitch}
     * pixels apart (24 reads best); {@code null} when recognition ran out of time. When the pitch measured on what was
     * read (the line with the most characters) is more than a fifth off the one asked, or too small to judge shapes
     * on (a document photographed with wide margins), the region is recognised once more, sized for the pitch asked
     * and no less than {@link ZoneGrid#MIN_SHAPE_PITCH} + 2. Each line is read again on the zone's fixed pitch
     * ({@link ZoneGrid}: fillers told by their shape, a character seen twice or missed put right) where it can be, as
     * the engine read it where it cannot; in the zone found, the cells that may hold only digits are read again with
     * digits only ({@link #digitsReadAgain}).
     */
    private Read zoneLines(BufferedImage region, int characters, double pitch, long deadline) {
        double factor = Math.max(0.25, Math.min(4.0, pitch * characters / (0.9 * region.getWidth())));
        Sized read = recognise(region, factor);
        if (read == null) {
            return null;
        }
        double measured = ZoneGrid.pitch(read.text().lines());
        double wanted = Math.max(pitch, ZoneGrid.MIN_SHAPE_PITCH + 2);
        if (measured > 0 && (Math.abs(measured / pitch - 1) > 0.2 || measured < ZoneGrid.MIN_SHAPE_PITCH)
                && System.nanoTime() < deadline) {
            double again = Math.max(0.25, Math.min(4.0, factor * wanted / measured));
            if (Math.abs(again / factor - 1) > 0.05) {
                Sized resized = recognise(region, again);
                read = resized == null ? read : resized;
            }
        }
        TextRecognition.Recognised text = read.text();
        List<String> lines = new ArrayList<>();
        List<Boolean> onPitch = new ArrayList<>();
        if (text.lines().isEmpty()) {
            for (String line : text.text().split("\n")) {
                lines.add(line);
                onPitch.add(false);
            }
        } else {
            List<ZoneGrid.Line> grid = grid(read.raster(), text.lines());
            for (int i = 0; i < grid.size(); i++) {
                if (grid.get(i) != null) {
                    lines.add(grid.get(i).text());
                } else {
                    StringBuilder engine = new StringBuilder();
                    text.lines().get(i).forEach(glyph -> engine.append(glyph.character()));
                    lines.add(engine.toString());
                }
                onPitch.add(grid.get(i) != null);
            }
            digitsReadAgain(read.raster(), grid, lines, deadline);
        }
        List<String> clean = new ArrayList<>();
        List<Boolean> cleanOnPitch = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String c = lines.get(i).replaceAll("[^A-Z0-9<]", "");
            if (c.length() >= 24 && c.length() <= 48) {
                clean.add(c);
                cleanOnPitch.add(onPitch.get(i));
            }
        }
        return new Read(clean, cleanOnPitch, characters);
    }

    /** A raster as recognised (within the pixel limit, so that the glyphs' boxes are in its pixels) and its text. */
    private record Sized(BufferedImage raster, TextRecognition.Recognised text) {
    }

    private Sized recognise(BufferedImage region, double factor) {
        // never drawn larger than the pixel limit, even for a moment
        double most = Math.sqrt((double) settings.maxPixels() / ((double) region.getWidth() * region.getHeight()));
        double scale = Math.min(factor, most);
        BufferedImage sized = Rasters.grey(Rasters.framed(Math.abs(scale - 1.0) < 0.05 ? region
                : Rasters.scale(region, scale), 24), settings.maxPixels());
        if (sized == null) {
            return new Sized(region, new TextRecognition.Recognised("", 0.0, false));
        }
        TextRecognition.Recognised text = recognition.recognise(sized, TextRecognition.Profile.MRZ);
        return text.timedOut() ? null : new Sized(sized, text);
    }

    /** The lines read on their pitch; none when the glyphs cannot be laid out (never an error for the page). */
    private static List<ZoneGrid.Line> grid(BufferedImage raster, List<List<TextRecognition.Glyph>> lines) {
        try {
            return ZoneGrid.read(raster, lines);
        } catch (RuntimeException e) {
            log.debug("The zone's lines could not be laid on a pitch", e);
            return Collections.nCopies(lines.size(), null);
        }
    }

    /**
     * In the zone among the lines read on their pitch (the last two or three that parse as one), the cells that may
     * hold only digits (ICAO 9303: the dates and the check digits of a passport's or a TD2 document's lower line, of an
     * ID card's middle line) read again with digits only where a letter was read in them: the English model takes an
     * OCR-B digit after a run of fillers for a letter ({@code 4} for {@code S}), and a look-alike guessed from the
     * letter would be another digit. Only letters are replaced, by what the engine reads there with digits only, and
     * only when it reads as many digits as the run has cells; a filler (an unknown date) stays.
     */
    private void digitsReadAgain(BufferedImage raster, List<ZoneGrid.Line> grid, List<String> lines, long deadline) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (int i = grid.size() - 2; i >= 0; i--) {
            int line;
            int[][] runs;
            if (i + 2 < grid.size() && onPitch(grid, i, 3, 30)
                    && MrzParser.parse(lines.subList(i, i + 3), today).map(MrzReading::format).orElse(null)
                    == MrzFormat.TD1) {
                line = i + 1;
                runs = new int[][] {{0, 6}, {8, 14}, {29, 29}};
            } else if ((onPitch(grid, i, 2, 44) || onPitch(grid, i, 2, 36))
                    && MrzParser.parse(lines.subList(i, i + 2), today).filter(z -> z.format() != MrzFormat.TD1)
                            .isPresent()) {
                line = i + 1;
                int last = grid.get(line).text().length() - 1;
                runs = new int[][] {{9, 9}, {13, 19}, {21, 27}, {last, last}};
            } else {
                continue;
            }
            char[] cells = lines.get(line).toCharArray();
            for (int[] run : runs) {
                if (System.nanoTime() > deadline) {
                    break;
                }
                if (!hasLetter(cells, run[0], run[1])) {
                    continue;
                }
                Rectangle box = grid.get(line).cells(raster, run[0], run[1]);
                if (box.width < 4 || box.height < 4) {
                    continue;
                }
                TextRecognition.Recognised digits = recognition.recognise(Rasters.framed(Rasters.crop(raster, box.x,
                        box.y, box.width, box.height), 12), TextRecognition.Profile.DIGITS);
                String again = digits.text().replaceAll("[^0-9]", "");
                if (!digits.timedOut() && again.length() == run[1] - run[0] + 1) {
                    for (int c = run[0]; c <= run[1]; c++) {
                        if (cells[c] >= 'A' && cells[c] <= 'Z') {
                            cells[c] = again.charAt(c - run[0]);
                        }
                    }
                }
            }
            lines.set(line, new String(cells));
            return; // one zone to a page
        }
    }

    /** Whether {@code count} lines from {@code from} were all read on their pitch, {@code length} cells each. */
    private static boolean onPitch(List<ZoneGrid.Line> grid, int from, int count, int length) {
        for (int i = from; i < from + count; i++) {
            if (i >= grid.size() || grid.get(i) == null || grid.get(i).text().length() != length) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(char[] cells, int from, int to) {
        for (int c = from; c <= to; c++) {
            if (cells[c] >= 'A' && cells[c] <= 'Z') {
                return true;
            }
        }
        return false;
    }

    /**
     * The best zone in the reads: every run of two or three lines that parses as a zone, and the same runs with
     * each line taken from any read of the same layout (OCR errs in different places at different sizes). Only a run
     * of one read, all its lines read on the zone's pitch, may be valid. Lines mixed from several reads count only when
     * they are not valid (they say a zone was read, {@link #read}): with up to 512 mixtures of characters any read saw,
     * one agrees with each check digit (modulo 10) by chance, a changed character and all. A valid run of lines the
     * engine read without the pitch is not a candidate; it is noted ({@link Best#validOffPitch}), and then a zone not
     * valid on the pitch is left to a person rather than reported altered.
     */
    private static Best best(List<Read> reads, LocalDate today) {
        Map<MrzFormat, List<MrzReading>> runs = new EnumMap<>(MrzFormat.class);
        Candidate best = null;
        boolean validOffPitch = false;
        for (Read read : reads) {
            List<String> lines = read.lines();
            for (int i = 0; i < lines.size(); i++) {
                for (int size = 2; size <= 3 && i + size <= lines.size(); size++) {
                    List<String> run = lines.subList(i, i + size);
                    Optional<MrzReading> reading = MrzParser.parse(run, today);
                    if (reading.isPresent()) {
                        runs.computeIfAbsent(reading.get().format(), f -> new ArrayList<>()).add(reading.get());
                        if (!reading.get().valid() || read.onPitch(i, size)) {
                            best = better(best, new Candidate(reading.get(), read.sizedFor() == (reading.get()
                                    .format() == MrzFormat.TD1 ? 30 : 44), today));
                        } else {
                            validOffPitch = true;
                        }
                    }
                }
            }
        }
        if (best != null && best.reading().valid()) {
            return new Best(best, false);
        }
        for (List<MrzReading> same : runs.values()) {
            // character by character: where reads of the same zone differ, each character any read saw is tried
            int size = same.get(0).lines().size();
            List<Set<String>> choices = new ArrayList<>();
            for (int line = 0; line < size; line++) {
                choices.add(variants(same, line, 64));
            }
            for (List<String> mixed : product(choices, 512)) {
                Optional<MrzReading> reading = MrzParser.parse(mixed, today);
                if (reading.isPresent() && !reading.get().valid()) {
                    best = better(best, new Candidate(reading.get(), false, today));
                }
            }
        }
        return new Best(best, validOffPitch);
    }

    /**
     * The best zone in the reads, and whether a single read showed a valid zone in lines not read on the zone's pitch
     * (which may not count as valid, but says the zone may well be as issued).
     */
    record Best(Candidate candidate, boolean validOffPitch) {
    }

    /** The line as each read saw it, and with the characters where reads differ taken from any of them. */
    private static Set<String> variants(List<MrzReading> reads, int line, int limit) {
        List<String> seen = new ArrayList<>();
        for (MrzReading read : reads) {
            if (!seen.contains(read.lines().get(line))) {
                seen.add(read.lines().get(line));
            }
        }
        List<Set<String>> positions = new ArrayList<>();
        for (int i = 0; i < seen.get(0).length(); i++) {
            Set<String> characters = new LinkedHashSet<>();
            for (String l : seen) {
                characters.add(String.valueOf(l.charAt(i)));
            }
            positions.add(characters);
        }
        Set<String> variants = new LinkedHashSet<>(seen);
        for (List<String> characters : product(positions, limit)) {
            variants.add(String.join("", characters));
        }
        return variants;
    }

    private static List<List<String>> product(List<Set<String>> choices, int limit) {
        List<List<String>> product = new ArrayList<>();
        product.add(List.of());
        for (Set<String> choice : choices) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : product) {
                for (String line : choice) {
                    if (next.size() < limit) {
                        List<String> longer = new ArrayList<>(prefix);
                        longer.add(line);
                        next.add(longer);
                    }
                }
            }
            product = next;
        }
        return product;
    }

    /**
     * The read with more agreeing check digits ({@link Candidate#score}); of equals, the one sized for its layout, then
     * the later one (the zone is at the foot of the page).
     */
    private static Candidate better(Candidate a, Candidate b) {
        if (a == null) {
            return b;
        }
        if (b.score() != a.score()) {
            return b.score() > a.score() ? b : a;
        }
        if (a.sized() != b.sized()) {
            return a.sized() ? a : b;
        }
        return b;
    }

    /**
     * Characters OCR takes for one another in a document number: the letter O for the digit 0. A number holds letters
     * and digits alike, so no look-alike may make a zone valid: reading an {@code O} as {@code 0} would let a zone
     * pass whose number had a character of value 0 modulo 10 ({@code A}, {@code K}, {@code U}, {@code <}) changed
     * into an {@code O}, with another number than the one issued. The look-alike only decides whether a zone counts
     * as read ({@link #read}).
     */
    private static final Map<Character, Character> LOOK_ALIKES = Map.of('O', '0');

    /**
     * Whether a zone counts as read, valid or not: at least two of its four check digits agree, the document
     * number's counting as agreeing when one swap of a look-alike ({@link #LOOK_ALIKES}) makes it agree. A zone
     * with one character changed where a check digit covers it keeps two (the changed field's and the composite
     * disagree, the others agree), and so it does when OCR also took a 0 of its number for an O; it is read and
     * reported invalid. A zone none of whose check digits agree, or only one, is taken for a zone OCR could not
     * read, not for one altered. This never makes a zone valid: the zone is reported with the characters read.
     */
    static boolean read(MrzReading zone, LocalDate today) {
        int agreeing = new Candidate(zone, false, false).agreeing();
        if (agreeing < 2 && !zone.checkDigits().documentNumber() && numberAgreesWithALookAlike(zone, today)) {
            agreeing++;
        }
        return agreeing >= 2;
    }

    private static boolean numberAgreesWithALookAlike(MrzReading zone, LocalDate today) {
        int line = zone.numberLine();
        int from = zone.numberStart();
        String l = zone.lines().get(line);
        for (int i = from; i < from + 9; i++) {
            Character swap = LOOK_ALIKES.get(l.charAt(i));
            if (swap != null) {
                List<String> lines = new ArrayList<>(zone.lines());
                lines.set(line, l.substring(0, i) + swap + l.substring(i + 1));
                if (MrzParser.parse(lines, today).map(z -> z.checkDigits().documentNumber()).orElse(false)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Optional<BarcodeReading> readBarcode(BufferedImage page) {
        // a licence's barcode needs no more than a letter page at 300 dpi; ZXing's time grows with the pixels
        BufferedImage grey = Rasters.grey(page, Math.min(settings.maxPixels(), MAX_BARCODE_PIXELS));
        if (grey == null) {
            return Optional.empty();
        }
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.PDF_417));
        hints.put(DecodeHintType.CHARACTER_SET, "ISO-8859-1");
        long deadline = System.nanoTime() + settings.pageTimeLimit().toNanos();
        for (int quarters = 0; quarters < 4 && System.nanoTime() < deadline; quarters++) {
            BufferedImage turned = Rasters.quarterTurns(grey, quarters);
            LuminanceSource source = new PlanarYUVLuminanceSource(Rasters.bytes(turned), turned.getWidth(),
                    turned.getHeight(), 0, 0, turned.getWidth(), turned.getHeight(), false);
            for (Binarizer binarizer : List.of(new HybridBinarizer(source), new GlobalHistogramBinarizer(source))) {
                Optional<BarcodeReading> reading = decode(new BinaryBitmap(binarizer), hints);
                if (reading.isPresent()) {
                    return reading;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<BarcodeReading> decode(BinaryBitmap bitmap, Map<DecodeHintType, Object> hints) {
        try {
            Result[] results = new PDF417Reader().decodeMultiple(bitmap, hints);
            for (Result result : results) {
                Optional<BarcodeReading> reading = AamvaParser.parse(result.getText());
                if (reading.isPresent()) {
                    return reading;
                }
            }
        } catch (ReaderException | RuntimeException e) {
            // no barcode, or none ZXing could decode: the next variant is tried
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MachineReadableZones[maxPixels=%d]", settings.maxPixels());
    }
}
