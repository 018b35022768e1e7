package dev.attest.documents.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The zone parser against ICAO's own specimens (Doc 9303, 8th edition: part 4 for TD3, part 5 for TD1, part 6 for
 * TD2) and against every single-character change of valid zones.
 */
class MrzParserTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    // Doc 9303 part 4, appendix B: the specimen passport of Utopia
    static final List<String> ICAO_TD3 = List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

    // Doc 9303 part 5, appendix B: the specimen TD1 card
    static final List<String> ICAO_TD1 = List.of("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
            "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");

    // Doc 9303 part 6, appendix B: the specimen TD2 card
    static final List<String> ICAO_TD2 = List.of("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
            "D231458907UTO7408122F1204159<<<<<<<6");

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    @Test
    void readsIcaosSpecimenPassport() {
        MrzReading mrz = MrzParser.parse(ICAO_TD3, TODAY).orElseThrow();
        assertThat(mrz.format()).isEqualTo(MrzFormat.TD3);
        assertThat(mrz.valid()).isTrue();
        assertThat(mrz.documentCode()).isEqualTo("P");
        assertThat(mrz.issuingState()).isEqualTo("UTO");
        assertThat(mrz.surname()).isEqualTo("ERIKSSON");
        assertThat(mrz.givenNames()).isEqualTo("ANNA MARIA");
        assertThat(mrz.documentNumber()).isEqualTo("L898902C3");
        assertThat(mrz.nationality()).isEqualTo("UTO");
        assertThat(mrz.dateOfBirth()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(mrz.sex()).isEqualTo("F");
        assertThat(mrz.expiresOn()).isEqualTo(LocalDate.of(2012, 4, 15));
        assertThat(mrz.lines()).isEqualTo(ICAO_TD3);
    }

    @Test
    void aPassportsPersonalNumberHasItsOwnCheckDigit() {
        // the specimen's personal number ZE184226B has the check digit 1
        assertThat(MrzParser.parse(ICAO_TD3, TODAY).orElseThrow().checkDigits().personalNumber()).isTrue();
        List<String> wrong = List.of(ICAO_TD3.get(0), "L898902C36UTO7408122F1204159ZE184226B<<<<<20");
        assertThat(MrzParser.parse(wrong, TODAY).orElseThrow().checkDigits().personalNumber()).isFalse();

        // no personal number: a filler check digit, over fillers only
        String empty = "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<";
        String lower = empty + SpecimenDocuments.check(empty.substring(0, 10) + empty.substring(13, 20)
                + empty.substring(21, 43));
        MrzReading none = MrzParser.parse(List.of(ICAO_TD3.get(0), lower), TODAY).orElseThrow();
        assertThat(none.valid()).isTrue();
        assertThat(none.checkDigits().personalNumber()).isTrue();
        // a filler of it read as a character worth 0 (an O printed there, read as 0): every other check digit still
        // agrees, the personal number's does not
        String zero = lower.substring(0, 33) + "0" + lower.substring(34);
        MrzReading read = MrzParser.parse(List.of(ICAO_TD3.get(0), zero), TODAY).orElseThrow();
        assertThat(read.checkDigits().composite()).isTrue();
        assertThat(read.checkDigits().personalNumber()).isFalse();
        assertThat(read.valid()).isFalse();

        // cards have none
        assertThat(MrzParser.parse(ICAO_TD1, TODAY).orElseThrow().checkDigits().personalNumber()).isNull();
        assertThat(MrzParser.parse(ICAO_TD2, TODAY).orElseThrow().checkDigits().personalNumber()).isNull();
    }

    @Test
    void checkDigitsStoredBeforeThePersonalNumberWasCheckedStayAsTheyWere() throws Exception {
        // readings are stored as JSON (DocumentReadings): one stored without the personal number is not made invalid
        JsonMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        MrzReading.CheckDigits old = json.readValue("{\"documentNumber\":true,\"dateOfBirth\":true,"
                + "\"expiresOn\":true,\"composite\":true}", MrzReading.CheckDigits.class);
        assertThat(old.personalNumber()).isNull();
        assertThat(old.all()).isTrue();
        MrzReading.CheckDigits now = new MrzReading.CheckDigits(true, true, true, true, false);
        assertThat(json.readValue(json.writeValueAsString(now), MrzReading.CheckDigits.class)).isEqualTo(now);
    }

    @Test
    void readsIcaosSpecimenCards() {
        MrzReading td1 = MrzParser.parse(ICAO_TD1, TODAY).orElseThrow();
        assertThat(td1.format()).isEqualTo(MrzFormat.TD1);
        assertThat(td1.valid()).isTrue();
        assertThat(td1.documentNumber()).isEqualTo("D23145890");
        assertThat(td1.surname()).isEqualTo("ERIKSSON");
        assertThat(td1.givenNames()).isEqualTo("ANNA MARIA");
        assertThat(td1.dateOfBirth()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(td1.expiresOn()).isEqualTo(LocalDate.of(2012, 4, 15));
        assertThat(td1.nationality()).isEqualTo("UTO");
        assertThat(td1.documentCode()).isEqualTo("I");

        MrzReading td2 = MrzParser.parse(ICAO_TD2, TODAY).orElseThrow();
        assertThat(td2.format()).isEqualTo(MrzFormat.TD2);
        assertThat(td2.valid()).isTrue();
        assertThat(td2.documentNumber()).isEqualTo("D23145890");
        assertThat(td2.surname()).isEqualTo("ERIKSSON");
        assertThat(td2.givenNames()).isEqualTo("ANNA MARIA");
        assertThat(td2.sex()).isEqualTo("F");
    }

    @Test
    void aLongDocumentNumberContinuesInTheOptionalData() {
        // Doc 9303 part 5, 4.2.4: nine characters, a filler for the check digit, the rest and its check digit
        String number = "D23145890734";
        String first = SpecimenDocuments.pad("I<UTO" + number.substring(0, 9) + "<" + number.substring(9)
                + SpecimenDocuments.check(number), 30);
        String second = "7408122F1204159UTO<<<<<<<<<<<";
        String composite = first.substring(5, 30) + second.substring(0, 7) + second.substring(8, 15)
                + second.substring(18, 29);
        MrzReading mrz = MrzParser.parse(List.of(first, second + SpecimenDocuments.check(composite),
                "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"), TODAY).orElseThrow();
        assertThat(mrz.valid()).isTrue();
        assertThat(mrz.documentNumber()).isEqualTo(number);
    }

    @Test
    void aDateOfBirthIsNeverInTheFuture() {
        SpecimenDocuments.Holder young = new SpecimenDocuments.Holder("DOE", "JANE", "X12345678", "UTO", "UTO",
                LocalDate.of(2019, 5, 1), "F", LocalDate.of(2029, 5, 1));
        SpecimenDocuments.Holder old = new SpecimenDocuments.Holder("DOE", "JOHN", "X12345678", "UTO", "UTO",
                LocalDate.of(1930, 5, 1), "M", LocalDate.of(2029, 5, 1));
        assertThat(MrzParser.parse(SpecimenDocuments.td3(young), TODAY).orElseThrow().dateOfBirth())
                .isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(MrzParser.parse(SpecimenDocuments.td3(old), TODAY).orElseThrow().dateOfBirth())
                .isEqualTo(LocalDate.of(1930, 5, 1));
    }

    @Test
    void toleratesWhatOcrGetsWrongWhereTheCheckDigitsStillDecide() {
        // O for 0 and I for 1 in digit positions, spaces, lower case, a filler lost from the end of a line
        List<String> sloppy = List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<",
                "L898902C36UTO74O8I22F12O4I59ZE184226B<<<<< 10".toLowerCase());
        MrzReading mrz = MrzParser.parse(sloppy, TODAY).orElseThrow();
        assertThat(mrz.valid()).isTrue();
        assertThat(mrz.dateOfBirth()).isEqualTo(LocalDate.of(1974, 8, 12));
        // a filler lost inside the lower line's run of fillers
        MrzReading shortLine = MrzParser.parse(List.of(ICAO_TD3.get(0),
                "L898902C36UTO7408122F1204159ZE184226B<<<<10"), TODAY).orElseThrow();
        assertThat(shortLine.valid()).isTrue();
        assertThat(shortLine.lines().get(1)).isEqualTo(ICAO_TD3.get(1));
        // fillers read as L after the names
        assertThat(MrzParser.parse(List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<LLLLLLL", ICAO_TD3.get(1)), TODAY)
                .orElseThrow().givenNames()).isEqualTo("ANNA MARIA");
        // OCR-B's fillers read as K, L and C between fillers after the names; names that end in those letters kept
        assertThat(MrzParser.parse(List.of("P<SWENGUYEN<<LOUIS<<KLK<LKLLLLLLLLLLLLLLLLLLLK", ICAO_TD3.get(1)), TODAY)
                .orElseThrow().givenNames()).isEqualTo("LOUIS");
        MrzReading nicoll = MrzParser.parse(List.of("P<GBRNICOLL<<JACK<KLKLLLLLLLLLLLLLLLLLLLKLCKK", ICAO_TD3.get(1)),
                TODAY).orElseThrow();
        assertThat(nicoll.surname()).isEqualTo("NICOLL");
        assertThat(nicoll.givenNames()).isEqualTo("JACK");
        assertThat(MrzParser.parse(List.of("P<GBRNICOLL<<CARL<<<<<<<<<<<<<<<<<<<<<<<<<<<<", ICAO_TD3.get(1)), TODAY)
                .orElseThrow().givenNames()).isEqualTo("CARL");
        // a middle initial K, and a given name of K, L and C alone, are names, not fillers read as letters
        assertThat(MrzParser.parse(List.of("P<USASMITH<<JOHN<K<<<<<<<<<<<<<<<<<<<<<<<<<<<", ICAO_TD3.get(1)), TODAY)
                .orElseThrow().givenNames()).isEqualTo("JOHN K");
        assertThat(MrzParser.parse(List.of("P<SGPNG<<KC<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", ICAO_TD3.get(1)), TODAY)
                .orElseThrow().givenNames()).isEqualTo("KC");
    }

    @Test
    void whatIsNoZoneIsNotRead() {
        assertThat(MrzParser.parse(List.of(), TODAY)).isEmpty();
        assertThat(MrzParser.parse(List.of("HELLO WORLD", "THIS IS TEXT"), TODAY)).isEmpty();
        assertThat(MrzParser.parse(List.of(ICAO_TD3.get(0), ICAO_TD3.get(1) + "!"), TODAY)).isEmpty();
        assertThat(MrzParser.parse(List.of("<".repeat(500), "<".repeat(500)), TODAY)).isEmpty();
        assertThat(MrzParser.parse(java.util.Arrays.asList(null, "x"), TODAY)).isEmpty();
    }

    /** What each position of a layout's lines is: not covered by a check digit, digits only, or letters too. */
    enum Coverage {
        UNCOVERED, DIGITS, ALPHANUMERIC
    }

    static Coverage coverage(MrzFormat format, int line, int position) {
        switch (format) {
            case TD3, TD2 -> {
                int length = format == MrzFormat.TD3 ? 44 : 36;
                if (line == 0 || (position >= 10 && position <= 12) || position == 20) {
                    return Coverage.UNCOVERED;
                }
                if (position == 9 || (position >= 13 && position <= 19) || (position >= 21 && position <= 27)
                        || position == length - 1) {
                    return Coverage.DIGITS;
                }
                return Coverage.ALPHANUMERIC;
            }
            default -> {
                if (line == 2 || (line == 0 && position < 5) || (line == 1 && (position == 7
                        || (position >= 15 && position <= 17)))) {
                    return Coverage.UNCOVERED;
                }
                if ((line == 0 && position == 14) || (line == 1 && (position <= 6 || (position >= 8 && position <= 14)
                        || position == 29))) {
                    return Coverage.DIGITS;
                }
                return Coverage.ALPHANUMERIC;
            }
        }
    }

    /**
     * Every position, every other character of the alphabet: a change the check digits cover is always caught, or
     * reads as the same zone (a look-alike such as {@code O} for {@code 0} in a date). ICAO's scheme has two blind
     * spots, counted here and not hidden: fields no check digit covers (names, nationality, sex, the issuing state,
     * the document code), and in fields of letters and digits a character of the same value modulo 10 ({@code 0},
     * {@code A}, {@code K}, {@code U} and {@code <} all count 0 times the weight).
     */
    @Test
    void everySingleCharacterChangeTheCheckDigitsCoverIsCaught() {
        List<List<String>> samples = new ArrayList<>(List.of(ICAO_TD3, ICAO_TD1, ICAO_TD2));
        Random random = new Random(17);
        for (int i = 0; i < 4; i++) {
            SpecimenDocuments.Holder holder = SpecimenDocuments.holder(random);
            samples.add(SpecimenDocuments.td3(holder));
            samples.add(SpecimenDocuments.td1(holder));
        }
        int changes = 0;
        int caught = 0;
        int sameReading = 0;
        int uncovered = 0;
        int sameValue = 0;
        List<String> missed = new ArrayList<>();
        for (List<String> sample : samples) {
            MrzReading original = MrzParser.parse(sample, TODAY).orElseThrow();
            assertThat(original.valid()).as("sample %s", sample).isTrue();
            for (int line = 0; line < sample.size(); line++) {
                for (int position = 0; position < sample.get(line).length(); position++) {
                    char was = sample.get(line).charAt(position);
                    for (char by : ALPHABET.toCharArray()) {
                        if (by == was) {
                            continue;
                        }
                        changes++;
                        Optional<MrzReading> read = MrzParser.parse(SpecimenDocuments.altered(sample, line, position,
                                by), TODAY);
                        Coverage coverage = coverage(original.format(), line, position);
                        if (read.isEmpty() || !read.get().valid()) {
                            caught++;
                        } else if (sameFacts(original, read.get())) {
                            sameReading++;
                        } else if (coverage == Coverage.UNCOVERED) {
                            uncovered++;
                        } else if (coverage == Coverage.ALPHANUMERIC
                                && MrzParser.value(by) % 10 == MrzParser.value(was) % 10) {
                            sameValue++;
                        } else {
                            missed.add(original.format() + " line " + (line + 1) + " position " + (position + 1)
                                    + ": " + was + " -> " + by);
                        }
                    }
                }
            }
        }
        System.out.printf("MRZ single-character changes: %d; caught %d, read as the same zone %d, in fields no check "
                + "digit covers %d, same value modulo 10 in a letters-and-digits field %d%n", changes, caught,
                sameReading, uncovered, sameValue);
        assertThat(missed).isEmpty();
        assertThat(caught + sameReading + uncovered + sameValue).isEqualTo(changes);
        assertThat(caught).isPositive();
    }

    /**
     * The same changes as the page reader decides on them: a change the check digits cover is reported as a zone read
     * ({@link MachineReadableZones#read}) and invalid, never as no zone. The samples' numbers hold the digit
     * {@code 0}, which OCR reads as {@code O} at times, and the letter {@code O}.
     */
    @Test
    void theReaderReportsEveryCoveredChangeAsAZoneReadAndInvalid() {
        List<List<String>> samples = new ArrayList<>(List.of(ICAO_TD3, ICAO_TD1, ICAO_TD2));
        Random random = new Random(2026);
        for (int i = 0; i < 12; i++) {
            SpecimenDocuments.Holder h = SpecimenDocuments.holder(random);
            // every other holder's number with a 0 in it, where OCR's O would be
            String number = i % 2 == 0 ? h.documentNumber() : h.documentNumber().substring(0, 1 + i % 8) + "0"
                    + h.documentNumber().substring(2 + i % 8);
            SpecimenDocuments.Holder holder = new SpecimenDocuments.Holder(h.surname(), h.givenNames(), number,
                    h.state(), h.nationality(), h.dateOfBirth(), h.sex(), h.expiresOn());
            samples.add(SpecimenDocuments.td3(holder));
            samples.add(SpecimenDocuments.td1(holder));
        }
        SpecimenDocuments.Holder withO = new SpecimenDocuments.Holder("ERIKSSON", "ANNA", "X4O7NB20K", "UTO", "UTO",
                LocalDate.of(1974, 8, 12), "F", LocalDate.of(2031, 4, 15));
        samples.add(SpecimenDocuments.td3(withO));
        int changes = 0;
        int caught = 0;
        int sameReading = 0;
        int uncovered = 0;
        int sameValue = 0;
        List<String> missed = new ArrayList<>();
        List<String> notRead = new ArrayList<>();
        for (List<String> sample : samples) {
            MrzReading original = MrzParser.parse(sample, TODAY).orElseThrow();
            assertThat(original.valid()).as("sample %s", sample).isTrue();
            for (int line = 0; line < sample.size(); line++) {
                for (int position = 0; position < sample.get(line).length(); position++) {
                    char was = sample.get(line).charAt(position);
                    for (char by : ALPHABET.toCharArray()) {
                        if (by == was) {
                            continue;
                        }
                        changes++;
                        List<String> altered = SpecimenDocuments.altered(sample, line, position, by);
                        Optional<MrzReading> read = MrzParser.parse(altered, TODAY);
                        Coverage coverage = coverage(original.format(), line, position);
                        String change = original.format() + " " + altered + " line " + (line + 1) + " position "
                                + (position + 1) + ": " + was + " -> " + by;
                        if (read.isPresent() && !read.get().valid()) {
                            caught++;
                            if (!MachineReadableZones.read(read.get(), TODAY)) {
                                notRead.add(change);
                            }
                        } else if (read.isPresent() && sameFacts(original, read.get())) {
                            sameReading++;
                        } else if (coverage == Coverage.UNCOVERED) {
                            uncovered++;
                        } else if (coverage == Coverage.ALPHANUMERIC
                                && MrzParser.value(by) % 10 == MrzParser.value(was) % 10) {
                            sameValue++;
                        } else {
                            missed.add(change);
                        }
                    }
                }
            }
        }
        System.out.printf("MRZ single-character changes as the reader decides on them: %d; caught and read as "
                + "invalid %d, read as the same zone %d, in fields no check digit covers %d, same value modulo 10 in a "
                + "letters-and-digits field %d%n", changes, caught, sameReading, uncovered, sameValue);
        assertThat(missed).isEmpty();
        assertThat(notRead).isEmpty();
        assertThat(caught + sameReading + uncovered + sameValue).isEqualTo(changes);
        assertThat(caught).isPositive();
    }

    @Test
    void aLetterOInTheNumberIsNeverReadAsZeroToMakeAZoneValid() {
        // K and 0 both count 0 times the weight: a K changed into an O and that O read as 0 would pass
        SpecimenDocuments.Holder holder = new SpecimenDocuments.Holder("KOWALSKI", "HIROSHI", "KX20SX5KG", "ITA",
                "ITA", LocalDate.of(1952, 1, 19), "M", LocalDate.of(2031, 6, 19));
        List<String> altered = SpecimenDocuments.altered(SpecimenDocuments.td3(holder), 1, 0, 'O');
        MrzReading read = MrzParser.parse(altered, TODAY).orElseThrow();
        assertThat(read.valid()).isFalse();
        assertThat(read.documentNumber()).isEqualTo("OX20SX5KG");
        assertThat(MachineReadableZones.read(read, TODAY)).isTrue();

        // a 0 of the number that OCR took for an O: the zone is read, invalid, with the characters read
        List<String> misread = SpecimenDocuments.altered(SpecimenDocuments.td3(holder), 1, 3, 'O');
        MrzReading zone = MrzParser.parse(misread, TODAY).orElseThrow();
        assertThat(zone.valid()).isFalse();
        assertThat(zone.checkDigits().dateOfBirth()).isTrue();
        assertThat(MachineReadableZones.read(zone, TODAY)).isTrue();

        // and with a date changed as well, the number's look-alike still counts towards a zone read
        List<String> both = SpecimenDocuments.altered(misread, 1, 14, '7');
        MrzReading changed = MrzParser.parse(both, TODAY).orElseThrow();
        assertThat(changed.valid()).isFalse();
        assertThat(changed.checkDigits().dateOfBirth()).isFalse();
        assertThat(changed.checkDigits().documentNumber()).isFalse();
        assertThat(MachineReadableZones.read(changed, TODAY)).isTrue();

        // a zone only one of whose check digits agrees, with no look-alike to count, is no zone read
        List<String> garbled = SpecimenDocuments.altered(SpecimenDocuments.altered(both, 1, 5, 'Z'), 1, 3, '7');
        MrzReading unread = MrzParser.parse(garbled, TODAY).orElseThrow();
        assertThat(MachineReadableZones.read(unread, TODAY)).isFalse();
    }

    private static boolean sameFacts(MrzReading a, MrzReading b) {
        return a.format() == b.format() && a.documentCode().equals(b.documentCode())
                && a.issuingState().equals(b.issuingState()) && a.surname().equals(b.surname())
                && a.givenNames().equals(b.givenNames()) && a.documentNumber().equals(b.documentNumber())
                && a.nationality().equals(b.nationality()) && Objects.equals(a.dateOfBirth(), b.dateOfBirth())
                && Objects.equals(a.sex(), b.sex()) && Objects.equals(a.expiresOn(), b.expiresOn());
    }

    @Test
    void theCheckDigitIsIcaosSevenThreeOne() {
        // Doc 9303 part 3, 4.9.1: the worked example
        assertThat(MrzParser.checkDigit("520727")).isEqualTo(3);
        assertThat(MrzParser.checkDigit("L898902C3")).isEqualTo(6);
        assertThat(MrzParser.value('<')).isZero();
        assertThat(MrzParser.value('0')).isZero();
        assertThat(MrzParser.value('A')).isEqualTo(10);
        assertThat(MrzParser.value('Z')).isEqualTo(35);
    }
}
