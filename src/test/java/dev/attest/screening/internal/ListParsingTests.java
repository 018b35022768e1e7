package dev.attest.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.attest.cases.CountryCode;
import dev.attest.screening.EntryType;
import dev.attest.screening.ListFile;
import dev.attest.screening.ListFormat;
import dev.attest.screening.SampleLists;
import dev.attest.screening.SanctionsEntry;
import dev.attest.validation.InvalidInputException;

/**
 * Each published format read from a small file the test writes: entries with their names, aliases, dates of birth,
 * countries and programmes; a malformed, a truncated and an empty file refused whole naming the line or element;
 * XML with a DOCTYPE (external entities, entity expansion) refused; zips unpacked within the limits.
 */
class ListParsingTests {

    static final long MAX = 10 * 1024 * 1024;

    static ParsedList parse(ListFormat format, Map<String, byte[]> files) {
        return parse(format, files, MAX);
    }

    static ParsedList parse(ListFormat format, Map<String, byte[]> files, long max) {
        ListFile file = ListFile.of(SampleLists.fileName(format), files.get("file"));
        ListFile aliases = files.containsKey("aliases") ? ListFile.of("alt.csv", files.get("aliases")) : null;
        try (ListParsing.Prepared prepared = ListParsing.prepare(format, file, aliases, max)) {
            return ListParsing.parse(format, prepared, max, 1_000);
        }
    }

