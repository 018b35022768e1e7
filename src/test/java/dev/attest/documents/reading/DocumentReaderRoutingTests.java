package dev.attest.documents.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import dev.attest.cases.CountryCode;
import dev.attest.documents.AddressComparison.Written;
import dev.attest.documents.DocumentKind;
import dev.attest.documents.InspectedFile;
import dev.attest.documents.TestFiles;
import dev.attest.documents.reading.BillCorpus.Bill;
import dev.attest.documents.reading.BillCorpus.Scan;

/**
 * Where the reader sends each file and how it puts the answers together, with test doubles of OCR and the identity
 * zones: images and image-only pages go to OCR as bounded grey rasters, identity documents to the zone and barcode
 * readers, and their values carry their source and confidence.
 */
class DocumentReaderRoutingTests {

    static final MrzReading PASSPORT = new MrzReading(MrzFormat.TD3, List.of(
            "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<",
            "C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4"),
            new MrzReading.CheckDigits(true, true, true, true), "P", "D", "MUSTERMANN", "ERIKA", "C01X00T47", "D",
            LocalDate.of(1964, 8, 12), "F", LocalDate.of(2027, 2, 28));

    final List<BufferedImage> recognised = new CopyOnWriteArrayList<>();
    final List<BufferedImage> zoned = new CopyOnWriteArrayList<>();
    final List<DocumentReaders> readers = new ArrayList<>();

    @AfterEach
    void stop() {
        readers.forEach(DocumentReaders::destroy);
    }

    /** OCR that "recognises" the given text on every page, with the given confidence. */
    TextRecognition ocr(String text, double confidence) {
        return (page, profile) -> {
            recognised.add(page);
            return new TextRecognition.Recognised(text, confidence, false);
        };
    }

    IdentityZones zones(MrzReading mrz, BarcodeReading barcode) {
        return new IdentityZones() {
            @Override
            public Optional<MrzReading> readMrz(BufferedImage page) {
                zoned.add(page);
                return Optional.ofNullable(mrz);
            }

            @Override
            public Optional<MrzReading> parseMrz(List<String> lines) {
                return Optional.empty();
            }

            @Override
            public Optional<BarcodeReading> readBarcode(BufferedImage page) {
                zoned.add(page);
                return Optional.ofNullable(barcode);
            }
        };
    }

    DocumentReaders reader(ReadingSettings settings, TextRecognition ocr, IdentityZones zones) {
        DocumentReaders reader = DocumentReaders.with(settings, ocr, zones);
        readers.add(reader);
        return reader;
    }

    DocumentReaders reader(TextRecognition ocr, IdentityZones zones) {
        return reader(ReadingSettings.defaults(), ocr, zones);
    }

    static InspectedFile file(String mediaType, byte[] bytes) {
        return new InspectedFile(mediaType, "file", bytes.length, 0, 0, List.of(), List.of());
    }

    @Test
    void aScannedBillIsRecognisedAndItsFieldsCarryTheEnginesConfidence() {
        Bill bill = BillCorpus.bills().get(0);
        byte[] png = BillCorpus.scanFile(bill, Scan.CLEAN);
        DocumentReading reading = reader(ocr(String.join("\n", bill.lines()).replace(">", ""), 0.8), null)
                .read(file("image/png", png), png, DocumentKind.PROOF_OF_ADDRESS);

        assertThat(reading.status()).isEqualTo(DocumentReading.Status.DONE);
        assertThat(reading.fullName().value()).isEqualTo(bill.fullName());
        assertThat(reading.fullName().source()).isEqualTo(ReadSource.OCR);
        assertThat(reading.fullName().confidence()).isLessThanOrEqualTo(0.8).isGreaterThan(0.5);
        assertThat(reading.fullName().provenance()).startsWith("OCR, confidence 0.");
        assertThat(reading.address().value()).isEqualTo(bill.address());
        assertThat(reading.documentDate().value()).isEqualTo(bill.documentDate());
        assertThat(recognised).hasSize(1);
        assertThat(recognised.get(0).getType()).as("8-bit grey").isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(zoned).as("a bill has no zone to look for").isEmpty();
    }

