package dev.attest.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.attest.cases.CountryCode;

/**
 * The matching table: which names hit which entries at the default threshold (0.88), and what the hit says. The
 * entries are made up in the lists' shapes; no real list is in the repository.
 */
class MatchingTableTests {

    static final double THRESHOLD = 0.88;

    static SanctionsEntry person(String id, String name, List<String> aliases, List<String> births, String... countries) {
        return new SanctionsEntry(SanctionsList.OFAC_SDN, id, EntryType.PERSON, name, aliases, births,
                Stream.of(countries).map(CountryCode::new).collect(java.util.stream.Collectors.toSet()),
                List.of("RUSSIA-EO14024"), "", "fp-" + id);
    }

    static SanctionsEntry organisation(String id, String name, List<String> aliases, String... countries) {
        return new SanctionsEntry(SanctionsList.EU, id, EntryType.ORGANISATION, name, aliases, List.of(),
                Stream.of(countries).map(CountryCode::new).collect(java.util.stream.Collectors.toSet()),
                List.of("UKR"), "", "fp-" + id);
    }

    static final List<SanctionsEntry> ENTRIES = List.of(
            person("1001", "IVANOV, Sergey Viktorovich", List.of("Sergei IVANOV", "Иванов Сергей Викторович"),
                    List.of("1960-01-01"), "RU"),
            person("1002", "PETROV, Sergei", List.of(), List.of("1971"), "RU"),
            person("1003", "Muhammad Ali HASSAN", List.of("محمد علي حسن", "Mohamed Ali Hasan"), List.of("1975-05-12"),
                    "SY"),
            person("1004", "al-ASSAD, Bashar", List.of("Bashar Hafez al-Assad"), List.of("1965-09-11"), "SY"),
            person("1005", "Ahmed Khalil", List.of(), List.of("1980", "1981"), "IQ"),
            person("1007", "Mahmoud Abbas KHALAF", List.of(), List.of(), "LB"),
            person("1006", "Olena KOVALENKO", List.of("Елена Коваленко"), List.of(), "UA"),
            organisation("2001", "Rosneft Trading S.A.", List.of("ООО Роснефть Трейдинг"), "CH"),
            organisation("2002", "Sovcomflot PJSC", List.of("ПАО Совкомфлот", "Sovcomflot Public Joint Stock Company"),
                    "RU"),
            organisation("2003", "Ivanov Holdings Ltd", List.of(), "CY"));

    static final ScreeningIndex INDEX = ScreeningIndex.of(1, ENTRIES);