    static String refusal(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.errors().get(0).field() + ": " + e.errors().get(0).message();
        }
        throw new AssertionError("not refused");
    }

    static SanctionsEntry byName(ParsedList parsed, String name) {
        return parsed.entries().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + parsed.entries()));
    }

    @ParameterizedTest
    @EnumSource(ListFormat.class)
    void aValidFileGivesEveryEntryWithItsNamesDatesCountriesAndProgrammes(ListFormat format) {
        ParsedList parsed = parse(format, SampleLists.files(format, SampleLists.first()));

        assertThat(parsed.entries()).hasSize(3);
        SanctionsEntry ivanov = parsed.entries().stream().filter(e -> e.name().contains("IVANOV")).findFirst()
                .orElseThrow();
        assertThat(ivanov.name()).isEqualTo("Ivan IVANOV");
        assertThat(ivanov.type()).isEqualTo(EntryType.PERSON);
        assertThat(ivanov.aliases()).containsExactly("Vanya IVANOV");
        assertThat(ivanov.birthDates()).containsExactly("1960-01-01");
        assertThat(ivanov.countries()).containsExactly(new CountryCode("RU"));
        assertThat(ivanov.programmes()).isNotEmpty();
        assertThat(ivanov.entryId()).contains("1001");
        assertThat(ivanov.fingerprint()).hasSize(64);
        SanctionsEntry airline = parsed.entries().stream().filter(e -> e.name().contains("AEROCARIBBEAN")).findFirst()
                .orElseThrow();
        assertThat(airline.type()).isEqualTo(EntryType.ORGANISATION);
        assertThat(airline.aliases()).containsExactly("AERO-CARIBBEAN");
        if (format != ListFormat.OFAC_SDN_CSV) {
            // OFAC's CSV gives addresses in add.csv, which is not read
            assertThat(airline.countries()).containsExactly(new CountryCode("CU"));
        }
        assertThat(airline.birthDates()).isEmpty();
        if (format != ListFormat.OFAC_SDN_CSV) {
            assertThat(parsed.publishedOn()).isEqualTo(LocalDate.of(2024, 2, 1));
        }
    }

    @Test
    void theSameEntryGivesTheSameFingerprintAndAChangedOneAnother() {
        ParsedList first = parse(ListFormat.UN_XML, SampleLists.files(ListFormat.UN_XML, SampleLists.first()));
        ParsedList again = parse(ListFormat.UN_XML, SampleLists.files(ListFormat.UN_XML, SampleLists.second()));
        assertThat(byName(again, "Ivan IVANOV").fingerprint()).isEqualTo(byName(first, "Ivan IVANOV").fingerprint());
        assertThat(byName(again, "Saddam AL-TIKRITI").fingerprint())
                .isNotEqualTo(byName(first, "Saddam AL-TIKRITI").fingerprint());
    }

    @Test
    void ofacDatesOfBirthAndCountriesAreReadFromTheCsvRemarks() {
        String sdn = "36,\"BADR, Ahmad\",\"individual\",\"SDGT] [IRGC\",\"-0- \",\"-0- \",\"-0- \",\"-0- \",\"-0- \","
                + "\"-0- \",\"-0- \",\"DOB 1962 to 1964; alt. DOB 12 Mar 1965; POB Tehran, Iran; nationality Iran; "
                + "citizenship Iraq.\"\r\n";
        SanctionsEntry e = parse(ListFormat.OFAC_SDN_CSV, Map.of("file", SampleLists.bytes(sdn))).entries().get(0);
        assertThat(e.name()).isEqualTo("Ahmad BADR");
        assertThat(e.programmes()).containsExactly("SDGT", "IRGC");
        assertThat(e.birthDates()).containsExactly("1962", "1963", "1964", "1965-03-12");
        assertThat(e.countries()).containsExactlyInAnyOrder(new CountryCode("IR"), new CountryCode("IQ"));
    }

    /** The line of the last {@code what} before {@code near} in the file. */
    static int lineOf(Map<String, byte[]> files, String near, String what) {
        String text = new String(files.get("file"), java.nio.charset.StandardCharsets.UTF_8);
        int at = text.lastIndexOf(what, text.indexOf(near));
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    static Map<String, byte[]> malformed(ListFormat format) {
        return switch (format) {
            case OFAC_SDN_XML -> Map.of("file", SampleLists.bytes(SampleLists.ofacXml("02/01/2024",
                    SampleLists.first()).replaceFirst("<uid>1002</uid>", "")));
            case OFAC_SDN_CSV -> Map.of("file", SampleLists.bytes(SampleLists.ofacCsv(SampleLists.first())
                    .replaceFirst("1002,", "X1002,")));
            case UN_XML -> Map.of("file", SampleLists.bytes(SampleLists.unXml("2024-02-01", SampleLists.first())
                    .replaceFirst("</SECOND_NAME>", "</THIRD_NAME>")));
            case EU_XML -> Map.of("file", SampleLists.bytes(SampleLists.euXml("2024-02-01", SampleLists.first())
                    .replaceFirst(" logicalId=\"1003\"", "")));
            case UK_CSV -> Map.of("file", SampleLists.bytes(SampleLists.ukCsv("01-Feb-2024", SampleLists.first())
                    .replace("Unique ID,", "Identifier,")));
            case FTM_JSON -> Map.of("file", SampleLists.bytes(SampleLists.ftm(SampleLists.first())
                    .replaceFirst("\"schema\": \"Company\",", "\"schema\": \"Company\" \"oops\",")));
        };
    }

    @ParameterizedTest
    @EnumSource(ListFormat.class)
    void aMalformedFileIsRefusedWholeNamingTheLineOrElement(ListFormat format) {
        String message = refusal(() -> parse(format, malformed(format)));
        assertThat(message).startsWith("file: ");
        switch (format) {
            case OFAC_SDN_XML -> assertThat(message).isEqualTo("file: sdn.xml line " + lineOf(malformed(format),
                    "AL-TIKRITI", "<sdnEntry>") + ": sdnEntry without uid");
            case OFAC_SDN_CSV -> assertThat(message).contains("sdn.csv line 2: ent_num 'X1002' is not a number");
            case UN_XML -> assertThat(message).contains("consolidated.xml line").contains("not well-formed XML inside "
                    + "SECOND_NAME");
            case EU_XML -> assertThat(message).contains("line").contains("sanctionEntity without logicalId");
            case UK_CSV -> assertThat(message).contains("no header with a 'Unique ID'");
            case FTM_JSON -> assertThat(message).contains("entities.ftm.json line 5: not a JSON object");
        }
    }

    @ParameterizedTest
    @EnumSource(ListFormat.class)
    void aTruncatedFileIsRefusedWholeSayingSo(ListFormat format) {
        Map<String, byte[]> files = SampleLists.files(format, SampleLists.first());
        byte[] whole = files.get("file");
        // cut inside the second entry's data
        String text = new String(whole, java.nio.charset.StandardCharsets.UTF_8);
        int cut = text.indexOf("AL-TIKRITI") + 4;
        Map<String, byte[]> truncated = new LinkedHashMap<>(files);
        truncated.put("file", SampleLists.bytes(text.substring(0, cut)));

        String message = refusal(() -> parse(format, truncated));

        assertThat(message).contains("truncated");
        if (format == ListFormat.OFAC_SDN_XML) {
            assertThat(message).isEqualTo("file: truncated: sdn.xml ends inside lastName (line "
                    + lineOf(files, "AL-TIKRITI", "AL-TIKRITI") + ")");
        }
    }

    @Test
    void aTruncatedXmlFileEndingBetweenEntriesIsRefusedToo() {
        String xml = SampleLists.ofacXml("02/01/2024", SampleLists.first());
        String cut = xml.substring(0, xml.indexOf("</sdnEntry>") + "</sdnEntry>".length());
        assertThat(refusal(() -> parse(ListFormat.OFAC_SDN_XML, Map.of("file", SampleLists.bytes(cut)))))
                .startsWith("file: truncated: sdn.xml ends inside sdnList");
    }

    @ParameterizedTest
    @EnumSource(ListFormat.class)
    void anEmptyListIsRefused(ListFormat format) {
        Map<String, byte[]> files = SampleLists.files(format, List.of());
        if (format == ListFormat.OFAC_SDN_CSV) {
            files = Map.of("file", files.get("file"));
        }
        if (format == ListFormat.FTM_JSON) {
            files = Map.of("file", SampleLists.bytes("\n"));
        }
        Map<String, byte[]> empty = files;
        assertThat(refusal(() -> parse(format, empty))).contains("holds no entries");
    }

    @Test
    void anExternalEntityIsRefusedNotRead() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE sdnList [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<sdnList><sdnEntry><uid>1</uid><lastName>&xxe;</lastName><sdnType>Entity</sdnType></sdnEntry>"
                + "</sdnList>";
        for (ListFormat format : EnumSet.of(ListFormat.OFAC_SDN_XML, ListFormat.UN_XML, ListFormat.EU_XML)) {
            assertThat(refusal(() -> parse(format, Map.of("file", SampleLists.bytes(xxe)))))
                    .contains("line 2: DOCTYPE declarations are refused").doesNotContain("root:");
        }
    }

    @Test
    void entityExpansionIsRefused() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";")
                    .repeat(10)).append("\">\n");
        }
        laughs.append("]>\n<sdnList><sdnEntry><uid>1</uid><lastName>&lol9;</lastName></sdnEntry></sdnList>");
        assertThat(refusal(() -> parse(ListFormat.OFAC_SDN_XML, Map.of("file", SampleLists.bytes(laughs.toString())))))
                .contains("DOCTYPE declarations are refused");
        String undeclared = "<sdnList><sdnEntry><uid>1</uid><lastName>&lol;</lastName></sdnEntry></sdnList>";
        assertThat(refusal(() -> parse(ListFormat.OFAC_SDN_XML, Map.of("file", SampleLists.bytes(undeclared)))))
                .contains("sdn.xml line 1");
    }

    @Test
    void predefinedEntitiesAndCharacterReferencesAreRead() {
        String xml = SampleLists.ofacXml("02/01/2024", List.of(new SampleLists.Sample("7", "", "BARAKAAT BANKING & "
                + "REMITTANCES", false, "", "SO", "")));
        assertThat(xml).contains("&amp;");
        String withReference = xml.replace("BARAKAAT", "BARAKA&#65;T");
        assertThat(parse(ListFormat.OFAC_SDN_XML, Map.of("file", SampleLists.bytes(withReference))).entries().get(0)
                .name()).isEqualTo("BARAKAAT BANKING & REMITTANCES");
    }

    @Test
    void aFileOfAnotherFormatIsRefusedNamingWhatItIs() {
        byte[] un = SampleLists.files(ListFormat.UN_XML, SampleLists.first()).get("file");
        assertThat(refusal(() -> parse(ListFormat.OFAC_SDN_XML, Map.of("file", un))))
                .isEqualTo("file: sdn.xml: the document is CONSOLIDATED_LIST, not OFAC's sdnList");
    }

    @Test
    void aZipIsUnpackedAndGivesWhatItsFilesGive() {
        Map<String, byte[]> files = SampleLists.files(ListFormat.OFAC_SDN_CSV, SampleLists.first());
        byte[] zip = SampleLists.zip(Map.of("sdn.csv", files.get("file"), "alt.csv", files.get("aliases"),
                "add.csv", SampleLists.bytes("ignored")));
        ParsedList parsed = parse(ListFormat.OFAC_SDN_CSV, Map.of("file", zip));
        assertThat(byName(parsed, "Ivan IVANOV").aliases()).containsExactly("Vanya IVANOV");

        byte[] two = SampleLists.zip(Map.of("a.xml", SampleLists.bytes("<x/>"), "b.xml", SampleLists.bytes("<y/>")));
        assertThat(refusal(() -> parse(ListFormat.UN_XML, Map.of("file", two))))
                .contains("must hold exactly one .xml file");
    }

    @Test
    void filesAndZipsLargerThanTheLimitAreRefused() {
        Map<String, byte[]> files = SampleLists.files(ListFormat.UN_XML, SampleLists.first());
        assertThat(refusal(() -> parse(ListFormat.UN_XML, files, 100))).contains("larger than");
        byte[] bomb = SampleLists.zip(Map.of("list.xml", new byte[2_000_000]));
        assertThat(bomb.length).isLessThan(100_000);
        assertThat(refusal(() -> parse(ListFormat.UN_XML, Map.of("file", bomb), 1_000_000)))
                .contains("unpacks to more than");
    }

    @Test
    void aBombAmongTheFilesOfAZipThatAreNotReadCountsAgainstTheLimitToo() {
        byte[] list = SampleLists.files(ListFormat.UN_XML, SampleLists.first()).get("file");
        byte[] zip = SampleLists.zip(Map.of("list.xml", list, "readme.txt", new byte[3_000_000]));
        assertThat(zip.length).isLessThan(100_000);
        assertThat(refusal(() -> parse(ListFormat.UN_XML, Map.of("file", zip), 1_000_000)))
                .contains("unpacks to more than");
    }

    @Test
    void aCsvRecordOfManyLongFieldsIsRefused() {
        String field = "\"" + "a".repeat(190_000) + "\",";
        byte[] csv = SampleLists.bytes("1," + field.repeat(6) + "x\n");
        assertThat(refusal(() -> parse(ListFormat.OFAC_SDN_CSV, Map.of("file", csv))))
                .contains("line 1: a record longer than " + CsvRecords.MAX_RECORD + " characters");
    }

    @Test
    void anXmlEntryOfManyLongTextsIsRefused() {
        String remark = "<remarks>" + "a".repeat(90_000) + "</remarks>";
        String xml = "<sdnList><sdnEntry><uid>1</uid><lastName>X</lastName>" + remark.repeat(25)
                + "</sdnEntry></sdnList>";
        assertThat(refusal(() -> parse(ListFormat.OFAC_SDN_XML, Map.of("file", SampleLists.bytes(xml)))))
                .contains("sdnEntry holds more than " + XmlEntries.MAX_ENTRY_TEXT + " characters of text");
        String attribute = "<x a=\"" + "b".repeat(90_000) + "\"/>";
        String attributes = "<sdnList><sdnEntry><uid>1</uid><lastName>X</lastName>" + attribute.repeat(25)
                + "</sdnEntry></sdnList>";
        assertThat(refusal(() -> parse(ListFormat.OFAC_SDN_XML, Map.of("file", SampleLists.bytes(attributes)))))
                .contains("holds more than " + XmlEntries.MAX_ENTRY_TEXT + " characters of text");
    }

    @Test
    void deepNestingXIncludeGzipAndDeepJsonAreRefusedOrInert() {
        String deep = "<sdnList>" + "<a>".repeat(100) + "</a>".repeat(100) + "</sdnList>";
        assertThat(refusal(() -> parse(ListFormat.OFAC_SDN_XML, Map.of("file", SampleLists.bytes(deep)))))
                .contains("nested deeper than " + XmlEntries.MAX_DEPTH);
        String include = SampleLists.ofacXml("02/01/2024", List.of(new SampleLists.Sample("7", "", "INCLUDED "
                + "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" "
                + "parse=\"text\"/>", false, "", "SO", "")));
        String included = include.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
        ParsedList parsed = parse(ListFormat.OFAC_SDN_XML, Map.of("file", SampleLists.bytes(included)));
        assertThat(parsed.entries().get(0).name()).doesNotContain("root:");
        byte[] gzip = new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3};
        assertThat(refusal(() -> parse(ListFormat.UN_XML, Map.of("file", gzip)))).startsWith("file: ");
        String json = "[".repeat(5_000) + "]".repeat(5_000) + "\n";
        assertThat(refusal(() -> parse(ListFormat.FTM_JSON, Map.of("file", SampleLists.bytes(json)))))
                .contains("line 1: not a JSON object");
    }

    @Test
    void ukRowsOfOneDesignationAreOneEntryWithThePrimaryNameFirst() {
        String csv = "Report Date: 18-Aug-2026\r\nLast Updated,Unique ID,Name 6,Name 1,Name type,Regime Name,"
                + "Designation Type,D.O.B,Nationality(/ies)\r\n"
                + "01/01/2024,RUS0001,ALFA SHIPPING,,Alias,Russia,Entity,,\r\n"
                + "01/01/2024,RUS0001,ALFA SHIPPING LTD,,Primary Name,Russia,Entity,,\r\n"
                + "01/01/2024,RUS0002,PETROV,Ivan,Primary Name,Russia,Individual,00/05/1970,(1) Russia (2) Ukraine\r\n";
        ParsedList parsed = parse(ListFormat.UK_CSV, Map.of("file", SampleLists.bytes(csv)));
        assertThat(parsed.publishedOn()).isEqualTo(LocalDate.of(2026, 8, 18));
        assertThat(parsed.entries()).hasSize(2);
        assertThat(parsed.entries().get(0).name()).isEqualTo("ALFA SHIPPING LTD");
        assertThat(parsed.entries().get(0).aliases()).containsExactly("ALFA SHIPPING");
        assertThat(parsed.entries().get(1).birthDates()).containsExactly("1970-05");
        assertThat(parsed.entries().get(1).countries()).containsExactlyInAnyOrder(new CountryCode("RU"),
                new CountryCode("UA"));
    }
}