    @Test
    void controlAndInvisibleFormattingCharactersReadOffAFileAreDropped() {
        Bill bill = BillCorpus.bills().get(0);
        byte[] png = BillCorpus.scanFile(bill, Scan.CLEAN);
        String name = bill.fullName();
        String hostile = String.join("\n", bill.lines()).replace(">", "").replace(name, name.substring(0, 2)
                + "\u202E\u200B" + name.substring(2) + "\u0000\u2066");
        DocumentReading reading = reader(ocr(hostile, 0.8), null).read(file("image/png", png), png,
                DocumentKind.PROOF_OF_ADDRESS);

        assertThat(reading.status()).isEqualTo(DocumentReading.Status.DONE);
        assertThat(reading.text()).doesNotContain("\u202E", "\u200B", "\u0000", "\u2066").contains(name);
        assertThat(reading.fullName().value()).isEqualTo(name);
    }

    @Test
    void anImageOnlyPdfPageIsDrawnInGreyAtTheReadingResolutionAndRecognised() {
        Bill bill = BillCorpus.bills().get(3);
        byte[] pdf = BillCorpus.scannedPdf(bill, Scan.CLEAN);
        DocumentReading reading = reader(ocr(String.join("\n", bill.lines()), 0.9), null)
                .read(file("application/pdf", pdf), pdf, DocumentKind.PROOF_OF_ADDRESS);

        assertThat(reading.status()).isEqualTo(DocumentReading.Status.DONE);
        assertThat(reading.fullName().source()).isEqualTo(ReadSource.OCR);
        assertThat(reading.address().value()).isEqualTo(bill.address());
        BufferedImage page = recognised.get(0);
        assertThat(page.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        // A4 at 200 dpi: about 1654 × 2339 pixels
        assertThat(page.getWidth()).isBetween(1600, 1700);
    }

    @Test
    void aPageWithATextLayerIsNotRecognised() {
        byte[] pdf = BillCorpus.pdf(BillCorpus.bills().get(1));
        DocumentReading reading = reader(ocr("nothing", 0.9), null).read(file("application/pdf", pdf), pdf,
                DocumentKind.PROOF_OF_ADDRESS);
        assertThat(reading.fullName().source()).isEqualTo(ReadSource.PDF_TEXT);
        assertThat(reading.fullName().confidence()).isCloseTo(0.95 * 0.85, org.assertj.core.data.Offset.offset(0.01));
        assertThat(recognised).isEmpty();
    }

    @Test
    void anImageLargerThanThePixelLimitIsSubsampledWhileDecoded() {
        byte[] png = TestFiles.png(5_000, 4_000);
        ReadingSettings small = new ReadingSettings(true, 3, 2_000_000, 250, Duration.ofSeconds(8),
                Duration.ofSeconds(20), DataSize.ofMegabytes(64), 1);
        reader(small, ocr("", 0), null).read(file("image/png", png), png, DocumentKind.PROOF_OF_ADDRESS);
        BufferedImage page = recognised.get(0);
        assertThat((long) page.getWidth() * page.getHeight()).isLessThanOrEqualTo(2_000_000);
        assertThat(page.getWidth()).isGreaterThan(1_000);
    }

    @Test
    void aPassportIsReadFromItsZoneWithTheIcaoCodeAsACountry() {
        byte[] png = TestFiles.png(1200, 850);
        DocumentReading reading = reader(ocr("should not be needed", 0.9), zones(PASSPORT, null))
                .read(file("image/png", png), png, DocumentKind.PASSPORT);

        assertThat(reading.status()).isEqualTo(DocumentReading.Status.DONE);
        assertThat(reading.mrz()).isEqualTo(PASSPORT);
        assertThat(reading.fullName()).isEqualTo(new ReadValue<>("ERIKA MUSTERMANN", ReadSource.MRZ, 1.0));
        assertThat(reading.documentNumber()).isEqualTo(new ReadValue<>("C01X00T47", ReadSource.MRZ, 1.0));
        assertThat(reading.dateOfBirth().value()).isEqualTo(LocalDate.of(1964, 8, 12));
        assertThat(reading.expiresOn()).isEqualTo(new ReadValue<>(LocalDate.of(2027, 2, 28), ReadSource.MRZ, 1.0));
        assertThat(reading.issuingCountry().value()).isEqualTo(new CountryCode("DE"));
        assertThat(reading.expiresOn().provenance()).isEqualTo("read from the MRZ");
        assertThat(recognised).as("the zone said it all").isEmpty();
        assertThat(zoned).hasSize(1);
    }

    @Test
    void aZoneWithAWrongCheckDigitGivesItsValuesLessConfidence() {
        MrzReading altered = new MrzReading(MrzFormat.TD3, PASSPORT.lines(),
                new MrzReading.CheckDigits(true, true, false, false), "P", "GBR", "SMITH", "JOHN", "123456789", "GBR",
                LocalDate.of(1980, 1, 1), "M", LocalDate.of(2031, 1, 1));
        byte[] png = TestFiles.png(1200, 850);
        DocumentReading reading = reader(null, zones(altered, null)).read(file("image/png", png), png,
                DocumentKind.PASSPORT);
        assertThat(reading.mrz().valid()).isFalse();
        assertThat(reading.expiresOn().confidence()).isLessThan(0.5);
        assertThat(reading.documentNumber().confidence()).isLessThan(1.0).isGreaterThan(0.5);
        assertThat(reading.issuingCountry().value()).isEqualTo(new CountryCode("GB"));
    }

    @Test
    void aLicenceIsReadFromItsBarcode() {
        BarcodeReading barcode = new BarcodeReading("636015", 10, Map.ofEntries(Map.entry("DCS", "SAMPLE"),
                Map.entry("DAC", "JANE"), Map.entry("DAD", "Q"), Map.entry("DAQ", "12345678"),
                Map.entry("DBA", "08312030"), Map.entry("DBB", "01151990"), Map.entry("DAG", "1200 BARTON SPRINGS RD"),
                Map.entry("DAI", "AUSTIN"), Map.entry("DAJ", "TX"), Map.entry("DAK", "787040000  "),
                Map.entry("DCG", "USA")));
        byte[] png = TestFiles.png(1000, 640);
        DocumentReading reading = reader(null, zones(null, barcode)).read(file("image/png", png), png,
                DocumentKind.DRIVERS_LICENSE);

        assertThat(reading.fullName()).isEqualTo(new ReadValue<>("JANE Q SAMPLE", ReadSource.BARCODE, 0.99));
        assertThat(reading.documentNumber().value()).isEqualTo("12345678");
        assertThat(reading.expiresOn().value()).isEqualTo(LocalDate.of(2030, 8, 31));
        assertThat(reading.dateOfBirth().value()).isEqualTo(LocalDate.of(1990, 1, 15));
        assertThat(reading.issuingRegion().value()).isEqualTo("TX");
        assertThat(reading.issuingCountry().value()).isEqualTo(new CountryCode("US"));
        assertThat(reading.address().value()).isEqualTo(new Written("1200 BARTON SPRINGS RD", null, "AUSTIN", "TX",
                "78704", "US"));
        assertThat(reading.barcode()).isEqualTo(barcode);
    }

    @Test
    void aCanadianBarcodeWritesItsDatesYearFirst() {
        BarcodeReading barcode = new BarcodeReading("636012", 9, Map.of("DCS", "TREMBLAY", "DAC", "PIERRE",
                "DBA", "20300831", "DBB", "19900115", "DAJ", "ON", "DCG", "CAN"));
        byte[] png = TestFiles.png(1000, 640);
        DocumentReading reading = reader(null, zones(null, barcode)).read(file("image/png", png), png,
                DocumentKind.DRIVERS_LICENSE);
        assertThat(reading.expiresOn().value()).isEqualTo(LocalDate.of(2030, 8, 31));
        assertThat(reading.issuingCountry().value()).isEqualTo(new CountryCode("CA"));
    }

    @Test
    void anIdentityDocumentWithoutAZoneIsRecognisedAsTextAndSaysNoZoneWasFound() {
        byte[] png = TestFiles.png(1000, 640);
        DocumentReading reading = reader(ocr("VOTER REGISTRATION CARD\nName: Jane Seller\nDate of birth: 01/15/1990",
                0.9), zones(null, null)).read(file("image/png", png), png, DocumentKind.VOTER_REGISTRATION_CARD);
        assertThat(reading.status()).isEqualTo(DocumentReading.Status.DONE);
        assertThat(reading.fullName().value()).isEqualTo("Jane Seller");
        assertThat(reading.dateOfBirth().value()).isEqualTo(LocalDate.of(1990, 1, 15));
        assertThat(reading.problem()).contains("No machine-readable zone was found");
    }

    @Test
    void withoutOcrAnImageIsUnreadableSayingSo() {
        byte[] png = TestFiles.png(800, 600);
        DocumentReading reading = reader(null, null).read(file("image/png", png), png, DocumentKind.PROOF_OF_ADDRESS);
        assertThat(reading.status()).isEqualTo(DocumentReading.Status.UNREADABLE);
        assertThat(reading.problem()).contains("OCR").contains("not available");
    }

    @Test
    void wordFilesAreNotReadAndSaySo() {
        byte[] docx = TestFiles.docx(false);
        DocumentReading reading = reader(null, null).read(new InspectedFile(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "letter.docx", docx.length, 0,
                0, List.of(), List.of()), docx, DocumentKind.PROOF_OF_ADDRESS);
        assertThat(reading.status()).isEqualTo(DocumentReading.Status.UNREADABLE);
        assertThat(reading.problem()).contains("DOCX files are not read");
    }

    @Test
    void turnedOffNothingIsRead() {
        byte[] pdf = BillCorpus.pdf(BillCorpus.bills().get(0));
        ReadingSettings off = new ReadingSettings(false, 3, 12_000_000, 250, Duration.ofSeconds(8),
                Duration.ofSeconds(20), DataSize.ofMegabytes(64), 1);
        DocumentReading reading = reader(off, null, null).read(file("application/pdf", pdf), pdf, DocumentKind.OTHER);
        assertThat(reading.status()).isEqualTo(DocumentReading.Status.UNREADABLE);
        assertThat(reading.problem()).contains("turned off");
    }

    @Test
    void onlyTheFirstPagesAreReadAndTheReadingSaysSo() throws Exception {
        byte[] pdf;
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument();
                var out = new java.io.ByteArrayOutputStream()) {
            for (int i = 0; i < 5; i++) {
                document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            }
            document.save(out);
            pdf = out.toByteArray();
        }
        DocumentReading reading = reader(ocr("", 0), null).read(file("application/pdf", pdf), pdf,
                DocumentKind.PROOF_OF_ADDRESS);
        assertThat(reading.status()).isEqualTo(DocumentReading.Status.UNREADABLE);
        assertThat(reading.problem()).contains("Only the first 3 of 5 pages were read");
        assertThat(recognised).hasSize(3);
    }

    @Test
    void ocrThatNeverEndsIsLeftBehindAndTheReadingSaysItTookTooLong() {
        TextRecognition stuck = (page, profile) -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new TextRecognition.Recognised("", 0, true);
        };
        ReadingSettings quick = new ReadingSettings(true, 3, 12_000_000, 250, Duration.ofMillis(200),
                Duration.ofMillis(300), DataSize.ofMegabytes(64), 1);
        byte[] png = TestFiles.png(400, 300);
        DocumentReading reading = reader(quick, stuck, null).read(file("image/png", png), png,
                DocumentKind.PROOF_OF_ADDRESS);
        assertThat(reading.status()).isEqualTo(DocumentReading.Status.UNREADABLE);
        assertThat(reading.problem()).contains("longer than");
    }
}
