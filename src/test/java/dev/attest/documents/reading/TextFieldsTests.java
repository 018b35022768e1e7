package dev.attest.documents.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.attest.cases.CountryCode;

/** The field finders on text as it comes: date formats and labels in six languages, names, issuers, addresses. */
class TextFieldsTests {

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Statement date: 12/01/2026 | US | 2026-12-01",
            "Statement date: 12/01/2026 | GB | 2026-01-12",
            "Date of issue 2026-12-01 | - | 2026-12-01",
            "Rechnungsdatum: 01.12.2026 | DE | 2026-12-01",
            "Invoice date: 1 December 2026 | GB | 2026-12-01",
            "Bill date: December 1, 2026 | US | 2026-12-01",
            "Bill date: Dec 1st, 2026 | US | 2026-12-01",
            "Datum: 1. Dezember 2026 | DE | 2026-12-01",
            "Date de facture : 1er décembre 2026 | FR | 2026-12-01",
            "Fecha de emisión: 1 de diciembre de 2026 | ES | 2026-12-01",
            "Factuurdatum: 1 december 2026 | NL | 2026-12-01",
            "Data di emissione: 1 dicembre 2026 | IT | 2026-12-01",
            "Statement date: 31/11/2026 | GB | -",
    })
    void readsTheDocumentsDateInEachFormat(String line, String country, LocalDate expected) {
        TextFields.Found<LocalDate> found = TextFields.firstDate(line, 0, country);
        if (expected == null) {
            assertThat(found).isNull();
        } else {
            assertThat(found.value()).isEqualTo(expected);
            assertThat(line.substring(found.start(), found.end())).doesNotContain(":");
        }
    }

    @Test
    void aDueDateIsNotTheDocumentsDate() {
        TextFields.Fields fields = TextFields.find("""
                Springfield Water Company
                Due date: 12/21/2026
                Bill date: 12/15/2026
                """);
        assertThat(fields.documentDate().value()).isEqualTo(LocalDate.of(2026, 12, 15));
    }

    @Test
    void aLabelledHolderAndAnIssuedByLineWin() {
        TextFields.Fields fields = TextFields.find("""
                STATEMENT
                Issued by: Northbridge Bank plc
                Account holder: Mrs Eleanor Whitfield
                Statement date: 1 December 2026
                """);
        assertThat(fields.fullName().value()).isEqualTo("Eleanor Whitfield");
        assertThat(fields.fullName().confidence()).isEqualTo(1.0);
        assertThat(fields.issuer().value()).isEqualTo("Northbridge Bank plc");
        assertThat(fields.address()).isNull();
    }

    @Test
    void theHoldersAddressIsNotTheIssuersAndTheIssuersCountryIsTheIssuingCountry() {
        TextFields.Fields fields = TextFields.find("""
                Rheinische Energie AG
                Parkgürtel 24
                50823 Köln
                Deutschland

                Frau
                Anna Schmidt
                Rue de la Loi 16
                1000 Bruxelles
                Belgium
                Rechnungsdatum: 01.12.2026
                """);
        assertThat(fields.issuer().value()).isEqualTo("Rheinische Energie AG");
        assertThat(fields.issuingCountry().value()).isEqualTo(new CountryCode("DE"));
        assertThat(fields.fullName()).as("a four-digit Belgian postcode is no format read here").isNull();
    }

    @Test
    void aUsAddressBlockWithAUnitLine() {
        TextFields.Fields fields = TextFields.find("""
                Lone Star Power & Light Co.
                JOHN Q SMITH
                1200 BARTON SPRINGS RD
                APT 4B
                AUSTIN TX 78704-1234
                """);
        assertThat(fields.fullName().value()).isEqualTo("JOHN Q SMITH");
        assertThat(fields.address().value().line1()).isEqualTo("1200 BARTON SPRINGS RD");
        assertThat(fields.address().value().line2()).isEqualTo("APT 4B");
        assertThat(fields.address().value().postalCode()).isEqualTo("78704-1234");
        assertThat(fields.address().value().region()).isEqualTo("TX");
    }

    @Test
    void ocrsMisreadGermanSharpSIsAStrasse() {
        assertThat(TextFields.streetWords("Friedrichstrale 123")).isEqualTo("Friedrichstraße 123");
        assertThat(TextFields.streetWords("HafenstraBe 1")).isEqualTo("Hafenstraße 1");
        assertThat(TextFields.streetWords("Strale 1")).isEqualTo("Strale 1");
    }
}
