package dev.attest.documents.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.attest.documents.DocumentKind;
import dev.attest.documents.InspectedFile;
import dev.attest.documents.reading.BillCorpus.Bill;

/** The reader on text PDFs: every field of every bill of the corpus, with its source and where it was found. */
class DocumentReadersTests {

    final DocumentReaders reader = DocumentReaders.with(ReadingSettings.defaults(), null, null);

    @AfterEach
    void stop() {
        reader.destroy();
    }

    static InspectedFile pdfFile(byte[] bytes) {
        return new InspectedFile("application/pdf", "bill.pdf", bytes.length, 0, 0, List.of(), List.of());
    }

    static Stream<Bill> bills() {
        return BillCorpus.bills().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bills")
    void findsEveryFieldOfATextPdfBill(Bill bill) {
        byte[] pdf = BillCorpus.pdf(bill);
        DocumentReading reading = reader.read(pdfFile(pdf), pdf, DocumentKind.PROOF_OF_ADDRESS);

        assertThat(reading.status()).as(reading.problem()).isEqualTo(DocumentReading.Status.DONE);
        assertThat(reading.fullName()).as("name in\n" + reading.text()).isNotNull();
        assertThat(reading.fullName().value()).isEqualTo(bill.fullName());
        assertThat(reading.fullName().source()).isEqualTo(ReadSource.PDF_TEXT);
        assertThat(reading.address()).as("address in\n" + reading.text()).isNotNull();
        assertThat(reading.address().value()).isEqualTo(bill.address());
        assertThat(reading.documentDate()).as("date in\n" + reading.text()).isNotNull();
        assertThat(reading.documentDate().value()).isEqualTo(bill.documentDate());
        assertThat(reading.issuer()).as("issuer").isNotNull();
        assertThat(reading.issuer().value()).isEqualTo(bill.issuer());
        assertThat(reading.issuingCountry()).as("country").isNotNull();
        assertThat(reading.issuingCountry().value()).isEqualTo(bill.issuingCountry());
        assertThat(reading.fullName().confidence()).isBetween(0.5, 0.95);
        assertThat(reading.found()).extracting(DocumentReading.Span::field).contains(DocumentReading.Field.FULL_NAME,
                DocumentReading.Field.ADDRESS, DocumentReading.Field.DOCUMENT_DATE, DocumentReading.Field.ISSUER);
        for (DocumentReading.Span span : reading.found()) {
            assertThat(span.start()).isGreaterThanOrEqualTo(0);
            assertThat(span.end()).isLessThanOrEqualTo(reading.text().length()).isGreaterThan(span.start());
        }
        DocumentReading.Span name = reading.found().stream()
                .filter(s -> s.field() == DocumentReading.Field.FULL_NAME).findFirst().orElseThrow();
        assertThat(reading.text().substring(name.start(), name.end())).isEqualTo(bill.fullName());
    }

    @Test
    void aDatesSpanCoversTheDate() {
        Bill bill = BillCorpus.bills().get(3);
        byte[] pdf = BillCorpus.pdf(bill);
        DocumentReading reading = reader.read(pdfFile(pdf), pdf, DocumentKind.PROOF_OF_ADDRESS);
        DocumentReading.Span date = reading.found().stream()
                .filter(s -> s.field() == DocumentReading.Field.DOCUMENT_DATE).findFirst().orElseThrow();
        assertThat(reading.text().substring(date.start(), date.end())).isEqualTo("01.12.2026");
        assertThat(reading.documentDate().value()).isEqualTo(LocalDate.of(2026, 12, 1));
    }
}
