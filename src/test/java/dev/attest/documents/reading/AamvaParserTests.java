package dev.attest.documents.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The AAMVA data of a licence barcode, as the DL/ID card design standard lays it out. */
class AamvaParserTests {

    static final SpecimenDocuments.Holder HOLDER = new SpecimenDocuments.Holder("SAMPLE", "ALEXANDER JOSEPH",
            "12345678", "USA", "USA", LocalDate.of(1977, 6, 5), "M", LocalDate.of(2030, 6, 5));

    @Test
    void readsAUsLicencesElementsWithItsDates() {
        BarcodeReading reading = AamvaParser.parse(SpecimenDocuments.aamva(HOLDER, "636015", "TX", false))
                .orElseThrow();
        assertThat(reading.issuerId()).isEqualTo("636015");
        assertThat(reading.aamvaVersion()).isEqualTo(8);
        assertThat(reading.elements()).containsEntry("DAQ", "12345678").containsEntry("DCS", "SAMPLE")
                .containsEntry("DAC", "ALEXANDER").containsEntry("DAD", "JOSEPH").containsEntry("DBB", "1977-06-05")
                .containsEntry("DBA", "2030-06-05").containsEntry("DAJ", "TX").containsEntry("DAK", "787010000")
                .containsEntry("DCG", "USA");
    }

    @Test
    void canadianDatesAreYearFirst() {
        BarcodeReading reading = AamvaParser.parse(SpecimenDocuments.aamva(HOLDER, "636012", "ON", true))
                .orElseThrow();
        assertThat(reading.elements()).containsEntry("DBB", "1977-06-05").containsEntry("DBA", "2030-06-05");
    }

    @Test
    void aWrongSubfileOffsetIsLookedPast() {
        String data = SpecimenDocuments.aamva(HOLDER, "636015", "TX", false);
        String wrong = data.replaceFirst("DL\\d{4}", "DL0999");
        assertThat(AamvaParser.parse(wrong).orElseThrow().elements()).containsEntry("DAQ", "12345678");
    }

    @Test
    void versionOneHasNoJurisdictionVersion() {
        String data = "@\n\u001e\rANSI 6360100101DL00260040DLDAQD1234567\nDCSDOE\nDBB01311980\nDBA01312030\r";
        BarcodeReading reading = AamvaParser.parse(data).orElseThrow();
        assertThat(reading.aamvaVersion()).isEqualTo(1);
        assertThat(reading.elements()).containsEntry("DAQ", "D1234567").containsEntry("DBB", "1980-01-31");
    }

    @Test
    void whatIsNoAamvaDataIsNotRead() {
        assertThat(AamvaParser.parse(null)).isEmpty();
        assertThat(AamvaParser.parse("hello, world, this is a barcode")).isEmpty();
        assertThat(AamvaParser.parse("@\n\u001e\rANSI 63601508000")).isEmpty();
        assertThat(AamvaParser.parse("@\n\u001e\rANSI 636015080099DL00410100")).isEmpty();
        assertThat(AamvaParser.parse("@\n\u001e\rANSI 6360150800" + "01" + "DL00310200" + "DL" + "x".repeat(5000)))
                .isEmpty();
    }

    @Test
    void elementsAreBoundedAndCleaned() {
        StringBuilder subfile = new StringBuilder("DL");
        for (int i = 0; i < 500; i++) {
            subfile.append(String.format("Z%02d", i % 100)).append("v\u0007").append(i).append('\n');
        }
        subfile.append("DCS").append("A".repeat(1000)).append('\r');
        String data = "@\n\u001e\rANSI 636015080001DL0031" + String.format("%04d", subfile.length()) + subfile;
        BarcodeReading reading = AamvaParser.parse(data.length() > AamvaParser.MAX_DATA ? data.substring(0,
                AamvaParser.MAX_DATA) : data).orElseThrow();
        assertThat(reading.elements().size()).isLessThanOrEqualTo(AamvaParser.MAX_ELEMENTS);
        assertThat(reading.elements().values()).allSatisfy(value -> {
            assertThat(value).hasSizeLessThanOrEqualTo(AamvaParser.MAX_VALUE);
            assertThat(value).doesNotContain("\u0007");
        });
        assertThat(reading.elements()).containsEntry("Z00", "v0");
    }

    @Test
    void invisibleFormattingInABarcodeIsDropped() {
        String data = "@\n\u001e\rANSI 6360100101DL00260040DLDAQD12\u200B34567\nDCSD\u202EO\uFEFFE\u2066\nDBB01311980\r";
        BarcodeReading reading = AamvaParser.parse(data).orElseThrow();
        assertThat(reading.elements()).containsEntry("DAQ", "D1234567").containsEntry("DCS", "DOE");
    }

    @Test
    void anImpossibleDateIsLeftOut() {
        String data = "@\n\u001e\rANSI 6360150800" + "01" + "DL0031" + "0030" + "DLDAQ1\nDBB13451980\nDBA01312030\r";
        BarcodeReading reading = AamvaParser.parse(data).orElseThrow();
        assertThat(reading.elements()).doesNotContainKey("DBB").containsEntry("DBA", "2030-01-31");
    }
}
