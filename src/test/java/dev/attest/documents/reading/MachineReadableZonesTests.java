package dev.attest.documents.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Zones and barcodes read off rendered documents with the real Tesseract and ZXing. */
class MachineReadableZonesTests {

    static final ZoneId ZONE = ZoneId.of("America/New_York");

    static TesseractRecognition recognition;

    static MachineReadableZones zones;

    @BeforeAll
    static void engines() {
        recognition = new TesseractRecognition(OcrSettings.defaults());
        zones = new MachineReadableZones(recognition, OcrSettings.defaults(),
                Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZONE), ZONE);
    }

    @AfterAll
    static void shutDown() {
        recognition.destroy();
    }

    static final SpecimenDocuments.Holder ANNA = new SpecimenDocuments.Holder("ERIKSSON", "ANNA MARIA", "L898902C3",
            "UTO", "UTO", LocalDate.of(1974, 8, 12), "F", LocalDate.of(2031, 4, 15));

    @Test
    void readsAPassportsZone() {
        MrzReading mrz = zones.readMrz(SpecimenDocuments.passport(ANNA, SpecimenDocuments.td3(ANNA))).orElseThrow();
        assertThat(mrz.valid()).isTrue();
        assertThat(mrz.format()).isEqualTo(MrzFormat.TD3);
        assertThat(mrz.surname()).isEqualTo("ERIKSSON");
        assertThat(mrz.givenNames()).isEqualTo("ANNA MARIA");
        assertThat(mrz.documentNumber()).isEqualTo("L898902C3");
        assertThat(mrz.dateOfBirth()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(mrz.expiresOn()).isEqualTo(LocalDate.of(2031, 4, 15));
        assertThat(mrz.nationality()).isEqualTo("UTO");
        assertThat(mrz.sex()).isEqualTo("F");
    }

    @Test
    void readsAnIdCardsZone() {
        MrzReading mrz = zones.readMrz(SpecimenDocuments.idCard(ANNA, SpecimenDocuments.td1(ANNA))).orElseThrow();
        assertThat(mrz.valid()).isTrue();
        assertThat(mrz.format()).isEqualTo(MrzFormat.TD1);
        assertThat(mrz.documentNumber()).isEqualTo("L898902C3");
        assertThat(mrz.surname()).isEqualTo("ERIKSSON");
        assertThat(mrz.expiresOn()).isEqualTo(LocalDate.of(2031, 4, 15));
    }

    @Test
    void readsAZoneScannedCrookedBlurredOrAsJpeg() {
        BufferedImage page = SpecimenDocuments.passport(ANNA, SpecimenDocuments.td3(ANNA));
        for (BufferedImage degraded : List.of(SpecimenDocuments.rotate(page, 3.0), SpecimenDocuments.blur(page, 1.2),
                SpecimenDocuments.jpeg(page, 0.6f))) {
            MrzReading mrz = zones.readMrz(degraded).orElseThrow();
            assertThat(mrz.valid()).isTrue();
            assertThat(mrz.documentNumber()).isEqualTo("L898902C3");
        }
    }

    @Test
    void aZoneWithOneCharacterChangedReadsAsInvalid() {
        // the date of birth changed from 740812 to 750812, the check digit left as issued
        List<String> altered = SpecimenDocuments.altered(SpecimenDocuments.td3(ANNA), 1, 14, '5');
        MrzReading mrz = zones.readMrz(SpecimenDocuments.passport(ANNA, altered)).orElseThrow();
        assertThat(mrz.valid()).isFalse();
        assertThat(mrz.checkDigits().dateOfBirth()).isFalse();
        assertThat(mrz.checkDigits().documentNumber()).isTrue();

        // the document number's last character changed on a card
        List<String> card = SpecimenDocuments.altered(SpecimenDocuments.td1(ANNA), 0, 13, '7');
        MrzReading cardMrz = zones.readMrz(SpecimenDocuments.idCard(ANNA, card)).orElseThrow();
        assertThat(cardMrz.valid()).isFalse();
        assertThat(cardMrz.documentNumber()).isEqualTo("L898902C7");
    }

    @Test
    void readsZonesPrintedInOcrB() {
        // OCR-B, the font real documents print their zone in: the English model reads its filler as K, L or C
        MrzReading passport = zones.readMrz(SpecimenDocuments.passport(ANNA, SpecimenDocuments.td3(ANNA),
                SpecimenDocuments.OCR_B)).orElseThrow();
        assertThat(passport.valid()).isTrue();
        assertThat(passport.lines().get(0)).isEqualTo(SpecimenDocuments.td3(ANNA).get(0));
        assertThat(passport.lines().get(1).substring(28)).isEqualTo(SpecimenDocuments.td3(ANNA).get(1).substring(28));
        assertThat(passport.surname()).isEqualTo("ERIKSSON");
        assertThat(passport.givenNames()).isEqualTo("ANNA MARIA");
        assertThat(passport.documentNumber()).isEqualTo("L898902C3");
        MrzReading card = zones.readMrz(SpecimenDocuments.idCard(ANNA, SpecimenDocuments.td1(ANNA),
                SpecimenDocuments.OCR_B)).orElseThrow();
        assertThat(card.valid()).isTrue();
        assertThat(card.format()).isEqualTo(MrzFormat.TD1);
        assertThat(card.givenNames()).isEqualTo("ANNA MARIA");
        assertThat(card.expiresOn()).isEqualTo(LocalDate.of(2031, 4, 15));
    }

    @Test
    void aFillerChangedIntoALetterInOcrBIsReadAsTheLetter() {
        // a filler of the optional data (covered by the composite check digit) changed into an L: an L has its stem,
        // so it is not taken for a filler, and the composite disagrees
        List<String> altered = SpecimenDocuments.altered(SpecimenDocuments.td3(ANNA), 1, 33, 'L');
        MrzReading mrz = zones.readMrz(SpecimenDocuments.passport(ANNA, altered, SpecimenDocuments.OCR_B))
                .orElseThrow();
        assertThat(mrz.valid()).isFalse();
        assertThat(mrz.checkDigits().composite()).isFalse();
        assertThat(mrz.lines().get(1).charAt(33)).isEqualTo('L');
        // a K is worth 20, a filler 0: no check digit tells one from the other (ICAO 9303 part 3, 4.9), so the zone
        // is valid, and it is reported with the K that is printed
        List<String> withK = SpecimenDocuments.altered(SpecimenDocuments.td3(ANNA), 1, 33, 'K');
        MrzReading k = zones.readMrz(SpecimenDocuments.passport(ANNA, withK, SpecimenDocuments.OCR_B)).orElseThrow();
        assertThat(k.lines().get(1).substring(28, 43)).isEqualTo("<<<<<K<<<<<<<<<");
    }

    @Test
    void aFillerChangedIntoALetterIsNeverReadValidAtAnySizeOrBlur() {
        // found by a review: with the passport photographed with margins (a smaller zone) or blurred, lines the engine
        // read with fillers as K, L or C, or characters mixed from several reads, agreed with the composite check
        // digit by chance; now only a read on the zone's pitch may be valid
        // an O is read as 0 and a Q as A, both worth 0 modulo 10 like the filler: the personal number's check digit
        // (a filler only over fillers) catches them
        for (char letter : new char[] {'L', 'C', 'O', 'Q'}) {
            List<String> altered = SpecimenDocuments.altered(SpecimenDocuments.td3(ANNA), 1, 33, letter);
            BufferedImage page = SpecimenDocuments.passport(ANNA, altered, SpecimenDocuments.OCR_B);
            for (int width : new int[] {1800, 2600}) {
                BufferedImage photo = onCanvas(page, width);
                for (BufferedImage read : List.of(photo, SpecimenDocuments.blur(photo, 1.0))) {
                    zones.readMrz(read).ifPresent(mrz -> assertThat(mrz.valid())
                            .as("%s in the optional data, the page %d wide: %s", letter, width, mrz.lines()).isFalse());
                }
            }
        }
    }

    @Test
    void aZoneValidOnlyInTheEnginesOwnLinesIsLeftToAPerson() {
        // an engine that gives no character boxes (as for a page with too many characters): its lines are never read
        // on the zone's pitch, so a zone they show valid is not reported valid, nor altered; one they show changed is
        // reported invalid
        List<String> genuine = SpecimenDocuments.td3(ANNA);
        assertThat(textOnly(genuine).readMrz(SpecimenDocuments.passport(ANNA, genuine))).isEmpty();
        List<String> altered = SpecimenDocuments.altered(genuine, 1, 14, '5');
        MrzReading mrz = textOnly(altered).readMrz(SpecimenDocuments.passport(ANNA, altered)).orElseThrow();
        assertThat(mrz.valid()).isFalse();
        assertThat(mrz.checkDigits().dateOfBirth()).isFalse();
    }

    private static MachineReadableZones textOnly(List<String> lines) {
        TextRecognition engine = (page, profile) -> new TextRecognition.Recognised(String.join("\n", lines), 0.9,
                false);
        return new MachineReadableZones(engine, OcrSettings.defaults(),
                Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZONE), ZONE);
    }

    /** The page in the middle of a larger white sheet, as a photograph with margins shows it. */
    private static BufferedImage onCanvas(BufferedImage page, int width) {
        int height = page.getHeight() * width / page.getWidth();
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = canvas.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.drawImage(page, (width - page.getWidth()) / 2, (height - page.getHeight()) / 2, null);
        g.dispose();
        return canvas;
    }

    @Test
    void aPageWithoutAZoneHasNone() {
        BufferedImage back = SpecimenDocuments.licenceBack(SpecimenDocuments.aamva(ANNA, "636015", "TX", false));
        assertThat(zones.readMrz(back)).isEmpty();
    }

    @Test
    void readsALicencesBarcode() {
        SpecimenDocuments.Holder holder = SpecimenDocuments.holder(new Random(3));
        BufferedImage back = SpecimenDocuments.licenceBack(SpecimenDocuments.aamva(holder, "636015", "TX", false));
        for (BufferedImage page : List.of(back, SpecimenDocuments.rotate(back, 3.0), SpecimenDocuments.blur(back,
                1.2), SpecimenDocuments.jpeg(back, 0.6f), Rasters.quarterTurns(Rasters.grey(back, 40_000_000), 1))) {
            BarcodeReading barcode = zones.readBarcode(page).orElseThrow();
            assertThat(barcode.issuerId()).isEqualTo("636015");
            assertThat(barcode.elements()).containsEntry("DAQ", holder.documentNumber())
                    .containsEntry("DCS", holder.surname()).containsEntry("DBB", holder.dateOfBirth().toString())
                    .containsEntry("DBA", holder.expiresOn().toString()).containsEntry("DAJ", "TX");
        }
        assertThat(zones.readBarcode(SpecimenDocuments.passport(ANNA, SpecimenDocuments.td3(ANNA)))).isEmpty();
    }

    @Test
    void parsesLinesWithTheClocksToday() {
        assertThat(zones.parseMrz(MrzParserTests.ICAO_TD3).orElseThrow().dateOfBirth())
                .isEqualTo(LocalDate.of(1974, 8, 12));
    }

    @Test
    void aValidZoneWhoseNumberHasAZeroWhereAnotherReadSawTheLetterOIsReportedWithTheO() {
        // issued as L898K02C3 and the K changed into an O, or issued as L898002C3: read as 0, the same valid zone
        String upper = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
        String zero = "L898002C39UTO7408122F3104150<<<<<<<<<<<<<<<8";
        String oh = "L898O02C39UTO7408122F3104150<<<<<<<<<<<<<<<8";
        LocalDate today = LocalDate.of(2026, 12, 7);
        MrzReading valid = MrzParser.parse(List.of(upper, zero), today).orElseThrow();
        assertThat(valid.valid()).isTrue();
        MachineReadableZones.Candidate best = new MachineReadableZones.Candidate(valid, true, today);

        MrzReading settled = MachineReadableZones.oWhereAReadSawOne(best, List.of(
                new MachineReadableZones.Read(List.of(upper, zero), 44),
                new MachineReadableZones.Read(List.of("NOISE", upper, oh), 44)), today).reading();
        assertThat(settled.valid()).as("one read saw an O: not valid on the strength of the others").isFalse();
        assertThat(settled.documentNumber()).isEqualTo("L898O02C3");
        assertThat(settled.agreesWithZeroForO()).as("left to a person (MRZ NEEDS_REVIEW)").isTrue();

        assertThat(MachineReadableZones.oWhereAReadSawOne(best, List.of(
                new MachineReadableZones.Read(List.of(upper, zero), 44)), today).reading().valid())
                .as("every read saw a 0").isTrue();
        // two zeros read as O: both swapped back make it agree
        assertThat(MrzParser.parse(List.of(upper, "L898OO2C39UTO7408122F3104150<<<<<<<<<<<<<<<8"), today)
                .orElseThrow().agreesWithZeroForO()).isTrue();
    }
}
