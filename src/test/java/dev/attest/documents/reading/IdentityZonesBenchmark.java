package dev.attest.documents.reading;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.attest.documents.reading.SpecimenDocuments.Degradation;
import dev.attest.documents.reading.SpecimenDocuments.Holder;

/**
 * Accuracy and speed of the identity zones on the generated corpus: passports (TD3) and ID cards (TD1) with valid
 * zones, the same with one character of the zone changed, and US licences with their PDF417 barcode; each clean,
 * turned 2 to 4 degrees, blurred (Gaussian, sigma 1.2) and as JPEG at quality 60. The zones are drawn twice, the
 * same documents each time: in DejaVu Sans Mono and in OCR-B, the font real documents print it in. A field counts as
 * right when it is read and equals what was printed; a missing reading counts every field wrong. Prints a table;
 * asserts nothing.
 * Lives beside the readers (they are package-private); runs with the {@code bench} profile as every
 * {@code *Benchmark} does.
 */
@Tag("benchmark")
class IdentityZonesBenchmark {

    static final int DOCUMENTS = 10;

    static final int ALTERED = 20;

    static final List<String> MRZ_FIELDS = List.of("surname", "given names", "document number", "date of birth",
            "expiry", "nationality", "sex");

    static final List<String> BARCODE_FIELDS = List.of("DAQ", "DCS", "DAC", "DBB", "DBA", "DAJ", "DAG", "DAK");

    /**
     * Runs this benchmark alone, without the others: {@code ./mvnw -o -q test-compile exec:java
     * -Dexec.classpathScope=test -Dexec.mainClass=dev.attest.documents.reading.IdentityZonesBenchmark}.
     */
    public static void main(String[] args) throws IOException {
        new IdentityZonesBenchmark().readGeneratedIdentityDocuments();
    }

    @Test
    void readGeneratedIdentityDocuments() throws IOException {
        TesseractRecognition recognition = new TesseractRecognition(OcrSettings.defaults());
        MachineReadableZones zones = new MachineReadableZones(recognition, OcrSettings.defaults(),
                Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC);
        try {
            List<String> lines = run(zones);
            System.out.println();
            lines.forEach(System.out::println);
            Path out = Path.of("target", "benchmarks", "reading-zones.md");
            Files.createDirectories(out.getParent());
            Files.write(out, lines.stream().map(l -> "    " + l).toList());
        } finally {
            recognition.destroy();
        }
    }

    static final class Tally {
        int right;
        int total;
        int documents;
        int valid;
        final List<Double> millis = new ArrayList<>();

        double accuracy() {
            return total == 0 ? 0 : 100.0 * right / total;
        }
    }

    static List<String> run(MachineReadableZones zones) {
        // warm-up: the engines start and the JIT settles
        Holder warm = SpecimenDocuments.holder(new Random(2026));
        zones.readMrz(SpecimenDocuments.passport(warm, SpecimenDocuments.td3(warm)));
        zones.readBarcode(SpecimenDocuments.licenceBack(SpecimenDocuments.aamva(warm, "636015", "TX", false)));

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Identity zones: %d documents of each kind, each clean, turned 2-4 degrees, "
                + "blurred and JPEG 60; 1 warm-up; %d cores (load average %.1f at the start)", DOCUMENTS,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        Map<Degradation, Tally> barcodes = new EnumMap<>(Degradation.class);
        // the same documents with their zone in each font (the same seed draws the same holders and changes); the
        // licences are read once
        zones(zones, SpecimenDocuments.DEJAVU_SANS_MONO, lines, barcodes);
        zones(zones, SpecimenDocuments.OCR_B, lines, null);
        lines.add(String.format(Locale.ROOT, "%-34s %-9s %9s %9s %8s %8s %8s", "barcode (PDF417, AAMVA)", "documents",
                "fields ok", "decoded", "p50 ms", "p95 ms", "pages/s"));
        table(lines, "barcode", barcodes, BARCODE_FIELDS.size());
        Tally barcodeClean = barcodes.get(Degradation.CLEAN);
        Tally barcodeDegraded = sum(List.of(barcodes.get(Degradation.ROTATED), barcodes.get(Degradation.BLURRED),
                barcodes.get(Degradation.JPEG_60)));
        lines.add(String.format(Locale.ROOT, "barcode fields right: clean %.1f %% (goal >= 95 %%), degraded %.1f %% "
                + "(goal >= 85 %%)", barcodeClean.accuracy(), barcodeDegraded.accuracy()));
        return lines;
    }

