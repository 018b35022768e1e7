package dev.attest.bench;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.attest.documents.DocumentKind;
import dev.attest.documents.InspectedFile;
import dev.attest.documents.reading.BillAccuracy;
import dev.attest.documents.reading.BillAccuracy.BillField;
import dev.attest.documents.reading.BillCorpus;
import dev.attest.documents.reading.BillCorpus.Bill;
import dev.attest.documents.reading.BillCorpus.Scan;
import dev.attest.documents.reading.DocumentReaders;
import dev.attest.documents.reading.DocumentReading;
import dev.attest.documents.reading.IdentityCorpus;
import dev.attest.documents.reading.OcrSettings;
import dev.attest.documents.reading.ReadingSettings;

/**
 * How fast and how well documents read themselves (issue 17): {@code DocumentReader.read} end to end with the real
 * engines (PDFBox, Tesseract in-process, the zone and barcode reader) and the default settings, on one-page
 * documents of the tests' corpus: text PDFs (source PDF_TEXT), scans as PNG or JPEG and scanned PDFs (OCR), passport
 * photos (MRZ) and licence backs (barcode), one at a time and two at once; then the share of bill fields read right,
 * clean scans against degraded ones. Prints a table; asserts nothing about time. Run with
 * {@code ./mvnw -Pbench verify}, or alone through {@link #main}.
 */
@Tag("benchmark")
class DocumentReadingBenchmark {

    static final int WARM_UP = 4;
    static final int ROUNDS = 2;

    @Test
    void readOnePageDocuments() throws Exception {
        run();
    }

    public static void main(String[] args) throws Exception {
        run();
    }

    record Sample(String mediaType, byte[] bytes, DocumentKind kind, Bill bill, Scan scan) {
    }

