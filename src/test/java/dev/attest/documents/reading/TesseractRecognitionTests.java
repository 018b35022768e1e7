package dev.attest.documents.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tesseract in-process: it reads printed text, and no raster, however hostile, takes the JVM down or runs past the
 * time limit by much.
 */
class TesseractRecognitionTests {

    static TesseractRecognition recognition;

    @BeforeAll
    static void engines() {
        recognition = new TesseractRecognition(new OcrSettings(2, Duration.ofSeconds(2), 20_000_000));
    }

    @AfterAll
    static void shutDown() {
        recognition.destroy();
    }

    static BufferedImage text(String... lines) {
        BufferedImage page = new BufferedImage(1400, 120 + 60 * lines.length, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Serif", Font.PLAIN, 34));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 60, 90 + 60 * i);
        }
        g.dispose();
        return page;
    }

    @Test
    void readsPrintedText() {
        TextRecognition.Recognised read = recognition.recognise(text("Statement date: 14 November 2026",
                "Springfield Electric Company", "742 Evergreen Terrace, Springfield"), TextRecognition.Profile.TEXT);
        assertThat(read.timedOut()).isFalse();
        assertThat(read.text()).contains("Statement date: 14 November 2026").contains("Springfield Electric Company")
                .contains("742 Evergreen Terrace");
        assertThat(read.confidence()).isBetween(0.7, 1.0);
    }

    @Test
    void theMrzProfileReadsOnlyTheZonesAlphabet() {
        TextRecognition.Recognised read = recognition.recognise(text("Hello, world! 42"), TextRecognition.Profile.MRZ);
        assertThat(read.text()).matches("[A-Z0-9<\\s]*");
    }

    @Test
    void hostileRastersReadAsNothingAndTheEngineLivesOn() {
        Random random = new Random(5);
        BufferedImage noise = new BufferedImage(1600, 1200, BufferedImage.TYPE_BYTE_GRAY);
        byte[] bytes = Rasters.bytes(noise);
        random.nextBytes(bytes);
        BufferedImage black = new BufferedImage(2000, 1500, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage white = Rasters.grey(new BufferedImage(800, 600, BufferedImage.TYPE_INT_ARGB), 1_000_000);
        BufferedImage huge = new BufferedImage(7000, 7000, BufferedImage.TYPE_BYTE_GRAY); // 49 MP, over the limit
        BufferedImage wide = new BufferedImage(40_000, 8, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage tall = new BufferedImage(9, 40_000, BufferedImage.TYPE_BYTE_BINARY);
        BufferedImage tiny = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        MachineReadableZones zones = new MachineReadableZones(recognition, OcrSettings.defaults(), Clock.systemUTC(),
                ZoneOffset.UTC);
        for (BufferedImage hostile : java.util.Arrays.asList(null, tiny, wide, tall, black, white, noise, huge)) {
            for (TextRecognition.Profile profile : TextRecognition.Profile.values()) {
                long start = System.nanoTime();
                TextRecognition.Recognised read = recognition.recognise(hostile, profile);
                assertThat(read.text().length()).isLessThan(20_000);
                // the deadline is checked between words: a page stops soon after it
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            }
            assertThat(zones.readMrz(hostile)).isEmpty();
            assertThat(zones.readBarcode(hostile)).isEmpty();
        }
        assertThat(recognition.recognise(text("Still reading"), TextRecognition.Profile.TEXT).text())
                .contains("Still reading");
    }

    @Test
    void enginesAreSharedSafelyBetweenThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> reads = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String line = "Invoice number " + (1000 + i);
                reads.add(pool.submit(() -> recognition.recognise(text(line), TextRecognition.Profile.TEXT).text()));
            }
            for (int i = 0; i < 6; i++) {
                assertThat(reads.get(i).get()).contains("Invoice number " + (1000 + i));
            }
        } finally {
            pool.shutdown();
        }
    }
}