    /** Passports and ID cards, valid and changed, their zone drawn in one font: the table's rows for that font. */
    private static void zones(MachineReadableZones zones, Font font, List<String> lines,
            Map<Degradation, Tally> barcodes) {
        Random random = new Random(2026);
        SpecimenDocuments.holder(random); // the warm-up's
        Map<Degradation, Tally> passports = new EnumMap<>(Degradation.class);
        Map<Degradation, Tally> cards = new EnumMap<>(Degradation.class);
        Tally altered = new Tally();
        for (int i = 0; i < ALTERED; i++) {
            alter(zones, font, SpecimenDocuments.holder(random), random, altered);
        }
        for (int i = 0; i < DOCUMENTS; i++) {
            Holder holder = SpecimenDocuments.holder(random);
            List<String> td3 = SpecimenDocuments.td3(holder);
            List<String> td1 = SpecimenDocuments.td1(holder);
            BufferedImage passport = SpecimenDocuments.passport(holder, td3, font);
            BufferedImage card = SpecimenDocuments.idCard(holder, td1, font);
            BufferedImage licence = SpecimenDocuments.licenceBack(SpecimenDocuments.aamva(holder, "636015", "TX",
                    false));
            for (Degradation degradation : Degradation.values()) {
                mrz(zones, SpecimenDocuments.degrade(passport, degradation, random), holder, td3,
                        passports.computeIfAbsent(degradation, d -> new Tally()));
                mrz(zones, SpecimenDocuments.degrade(card, degradation, random), holder, td1,
                        cards.computeIfAbsent(degradation, d -> new Tally()));
                BufferedImage back = SpecimenDocuments.degrade(licence, degradation, random);
                if (barcodes != null) {
                    barcode(zones, back, holder, barcodes.computeIfAbsent(degradation, d -> new Tally()));
                }
            }
        }
        String name = font.getFamily(Locale.ROOT).strip();
        lines.add(String.format(Locale.ROOT, "%-34s %-9s %9s %9s %8s %8s %8s", "zone in " + name, "documents",
                "fields ok", "zone ok", "p50 ms", "p95 ms", "pages/s"));
        table(lines, "passport (TD3)", passports, MRZ_FIELDS.size());
        table(lines, "ID card (TD1)", cards, MRZ_FIELDS.size());
        lines.add(String.format(Locale.ROOT, "%-34s %-9s %9s %9s %8.0f %8.0f %8.2f", "passport, 1 char changed",
                altered.documents, "", pct(altered.valid, altered.documents) + " caught", p(altered.millis, 0.5),
                p(altered.millis, 0.95), perSecond(altered.millis)));
        lines.add(String.format(Locale.ROOT, "changed zones: %d read as invalid, %d not found (no zone read), %d read "
                + "as valid", altered.valid, altered.right, altered.documents - altered.valid - altered.right));
        Tally clean = sum(List.of(passports.get(Degradation.CLEAN), cards.get(Degradation.CLEAN)));
        Tally degraded = sum(List.of(passports.get(Degradation.ROTATED), passports.get(Degradation.BLURRED),
                passports.get(Degradation.JPEG_60), cards.get(Degradation.ROTATED), cards.get(Degradation.BLURRED),
                cards.get(Degradation.JPEG_60)));
        lines.add(String.format(Locale.ROOT, "MRZ fields right (%s): clean %.1f %% (goal >= 95 %%), degraded %.1f %% "
                + "(goal >= 85 %%)", name, clean.accuracy(), degraded.accuracy()));
    }