    static void run() throws Exception {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        DocumentReaders reader = DocumentReaders.standalone(ReadingSettings.defaults(), OcrSettings.defaults(),
                Clock.systemUTC(), ZoneOffset.UTC);
        try {
            List<Sample> pdfs = new ArrayList<>();
            List<Sample> scans = new ArrayList<>();
            List<Sample> scannedPdfs = new ArrayList<>();
            for (Bill bill : BillCorpus.bills()) {
                pdfs.add(new Sample("application/pdf", BillCorpus.pdf(bill), DocumentKind.PROOF_OF_ADDRESS, bill,
                        null));
                for (Scan scan : Scan.values()) {
                    scans.add(new Sample(scan == Scan.JPEG_60 ? "image/jpeg" : "image/png",
                            BillCorpus.scanFile(bill, scan), DocumentKind.PROOF_OF_ADDRESS, bill, scan));
                }
                scannedPdfs.add(new Sample("application/pdf", BillCorpus.scannedPdf(bill, Scan.CLEAN),
                        DocumentKind.PROOF_OF_ADDRESS, bill, Scan.CLEAN));
            }
            List<Sample> passports = new ArrayList<>();
            List<Sample> ocrBPassports = new ArrayList<>();
            List<Sample> licences = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                passports.add(new Sample("image/png", IdentityCorpus.passportPng(i, i % 2 == 1), DocumentKind.PASSPORT,
                        null, null));
                ocrBPassports.add(new Sample("image/png", IdentityCorpus.passportPng(i, i % 2 == 1, true),
                        DocumentKind.PASSPORT, null, null));
                licences.add(new Sample("image/png", IdentityCorpus.licenceBackPng(i), DocumentKind.DRIVERS_LICENSE,
                        null, null));
            }
            // warm up every path (the engines load their models on first use)
            for (int i = 0; i < WARM_UP; i++) {
                read(reader, pdfs.get(i));
                read(reader, scans.get(i));
                read(reader, passports.get(i));
                read(reader, licences.get(i));
            }

            Map<Scan, int[]> right = new EnumMap<>(Scan.class);
            Map<BillField, int[]> rightClean = new EnumMap<>(BillField.class);
            Map<BillField, int[]> rightDegraded = new EnumMap<>(BillField.class);
            Map<BillField, int[]> rightText = new EnumMap<>(BillField.class);
            List<Double> pdfTimes = times(reader, pdfs, ROUNDS * 5, (sample, reading) -> score(sample, reading,
                    rightText, null));
            List<Double> scanTimes = times(reader, scans, ROUNDS, (sample, reading) -> score(sample, reading,
                    sample.scan() == Scan.CLEAN ? rightClean : rightDegraded, right));
            List<Double> cleanScanTimes = times(reader, scans.stream().filter(s -> s.scan() == Scan.CLEAN).toList(),
                    ROUNDS, null);
            List<Double> scannedPdfTimes = times(reader, scannedPdfs, ROUNDS, null);
            int[] zones = new int[2];
            List<Double> passportTimes = times(reader, passports, ROUNDS, (sample, reading) -> {
                zones[0]++;
                zones[1] += reading.mrz() != null && reading.mrz().valid() ? 1 : 0;
            });
            int[] ocrBZones = new int[2];
            List<Double> ocrBPassportTimes = times(reader, ocrBPassports, ROUNDS, (sample, reading) -> {
                ocrBZones[0]++;
                ocrBZones[1] += reading.mrz() != null && reading.mrz().valid() ? 1 : 0;
            });
            int[] codes = new int[2];
            List<Double> licenceTimes = times(reader, licences, ROUNDS, (sample, reading) -> {
                codes[0]++;
                codes[1] += reading.barcode() != null ? 1 : 0;
            });
            double concurrent = concurrently(reader, scans, 2);

            List<String> lines = new ArrayList<>();
            Runtime rt = Runtime.getRuntime();
            ReadingSettings settings = ReadingSettings.defaults();
            lines.add(String.format(Locale.ROOT, "DocumentReader.read, one page, default settings (%d dpi for scanned "
                    + "PDFs, %d Mpx, %d Tesseract engines), %d cores (load average %.1f at the start), after %d warm-up "
                    + "reads of each kind.", settings.dpi(), settings.maxPixels() / 1_000_000,
                    OcrSettings.defaults().engines(), rt.availableProcessors(), load, WARM_UP));
            lines.add("");
            lines.add("| one-page document | source | reads | pages per second | p50 ms | p95 ms | max ms |");
            lines.add("|---|---|---|---|---|---|---|");
            lines.add(row("bill or statement, text PDF", "PDF_TEXT", pdfTimes));
            lines.add(row("bill, scan (PNG/JPEG; clean, turned, blurred, JPEG 60)", "OCR", scanTimes));
            lines.add(row("bill, clean scan (PNG)", "OCR", cleanScanTimes));
            lines.add(row("bill, scanned PDF (image-only page)", "OCR", scannedPdfTimes));
            lines.add(row("passport photo page (PNG, half degraded)", "MRZ", passportTimes));
            lines.add(row("the same, the zone in OCR-B", "MRZ", ocrBPassportTimes));
            lines.add(row("licence back (PNG)", "BARCODE", licenceTimes));
            lines.add(String.format(Locale.ROOT, "| bill scans, 2 read at once | OCR | %d | %.2f | | | |",
                    scans.size(), concurrent));
            lines.add("");
            lines.add("| bill field read right (9 layouts) | text PDF | clean scan | degraded scans |");
            lines.add("|---|---|---|---|");
            int[] totalText = new int[2];
            int[] totalClean = new int[2];
            int[] totalDegraded = new int[2];
            for (BillField field : BillField.values()) {
                int[] t = rightText.getOrDefault(field, new int[2]);
                int[] c = rightClean.getOrDefault(field, new int[2]);
                int[] d = rightDegraded.getOrDefault(field, new int[2]);
                add(totalText, t);
                add(totalClean, c);
                add(totalDegraded, d);
                lines.add("| " + field.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " | " + share(t) + " | "
                        + share(c) + " | " + share(d) + " |");
            }
            lines.add("| all fields | " + share(totalText) + " | " + share(totalClean) + " | " + share(totalDegraded)
                    + " |");
            for (Scan scan : Scan.values()) {
                lines.add("| all fields, " + scan.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " scans | | "
                        + (scan == Scan.CLEAN ? share(right.get(scan)) : "") + " | "
                        + (scan == Scan.CLEAN ? "" : share(right.get(scan))) + " |");
            }
            lines.add("");
            lines.add(String.format(Locale.ROOT, "Passports whose zone was read with every check digit agreeing: "
                    + "%d of %d (the zone in OCR-B: %d of %d); licences whose barcode was decoded: %d of %d.", zones[1],
                    zones[0], ocrBZones[1], ocrBZones[0], codes[1], codes[0]));
            lines.add(String.format(Locale.ROOT, "Heap used after: %d MiB of %d MiB max.",
                    (rt.totalMemory() - rt.freeMemory()) / 1048576, rt.maxMemory() / 1048576));
            System.out.println();
            lines.forEach(System.out::println);
            write("reading", lines);
        } finally {
            reader.destroy();
        }
    }

    interface Check {
        void accept(Sample sample, DocumentReading reading);
    }

    static DocumentReading read(DocumentReaders reader, Sample sample) {
        return reader.read(new InspectedFile(sample.mediaType(), "page", sample.bytes().length, 0, 0, List.of(),
                List.of()), sample.bytes(), sample.kind());
    }

    static List<Double> times(DocumentReaders reader, List<Sample> samples, int rounds, Check check) {
        List<Double> millis = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (Sample sample : samples) {
                long start = System.nanoTime();
                DocumentReading reading = read(reader, sample);
                millis.add((System.nanoTime() - start) / 1e6);
                if (check != null && round == 0) {
                    check.accept(sample, reading);
                }
            }
        }
        Collections.sort(millis);
        return millis;
    }

    /** Pages per second with {@code clients} threads reading at once. */
    static double concurrently(DocumentReaders reader, List<Sample> samples, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<DocumentReading>> all = new ArrayList<>();
            for (Sample sample : samples) {
                all.add(pool.submit(() -> read(reader, sample)));
            }
            for (Future<DocumentReading> f : all) {
                f.get();
            }
            return samples.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    static void score(Sample sample, DocumentReading reading, Map<BillField, int[]> byField, Map<Scan, int[]> byScan) {
        for (Map.Entry<BillField, Boolean> e : BillAccuracy.score(sample.bill(), reading).entrySet()) {
            int[] counts = byField.computeIfAbsent(e.getKey(), k -> new int[2]);
            counts[0]++;
            counts[1] += e.getValue() ? 1 : 0;
            if (byScan != null) {
                int[] s = byScan.computeIfAbsent(sample.scan(), k -> new int[2]);
                s[0]++;
                s[1] += e.getValue() ? 1 : 0;
            }
        }
    }

    static void add(int[] total, int[] counts) {
        total[0] += counts[0];
        total[1] += counts[1];
    }

    static String share(int[] counts) {
        return counts == null || counts[0] == 0 ? "" : String.format(Locale.ROOT, "%.1f %% (%d/%d)",
                100.0 * counts[1] / counts[0], counts[1], counts[0]);
    }

    static String row(String name, String source, List<Double> sorted) {
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double p50 = sorted.get(sorted.size() / 2);
        double p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        return String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.0f | %.0f | %.0f |", name, source, sorted.size(),
                1000 / mean, p50, p95, sorted.get(sorted.size() - 1));
    }

    static void write(String name, List<String> lines) throws IOException {
        java.nio.file.Path out = java.nio.file.Path.of("target", "benchmarks", name + ".md");
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.write(out, lines);
    }

}
