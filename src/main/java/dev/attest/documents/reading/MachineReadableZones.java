package dev.attest.documents.reading;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** The part of the page, from the bottom, where the zone is looked for first. */
    private static final double LOWER_PART = 0.45;

    /** How far a page may be turned for the zone to be found (degrees either way). */
    private static final double MAX_SKEW = 6.0;

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
        // card's 30, then the whole page, then the page upside down; reads of the same zone are combined line by line
        List<List<String>> reads = new ArrayList<>();
        Candidate best = null;
        for (int attempt = 0; attempt < 4; attempt++) {
            if (attempt == 3 && best != null) {
                break;
            }
            BufferedImage region = switch (attempt) {
                case 0, 1 -> lower;
                case 2 -> level;
                default -> Rasters.quarterTurns(level, 2);
            };
            reads.add(zoneLines(region, attempt == 1 ? 30 : 44));
            best = best(reads, today);
            if (best != null && best.reading().valid()) {
                break;
            }
        }
        // a zone none of whose check digits agree, or only one, is a zone not read, not a zone altered
        return best == null || best.agreeing() < 2 ? Optional.empty() : Optional.of(best.reading());
    }

    private record Candidate(MrzReading reading) {

        int agreeing() {
            MrzReading.CheckDigits c = reading.checkDigits();
            return (c.documentNumber() ? 1 : 0) + (c.dateOfBirth() ? 1 : 0) + (c.expiresOn() ? 1 : 0)
                    + (c.composite() ? 1 : 0);
        }
    }

    /** Recognises a region with the MRZ alphabet, sized so that a line of {@code characters} has them ~24 px apart. */
    private List<String> zoneLines(BufferedImage region, int characters) {
        double factor = Math.max(0.25, Math.min(4.0, 24.0 * characters / (0.9 * region.getWidth())));
        BufferedImage sized = Rasters.framed(Math.abs(factor - 1.0) < 0.05 ? region : Rasters.scale(region, factor),
                24);
        TextRecognition.Recognised text = recognition.recognise(sized, TextRecognition.Profile.MRZ);
        List<String> lines = new ArrayList<>();
        for (String line : text.text().split("\n")) {
            String clean = line.replaceAll("[^A-Z0-9<]", "");
            if (clean.length() >= 24 && clean.length() <= 48) {
                lines.add(clean);
            }
        }
        return lines;
    }

    /**
     * The best zone in the reads: every run of two or three lines that parses as a zone, and the same runs with
     * each line taken from any read of the same layout (OCR errs in different places at different sizes).
     */
    private static Candidate best(List<List<String>> reads, LocalDate today) {
        Map<MrzFormat, List<List<String>>> runs = new EnumMap<>(MrzFormat.class);
        Candidate best = null;
        for (List<String> lines : reads) {
            for (int i = 0; i < lines.size(); i++) {
                for (int size = 2; size <= 3 && i + size <= lines.size(); size++) {
                    List<String> run = lines.subList(i, i + size);
                    Optional<MrzReading> reading = MrzParser.parse(run, today).map(read -> zeroForO(read, today));
                    if (reading.isPresent()) {
                        runs.computeIfAbsent(reading.get().format(), f -> new ArrayList<>()).add(run);
                        best = better(best, new Candidate(reading.get()));
                    }
                }
            }
        }
        if (best != null && best.reading().valid()) {
            return best;
        }
        for (List<List<String>> same : runs.values()) {
            int size = same.get(0).size();
            List<Set<String>> choices = new ArrayList<>();
            for (int line = 0; line < size; line++) {
                Set<String> choice = new LinkedHashSet<>();
                for (List<String> run : same) {
                    if (run.size() == size) {
                        choice.add(run.get(line));
                    }
                }
                choices.add(choice);
            }
            for (List<String> mixed : product(choices, 256)) {
                Optional<MrzReading> reading = MrzParser.parse(mixed, today).map(read -> zeroForO(read, today));
                if (reading.isPresent()) {
                    best = better(best, new Candidate(reading.get()));
                }
            }
        }
        return best;
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

    /** The read with more agreeing check digits; the later of equals (the zone is at the foot of the page). */
    private static Candidate better(Candidate a, Candidate b) {
        if (a == null) {
            return b;
        }
        return b.agreeing() >= a.agreeing() && !(a.reading().valid() && !b.reading().valid()) ? b : a;
    }

    /**
     * OCR reads the digit 0 of a document number as the letter O more than any other mistake. When the number's
     * check digit disagrees and the number holds an O, the number with every O read as 0 is tried, and kept only if
     * every check digit then agrees. (The check digit covers the number with the same weights as the composite, so a
     * document whose number really holds an O and was altered elsewhere in the number passes this way in about one
     * case of ten: issuers avoid the letter O in numbers for this reason.)
     */
    private static MrzReading zeroForO(MrzReading reading, LocalDate today) {
        if (reading.checkDigits().documentNumber() || reading.documentNumber().indexOf('O') < 0) {
            return reading;
        }
        List<String> lines = new ArrayList<>(reading.lines());
        int line = reading.format() == MrzFormat.TD1 ? 0 : 1;
        int from = reading.format() == MrzFormat.TD1 ? 5 : 0;
        String l = lines.get(line);
        lines.set(line, l.substring(0, from) + l.substring(from, from + 9).replace('O', '0') + l.substring(from + 9));
        return MrzParser.parse(lines, today).filter(MrzReading::valid).orElse(reading);
    }

    @Override
    public Optional<BarcodeReading> readBarcode(BufferedImage page) {
        BufferedImage grey = Rasters.grey(page, settings.maxPixels());
        if (grey == null) {
            return Optional.empty();
        }
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.PDF_417));
        hints.put(DecodeHintType.CHARACTER_SET, "ISO-8859-1");
        for (int quarters = 0; quarters < 4; quarters++) {
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