    static Stream<Arguments> table() {
        return Stream.of(
                // name, date of birth, country, type, expected entry (null: no hit)
                Arguments.of("exact primary name", "Sergey Viktorovich Ivanov", null, null, SubjectType.PERSON, "1001"),
                Arguments.of("alias", "Sergei Ivanov", null, null, SubjectType.PERSON, "1001"),
                Arguments.of("reordered tokens", "Ivanov Sergei", null, null, SubjectType.PERSON, "1001"),
                Arguments.of("upper case and comma", "IVANOV, SERGEY", null, null, SubjectType.PERSON, "1001"),
                Arguments.of("Cyrillic subject", "Сергей Иванов", null, null, SubjectType.PERSON, "1001"),
                Arguments.of("Cyrillic subject, Ukrainian spelling", "Олена Коваленко", null, null, SubjectType.PERSON,
                        "1006"),
                Arguments.of("typo", "Sergey Ivanvo", null, null, SubjectType.PERSON, "1001"),
                Arguments.of("honorific", "Mr. Sergei Ivanov", null, null, SubjectType.PERSON, "1001"),
                Arguments.of("Arabic script subject", "محمد علي حسن", null, null, SubjectType.PERSON, "1003"),
                Arguments.of("Arabic script subject, entry only in Latin", "محمود عباس خلف", null, null,
                        SubjectType.PERSON, "1007"),
                Arguments.of("Arabic name, another Latin spelling", "Mohammed Ali Hassan", null, null,
                        SubjectType.PERSON, "1003"),
                Arguments.of("Arabic article and title", "Dr. Bashar Al Assad", null, null, SubjectType.PERSON, "1004"),
                Arguments.of("title Sheikh", "Sheikh Ahmed Khalil", null, null, SubjectType.PERSON, "1005"),
                Arguments.of("same date of birth", "Sergei Ivanov", "1960-01-01", "RU", SubjectType.PERSON, "1001"),
                Arguments.of("date of birth within a year", "Ahmed Khalil", "1982-03-01", null, SubjectType.PERSON,
                        "1005"),
                Arguments.of("type unknown: both", "Sergei Ivanov", null, null, SubjectType.UNKNOWN, "1001"),
                Arguments.of("legal form spelt out", "Rosneft Trading SA", null, null, SubjectType.ORGANISATION,
                        "2001"),
                Arguments.of("legal form another one", "Rosneft Trading Limited", null, null, SubjectType.ORGANISATION,
                        "2001"),
                Arguments.of("Cyrillic legal form", "ПАО «Совкомфлот»", null, null, SubjectType.ORGANISATION, "2002"),
                Arguments.of("legal form abbreviated with dots", "Sovcomflot P.J.S.C.", null, null,
                        SubjectType.ORGANISATION, "2002"),
                // must not hit
                Arguments.of("a common first name alone", "Sergei", null, null, SubjectType.PERSON, null),
                Arguments.of("another surname, same first name", "Sergei Smirnov", null, null, SubjectType.PERSON,
                        null),
                Arguments.of("another first name, same surname", "Anna Petrova", null, null, SubjectType.PERSON, null),
                Arguments.of("a different Arabic name sharing two", "محمد عباس يوسف", null, null, SubjectType.PERSON,
                        null),
                Arguments.of("Mohammed alone", "Mohammed", null, null, SubjectType.PERSON, null),
                Arguments.of("date of birth 12 years off", "Sergei Ivanov", "1972-01-01", null, SubjectType.PERSON,
                        null),
                Arguments.of("a person is not an organisation's entry", "Ivanov Holdings", null, null,
                        SubjectType.PERSON, null),
                Arguments.of("an organisation sharing a word", "Rosneft Oil Company", null, null,
                        SubjectType.ORGANISATION, null),
                Arguments.of("a different company, same legal form", "Sovereign Trading Ltd", null, null,
                        SubjectType.ORGANISATION, null));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("table")
    void theTable(String description, String name, String dob, String country, SubjectType type, String expected) {
        List<ScreeningHit> hits = INDEX.screen(ScreeningSubject.of(name, dob == null ? null : LocalDate.parse(dob),
                country == null ? null : CountryCode.of(country), type), THRESHOLD);
        hits.forEach(h -> System.out.println(description + " → " + h.entryId() + " " + h.score() + " " + h.reasons()));
        if (expected == null) {
            assertThat(hits).as(description).isEmpty();
        } else {
            assertThat(hits).as(description).isNotEmpty();
            assertThat(hits.get(0).entryId()).as(description).isEqualTo(expected);
            assertThat(hits.get(0).score()).isBetween(THRESHOLD, 1.0);
        }
    }

    @Test
    void everyHitSaysWhichNamesMatchedAndWhatChangedTheScore() {
        ScreeningHit hit = INDEX.screen(ScreeningSubject.of("Ivanov Sergei", LocalDate.of(1960, 1, 1),
                new CountryCode("RU"), SubjectType.PERSON), THRESHOLD).get(0);
        assertThat(hit.matchedName()).isEqualTo("Sergei IVANOV");
        assertThat(hit.subjectName()).isEqualTo("Ivanov Sergei");
        assertThat(hit.reasons().get(0)).isEqualTo("name 'Ivanov Sergei' ~ alias 'Sergei IVANOV' 1.00 (tokens reordered)");
        assertThat(hit.reasons()).contains("date of birth 1960-01-01 matches: +0.05", "country RU matches: +0.03");
        assertThat(hit.score()).isEqualTo(1.0);
        assertThat(hit.fingerprint()).isEqualTo("fp-1001");
    }

    @Test
    void aDateOfBirthYearsApartLowersTheScoreAndSaysBy() {
        ScreeningHit hit = INDEX.screen(ScreeningSubject.of("Sergei Ivanov", LocalDate.of(1972, 1, 1), null,
                SubjectType.PERSON), 0.5).stream().filter(h -> h.entryId().equals("1001")).findFirst().orElseThrow();
        assertThat(hit.reasons()).contains("date of birth 1972-01-01 differs from the entry's 1960-01-01 by 12 "
                + "years: −0.30");
        assertThat(hit.score()).isEqualTo(0.7);
    }

    @Test
    void anotherCountryLowersTheScoreALittle() {
        ScreeningHit hit = INDEX.screen(ScreeningSubject.of("Sergei Ivanov", null, new CountryCode("DE"),
                SubjectType.PERSON), 0.5).get(0);
        assertThat(hit.reasons()).contains("country DE is not the entry's (RU): −0.05");
        assertThat(hit.score()).isEqualTo(0.95);
    }

    @Test
    void transliteratedNamesSaySo() {
        ScreeningHit hit = INDEX.screen(ScreeningSubject.of("Сергей Иванов", null, null, SubjectType.PERSON),
                THRESHOLD).get(0);
        assertThat(hit.reasons().get(0)).startsWith("name 'Сергей Иванов' ~ ").contains("transliterated");
        ScreeningHit arabic = INDEX.screen(ScreeningSubject.of("محمد علي حسن", null, null, SubjectType.PERSON),
                THRESHOLD).get(0);
        assertThat(arabic.reasons().get(0)).contains("transliterated");
    }

    @Test
    void deltaScreeningComparesOnlyTheGivenEntries() {
        ScreeningIndex delta = ScreeningIndex.of(-1, ENTRIES.subList(1, 2));
        assertThat(delta.screen(ScreeningSubject.of("Sergei Ivanov", null, null, SubjectType.PERSON), THRESHOLD))
                .isEmpty();
        assertThat(delta.screen(ScreeningSubject.of("Sergei Petrov", null, null, SubjectType.PERSON), THRESHOLD))
                .extracting(ScreeningHit::entryId).containsExactly("1002");
    }

    @Test
    void subjectsWithSeveralNamesAreComparedByEach() {
        var subject = new ScreeningSubject(List.of("Anna Smith", "Olena Kovalenko"), null, Set.of(), SubjectType.PERSON);
        ScreeningHit hit = INDEX.screen(subject, THRESHOLD).get(0);
        assertThat(hit.entryId()).isEqualTo("1006");
        assertThat(hit.subjectName()).isEqualTo("Olena Kovalenko");
    }
}