    /** A passport whose zone has one character of its lower line changed where a check digit covers it. */
    private static void alter(MachineReadableZones zones, Font font, Holder holder, Random random, Tally altered) {
        List<String> td3 = SpecimenDocuments.td3(holder);
        int[] positions = {0, 3, 8, 13, 16, 18, 21, 24, 26};
        int position = positions[random.nextInt(positions.length)];
        char was = td3.get(1).charAt(position);
        char by = Character.isDigit(was) ? (char) ('0' + (was - '0' + 1 + random.nextInt(8)) % 10) : 'X';
        long start = System.nanoTime();
        Optional<MrzReading> read = zones.readMrz(SpecimenDocuments.passport(holder, SpecimenDocuments.altered(td3, 1,
                position, by), font));
        altered.millis.add((System.nanoTime() - start) / 1e6);
        altered.documents++;
        if (read.isPresent() && !read.get().valid()) {
            altered.valid++;
        } else if (read.isEmpty()) {
            altered.right++;
        } else {
            System.err.println("changed zone read as valid (" + font.getFamily(Locale.ROOT).strip() + "): printed "
                    + SpecimenDocuments.altered(td3, 1, position, by) + ", read " + read.get().lines());
        }
    }

    private static void mrz(MachineReadableZones zones, BufferedImage page, Holder holder, List<String> printed,
            Tally tally) {
        long start = System.nanoTime();
        Optional<MrzReading> read = zones.readMrz(page);
        tally.millis.add((System.nanoTime() - start) / 1e6);
        tally.documents++;
        tally.total += MRZ_FIELDS.size();
        if (read.isEmpty() || !read.get().valid()) {
            System.err.println("zone not read: printed " + printed + ", read " + read.map(MrzReading::lines)
                    .orElse(List.of()));
        }
        if (read.isEmpty()) {
            return;
        }
        MrzReading mrz = read.get();
        if (mrz.valid()) {
            tally.valid++;
        }
        List<Object> expected = List.of(holder.surname(), holder.givenNames(), holder.documentNumber(),
                holder.dateOfBirth(), holder.expiresOn(), holder.nationality().replace("<", ""), holder.sex());
        List<Object> actual = java.util.Arrays.asList(mrz.surname(), mrz.givenNames(), mrz.documentNumber(),
                mrz.dateOfBirth(), mrz.expiresOn(), mrz.nationality(), mrz.sex());
        for (int f = 0; f < expected.size(); f++) {
            if (Objects.equals(expected.get(f), actual.get(f))) {
                tally.right++;
            }
        }
    }

    private static void barcode(MachineReadableZones zones, BufferedImage page, Holder holder, Tally tally) {
        long start = System.nanoTime();
        Optional<BarcodeReading> read = zones.readBarcode(page);
        tally.millis.add((System.nanoTime() - start) / 1e6);
        tally.documents++;
        tally.total += BARCODE_FIELDS.size();
        if (read.isEmpty()) {
            return;
        }
        tally.valid++;
        Map<String, String> expected = Map.of("DAQ", holder.documentNumber(), "DCS", holder.surname(), "DAC",
                holder.givenNames().split(" ")[0], "DBB", holder.dateOfBirth().toString(), "DBA",
                holder.expiresOn().toString(), "DAJ", "TX", "DAG", "1234 MAIN ST", "DAK", "787010000");
        for (String field : BARCODE_FIELDS) {
            if (expected.get(field).equals(read.get().elements().get(field))) {
                tally.right++;
            }
        }
    }

    private static void table(List<String> lines, String source, Map<Degradation, Tally> tallies, int fields) {
        for (Map.Entry<Degradation, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            lines.add(String.format(Locale.ROOT, "%-34s %-9d %8.1f%% %8s %8.0f %8.0f %8.2f", source + ", "
                    + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '), t.documents, t.accuracy(),
                    pct(t.valid, t.documents), p(t.millis, 0.5), p(t.millis, 0.95), perSecond(t.millis)));
        }
    }

    private static Tally sum(List<Tally> tallies) {
        Tally sum = new Tally();
        for (Tally t : tallies) {
            sum.right += t.right;
            sum.total += t.total;
            sum.documents += t.documents;
            sum.valid += t.valid;
            sum.millis.addAll(t.millis);
        }
        return sum;
    }

    private static String pct(int part, int whole) {
        return String.format(Locale.ROOT, "%.0f%%", whole == 0 ? 0 : 100.0 * part / whole);
    }

    private static double p(List<Double> millis, double quantile) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * quantile) - 1));
    }

    private static double perSecond(List<Double> millis) {
        return 1000.0 * millis.size() / millis.stream().mapToDouble(Double::doubleValue).sum();
    }

}
