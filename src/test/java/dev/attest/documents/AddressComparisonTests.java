package dev.attest.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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

    /** The same address written in the ways issue 17 widened the match to, on file and on the document. */
    @ParameterizedTest(name = "{0} | {1} | {2} | {3} | {4} ↔ {5} | {6} | {7} | {8} | {9} | {10} → {11}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // ordinal street names in words or digits
            "1450 Fifth Avenue | - | New York | NY | 10035 | 1450 5th Ave | - | New York | NY | 10035 | US | PASS",
            "200 West Twenty-First Street | - | New York | NY | 10011 | 200 W 21st St | - | New York | NY | 10011 | US | PASS",
            "1450 Fifth Avenue | - | New York | NY | 10035 | 1450 6th Ave | - | New York | NY | 10035 | US | FAIL",
            "12 Third Street | - | Columbus | OH | 43215 | 12 3rd St. | - | Columbus | OH | 43215 | US | PASS",
            // Saint and St. in place names and street names; St. at the end stays Street
            "10 Main Street | - | Saint Louis | MO | 63101 | 10 Main St. | - | St. Louis | MO | 63101 | US | PASS",
            "4 Saint Marys Road | - | Saint Paul | MN | 55101 | 4 St. Mary's Rd | - | St Paul | MN | 55101 | US | PASS",
            "10 Main Street | - | Saint Louis | MO | 63101 | 10 Main St | - | Saint Charles | MO | 63101 | US | FAIL",
            // PO boxes however written
            "P.O. Box 12 | - | Austin | TX | 78711 | PO Box 12 | - | Austin | TX | 78711 | US | PASS",
            "Post Office Box 12 | - | Austin | TX | 78711 | P O BOX 12 | - | Austin | TX | 78711 | US | PASS",
            "PO Box 12 | - | Austin | TX | 78711 | PO Box 13 | - | Austin | TX | 78711 | US | FAIL",
            "PO Box 12 | - | Austin | TX | 78711 | 12 Box Road | - | Austin | TX | 78711 | US | FAIL",
            // Canada: postal codes with or without the space and in any case; provinces by name or code
            "88 Queen Street West | - | Toronto | ON | M5H 2N2 | 88 Queen St W | - | Toronto | Ontario | m5h2n2 | Canada | PASS",
            "1 Rue Sainte-Catherine | - | Montréal | QC | H2X 1K4 | 1 rue Ste-Catherine | - | Montreal | Québec | H2X1K4 | CA | PASS",
            "88 Queen Street West | - | Toronto | ON | M5H 2N2 | 88 Queen St W | - | Toronto | ON | M5H 2N3 | CA | FAIL",
            // France: rue, avenue/av., boulevard/bd, 12 bis
            "12 bis rue de la République | - | Lyon | - | 69002 | 12B rue de la Republique | - | Lyon | - | 69002 | FR | PASS",
            "12 bis rue de la République | - | Lyon | - | 69002 | 12bis, Rue de la République | - | LYON | - | 69002 | France | PASS",
            "12 bis rue de la République | - | Lyon | - | 69002 | 12 rue de la République | - | Lyon | - | 69002 | FR | FAIL",
            "5 avenue Victor Hugo | - | Paris | - | 75116 | 5 av. Victor-Hugo | - | Paris | - | 75116 | FR | PASS",
            "27 boulevard Saint-Germain | - | Paris | - | 75005 | 27 bd St-Germain | - | Paris | - | 75005 | FR | PASS",
            // Spain: calle/c/, avenida/avda., nº, plaza/pza., the floor written 3º B
            "Calle Mayor 15 | - | Madrid | - | 28013 | C/ Mayor, nº 15 | - | Madrid | - | 28013 | ES | PASS",
            "Calle Mayor 15 | 3º B | Madrid | - | 28013 | C/ Mayor 15, 3º B | - | Madrid | - | 28013 | España | PASS",
            "Avenida de la Constitución 3 | - | Sevilla | - | 41001 | Avda. de la Constitucion 3 | - | Sevilla | - | 41001 | ES | PASS",
            "Plaza Mayor 1 | - | Salamanca | - | 37002 | Pza. Mayor, 1 | - | Salamanca | - | 37002 | ES | PASS",
            "Calle Mayor 15 | - | Madrid | - | 28013 | Calle Mayor 51 | - | Madrid | - | 28013 | ES | FAIL",
            // Italy: via, viale/v.le, piazza/p.zza, corso/c.so
            "Via del Corso 12 | - | Roma | RM | 00186 | Via del Corso, 12 | - | ROMA | RM | 00186 | Italia | PASS",
            "Piazza Navona 5 | - | Roma | RM | 00186 | P.zza Navona 5 | - | Roma | RM | 00186 | IT | PASS",
            "Corso Vittorio Emanuele II 21 | - | Milano | MI | 20122 | C.so Vittorio Emanuele II, 21 | - | Milano | MI | 20122 | IT | PASS",
            "Viale Monza 30 | - | Milano | MI | 20127 | V.le Monza 30 | - | Milano | MI | 20127 | IT | PASS",
            "Viale Monza 30 | - | Milano | MI | 20127 | Via Monza 30 | - | Milano | MI | 20127 | IT | FAIL",
            // the Netherlands: straat/str., laan, plein, the number after the street and its letter, 1234 AB
            "Kalverstraat 92 | - | Amsterdam | - | 1012 PH | Kalverstr. 92 | - | Amsterdam | - | 1012PH | Nederland | PASS",
            "Keizersgracht 123A | - | Amsterdam | - | 1015 CJ | Keizersgracht 123 A | - | Amsterdam | - | 1015 cj | NL | PASS",
            "Keizersgracht 123A | - | Amsterdam | - | 1015 CJ | Keizersgracht 123-A | - | Amsterdam | - | 1015 CJ | NL | PASS",
            "Keizersgracht 123A | - | Amsterdam | - | 1015 CJ | Keizersgracht 123B | - | Amsterdam | - | 1015 CJ | NL | FAIL",
            "Beethovenlaan 8 | - | Utrecht | - | 3521 AB | BEETHOVENLAAN 8 | - | UTRECHT | - | 3521 AB | NL | PASS",
            "Beethovenlaan 8 | - | Utrecht | - | 3521 AB | Beethovenstraat 8 | - | Utrecht | - | 3521 AB | NL | FAIL",
            "Museumplein 6 | - | Amsterdam | - | 1071 DJ | Museumplein 6 | - | Amsterdam | - | 1071DJ | NL | PASS",
            "Museumplein 6 | - | Amsterdam | - | 1071 DJ | Museumplein 6 | - | Amsterdam | - | 1071 DK | NL | FAIL",
    })
    void readsTheWidenedFormsAsTheSameAddress(String line1, String line2, String city, String region, String postal,
            String docLine1, String docLine2, String docCity, String docRegion, String docPostal, String docCountry,
            CheckOutcome expected) {
        CountryCode country = CountryCode.of(docCountry.equals("España") || docCountry.equals("Italia")
                || docCountry.equals("Nederland") ? Map.of("España", "ES", "Italia", "IT", "Nederland", "NL")
                        .get(docCountry) : docCountry);
        PostalAddress onFile = new PostalAddress(line1, line2, city, region, postal, country);
        var result = AddressComparison.compare(new Written(docLine1, docLine2, docCity, docRegion, docPostal,
                docCountry), onFile);
        assertThat(result.outcome()).as(result.explain()).isEqualTo(expected);
    }
}
