package dev.attest.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.attest.cases.CountryCode;
import dev.attest.cases.PostalAddress;
import dev.attest.documents.AddressComparison.Written;

/** The address match of RULES.md: normalisation, components, verdicts and their explanation. */
class AddressComparisonTests {

    static final PostalAddress AUSTIN = new PostalAddress("1200 Barton Springs Road", "Suite 400", "Austin", "TX",
            "78704", new CountryCode("US"));
    static final PostalAddress SEATTLE = new PostalAddress("500 North Pine Street", "Apt 12B", "Seattle", "WA",
            "98101-1710", new CountryCode("US"));
    static final PostalAddress BERLIN = new PostalAddress("Friedrichstraße 123", null, "Berlin", null, "10117",
            new CountryCode("DE"));
    static final PostalAddress LONDON = new PostalAddress("10 Upper Bank Street", null, "London", null, "E14 5JJ",
            new CountryCode("GB"));

    static PostalAddress onFile(String name) {
        return switch (name) {
            case "AUSTIN" -> AUSTIN;
            case "SEATTLE" -> SEATTLE;
            case "BERLIN" -> BERLIN;
            default -> LONDON;
        };
    }

    @ParameterizedTest(name = "{0}: {1} | {2} | {3} | {4} | {5} | {6} → {7}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // USPS suffixes and units, the same address written differently
            "AUSTIN | 1200 BARTON SPRINGS RD STE 400 | - | austin | Texas | 78704 | USA | PASS",
            "AUSTIN | 1200 Barton Springs Rd. | Ste. 400 | Austin | TX | 78704-1234 | United States | PASS",
            // the unit on the other line
            "AUSTIN | 1200 Barton Springs Road, #400 | - | Austin | TX | 78704 | US | PASS",
            // directionals and units: North → N, Apartment → APT; ZIP+4 on five digits
            "SEATTLE | 500 N. Pine St | Apartment 12B | Seattle | Washington | 98101 | US | PASS",
            // a different house number, unit or ZIP fails
            "AUSTIN | 1202 Barton Springs Road | Suite 400 | Austin | TX | 78704 | US | FAIL",
            "AUSTIN | 1200 Barton Springs Road | Suite 410 | Austin | TX | 78704 | US | FAIL",
            "AUSTIN | 1200 Barton Springs Road | Suite 400 | Austin | TX | 78745 | US | FAIL",
            "SEATTLE | 500 South Pine Street | Apt 12B | Seattle | WA | 98101 | US | FAIL",
            // a missing unit needs a reviewer
            "AUSTIN | 1200 Barton Springs Road | - | Austin | TX | 78704 | US | NEEDS_REVIEW",
            // no house number found
            "AUSTIN | Barton Springs Road | Suite 400 | Austin | TX | 78704 | US | NEEDS_REVIEW",
            // German street forms: Straße, Str., diacritics and ß; country by name
            "BERLIN | Friedrichstr. 123 | - | Berlin | - | 10117 | Deutschland | PASS",
            "BERLIN | FRIEDRICHSTRASSE 123 | - | BERLIN | - | 10117 | DE | PASS",
            "BERLIN | Friedrichstraße 125 | - | Berlin | - | 10117 | Germany | FAIL",
            // UK postcodes with or without the space, country by name
            "LONDON | 10 Upper Bank St | - | London | - | E145JJ | United Kingdom | PASS",
            "LONDON | 10 Upper Bank Street | - | London | - | E14 5JX | UK | FAIL",
            // another city fails
            "LONDON | 10 Upper Bank Street | - | Manchester | - | E14 5JJ | GB | FAIL",
    })
    void comparesComponentByComponent(String file, String line1, String line2, String city, String region,
            String postalCode, String country, CheckOutcome expected) {
        var result = AddressComparison.compare(new Written(line1, line2, city, region, postalCode, country), onFile(file));
        assertThat(result.outcome()).as(result.explain()).isEqualTo(expected);
    }

    @Test
    void explainsWhichComponentsMatchedAndWhichDidNot() {
        var result = AddressComparison.compare(
                new Written("1202 Barton Springs Rd", null, "Austin", "TX", "78704", "US"), AUSTIN);
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.explain())
                .contains("Matched: street, city, region, postal code, country")
                .contains("Differs: house number (file: 1200, document: 1202)")
                .contains("Missing: unit (not on document)");
        assertThat(result.components()).extracting(AddressComparison.Component::name)
                .containsExactly("house number", "street", "unit", "city", "region", "postal code", "country");
    }
}
