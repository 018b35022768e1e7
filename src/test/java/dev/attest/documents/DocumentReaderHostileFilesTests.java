package dev.attest.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;

import dev.attest.documents.reading.BarcodeReading;
import dev.attest.documents.reading.DocumentReaders;
import dev.attest.documents.reading.DocumentReading;
import dev.attest.documents.reading.IdentityZones;
import dev.attest.documents.reading.MrzReading;
import dev.attest.documents.reading.ReadingSettings;
import dev.attest.documents.reading.TextRecognition;

/**
 * The hostile-file catalogue of upload inspection (active content, bombs, floods, broken and wrong files), fed to the
 * document reader as if inspection had let each through: every one gives a reading, none an exception or a hang, and
 * no raster handed to the native engines is larger than the pixel limit.
 */
class DocumentReaderHostileFilesTests {

    static final long MAX_PIXELS = 4_000_000;
    static final AtomicLong LARGEST_RASTER = new AtomicLong();

    static final TextRecognition OCR = (page, profile) -> {
        LARGEST_RASTER.accumulateAndGet((long) page.getWidth() * page.getHeight(), Math::max);
        return new TextRecognition.Recognised("", 0, false);
    };

    static final IdentityZones ZONES = new IdentityZones() {
        @Override
        public Optional<MrzReading> readMrz(BufferedImage page) {
            LARGEST_RASTER.accumulateAndGet((long) page.getWidth() * page.getHeight(), Math::max);
            return Optional.empty();
        }

        @Override
        public Optional<MrzReading> parseMrz(List<String> lines) {
            return Optional.empty();
        }

        @Override
        public Optional<BarcodeReading> readBarcode(BufferedImage page) {
            LARGEST_RASTER.accumulateAndGet((long) page.getWidth() * page.getHeight(), Math::max);
            return Optional.empty();
        }
    };

    static final DocumentReaders READER = DocumentReaders.with(new ReadingSettings(true, 3, MAX_PIXELS, 250,
            Duration.ofSeconds(3), Duration.ofSeconds(6), DataSize.ofMegabytes(64), 1), OCR, ZONES);

    @AfterAll
    static void stop() {
        READER.destroy();
    }

    static Stream<Arguments> hostileFiles() throws IOException {
        Stream<Arguments> inspection = Stream.concat(FileInspectionTests.activeContent(), FileInspectionTests.refused())
                .map(a -> Arguments.of(a.get()[0], a.get()[1], a.get()[2]));
        Stream<Arguments> more = Stream.of(
                Arguments.of("PDF: an image whose samples inflate to 2.7 GB", "statement.pdf", imageBomb()),
                Arguments.of("PDF: an object stream inflating to 4 GiB", "statement.pdf",
                        TestFiles.pdfWithObjectStreamBomb(4L << 30)),
                Arguments.of("PDF: 200000 drawing operators", "statement.pdf", TestFiles.pdfWithManyOperators(200_000)),
                Arguments.of("PDF: a page of 14400 × 14400 pt", "statement.pdf", TestFiles.pdfWithPage(14_400, 14_400)),
                Arguments.of("PDF: a page of 1 × 1000000 pt", "statement.pdf", TestFiles.pdfWithPage(1, 1_000_000)),
                Arguments.of("PDF: a progressive JPEG of 6000 × 5000 in the page", "statement.pdf",
                        pdfWithProgressiveJpeg()),
                Arguments.of("PDF: cut off half-way", "statement.pdf", half(TestFiles.pdf())),
                Arguments.of("PDF: not a PDF at all", "statement.pdf", "%PDF-1.7 hello".getBytes()),
                Arguments.of("JPEG: progressive 6000 × 5000", "id.jpg", ProgressiveJpegPreviewTests.jpeg(6_000, 5_000,
                        true)),
                Arguments.of("PNG: pixel flood 100000 × 100000", "id.png", TestFiles.pixelFloodPng(100_000, 100_000)),
                Arguments.of("PNG: pixel flood 1 × 2000000000", "id.png", TestFiles.pixelFloodPng(1, 2_000_000_000)),
                Arguments.of("PNG: cut off half-way", "id.png", half(TestFiles.png(800, 600))),
                Arguments.of("JPEG: cut off half-way", "id.jpg", half(TestFiles.jpeg(800, 600))));
        return Stream.concat(inspection, more);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    @Timeout(60)
    void everyHostileFileGivesAReadingNeverAnExceptionOrAHang(String what, String fileName, byte[] bytes) {
        for (DocumentKind kind : List.of(DocumentKind.PROOF_OF_ADDRESS, DocumentKind.PASSPORT,
                DocumentKind.DRIVERS_LICENSE)) {
            DocumentReading reading = READER.read(new InspectedFile(mediaType(fileName), fileName, bytes.length, 0, 0,
                    List.of(), List.of()), bytes, kind);
            assertThat(reading).as(what).isNotNull();
            if (reading.status() == DocumentReading.Status.UNREADABLE) {
                assertThat(reading.problem()).as(what).isNotBlank();
            }
        }
        assertThat(LARGEST_RASTER.get()).as("largest raster given to OCR").isLessThanOrEqualTo(MAX_PIXELS);
    }

    static String mediaType(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (name.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        if (name.endsWith(".doc")) {
            return "application/msword";
        }
        return "image/gif";
    }

    static byte[] half(byte[] bytes) {
        return java.util.Arrays.copyOf(bytes, bytes.length / 2);
    }

    static byte[] imageBomb() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(
                    PdfDecompressionBombTests.flateBomb(2_700_000_000L)), COSName.FLATE_DECODE, 30_000, 30_000, 8,
                    PDDeviceRGB.INSTANCE);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 0, 0, 612, 792);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] pdfWithProgressiveJpeg() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            PDImageXObject image = JPEGFactory.createFromByteArray(doc, ProgressiveJpegPreviewTests.jpeg(6_000, 5_000,
                    true));
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 0, 0, 612, 510);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
