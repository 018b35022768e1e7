package dev.attest.screening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small list files the tests write in each published format (no real list in the repository), from the same
 * samples, and a generator of many samples for the benchmark.
 */
public final class SampleLists {

    /**
     * One designation.
     *
     * @param id the list's id (numeric, so that OFAC's formats take it)
     * @param first given name (blank for an organisation)
     * @param last family or organisation name
     * @param person whether a person
     * @param dob ISO date of birth or blank
     * @param country ISO code of nationality (person) or address (organisation), or blank
     * @param alias one alias or blank
     */
    public record Sample(String id, String first, String last, boolean person, String dob, String country,
            String alias) {

        public String name() {
            return (first.isBlank() ? last : first + " " + last);
        }

        public Sample withAlias(String newAlias) {
            return new Sample(id, first, last, person, dob, country, newAlias);
        }
    }

    public static final Sample IVANOV = new Sample("1001", "Ivan", "IVANOV", true, "1960-01-01", "RU", "Vanya IVANOV");
    public static final Sample AL_TIKRITI = new Sample("1002", "Saddam", "AL-TIKRITI", true, "1937-04-28", "IQ", "");
    public static final Sample AEROCARIBBEAN = new Sample("1003", "", "AEROCARIBBEAN AIRLINES", false, "", "CU",
            "AERO-CARIBBEAN");
    public static final Sample PETROVA = new Sample("1004", "Olga", "PETROVA", true, "1975-06-30", "BY", "");

    /** Three designations: a person with an alias, a person without, an organisation. */
    public static List<Sample> first() {
        return List.of(IVANOV, AL_TIKRITI, AEROCARIBBEAN);
    }

    /** The next version: Ivanov unchanged, al-Tikriti with a new alias (changed), Aerocaribbean gone, Petrova new. */
    public static List<Sample> second() {
        return List.of(IVANOV, AL_TIKRITI.withAlias("Abu Uday"), PETROVA);
    }

    /** {@code n} generated designations (two in three persons), for the benchmark. */
    public static List<Sample> many(int n) {
        String[] given = {"Ivan", "Olga", "Ahmad", "Maria", "Chen", "Fatima", "Juan", "Aisha", "Dmitri", "Leila"};
        String[] family = {"PETROV", "HASSAN", "GARCIA", "WANG", "KOVALENKO", "NASSER", "SILVA", "KIM", "OKAFOR",
            "RAHMAN"};
        String[] countries = {"RU", "IR", "SY", "KP", "BY", "VE", "CU", "IQ", "LY", "MM"};
        List<Sample> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = String.valueOf(10_000 + i);
            if (i % 3 == 2) {
                samples.add(new Sample(id, "", family[i % 10] + " TRADING " + i + " LLC", false, "",
                        countries[(i / 10) % 10], family[(i + 3) % 10] + " TRADING " + i));
            } else {
                samples.add(new Sample(id, given[i % 10], family[(i / 10) % 10] + i, true,
                        String.format("%04d-%02d-%02d", 1940 + i % 60, 1 + i % 12, 1 + i % 28), countries[i % 10],
                        given[(i + 1) % 10] + " " + family[(i / 10) % 10] + i));
            }
        }
        return samples;
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private static String ofacDate(String iso) {
        String[] p = iso.split("-");
        return p[2] + " " + MONTHS[Integer.parseInt(p[1]) - 1] + " " + p[0];
    }

    /** OFAC's {@code sdn.xml}. */
    public static String ofacXml(String publishDate, List<Sample> samples) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" standalone=\"yes\"?>\n<sdnList "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns=\"http://tempuri.org/sdnList.xsd\">\n"
                + "  <publshInformation>\n    <Publish_Date>" + publishDate + "</Publish_Date>\n    <Record_Count>"
                + samples.size() + "</Record_Count>\n  </publshInformation>\n");
        int akaUid = 1;
        for (Sample s : samples) {
            out.append("  <sdnEntry>\n    <uid>").append(s.id()).append("</uid>\n");
            if (!s.first().isBlank()) {
                out.append("    <firstName>").append(xml(s.first())).append("</firstName>\n");
            }
            out.append("    <lastName>").append(xml(s.last())).append("</lastName>\n    <sdnType>")
                    .append(s.person() ? "Individual" : "Entity").append("</sdnType>\n")
                    .append("    <programList>\n      <program>SDGT</program>\n    </programList>\n");
            if (!s.alias().isBlank()) {
                out.append("    <akaList>\n      <aka>\n        <uid>").append(akaUid++).append("</uid>\n")
                        .append("        <type>a.k.a.</type>\n        <category>strong</category>\n")
                        .append("        <lastName>").append(xml(s.alias())).append("</lastName>\n      </aka>\n")
                        .append("    </akaList>\n");
            }
            if (!s.dob().isBlank()) {
                out.append("    <dateOfBirthList>\n      <dateOfBirthItem>\n        <uid>").append(akaUid++)
                        .append("</uid>\n        <dateOfBirth>").append(ofacDate(s.dob()))
                        .append("</dateOfBirth>\n        <mainEntry>true</mainEntry>\n      </dateOfBirthItem>\n")
                        .append("    </dateOfBirthList>\n");
            }
            if (!s.country().isBlank()) {
                String list = s.person() ? "nationality" : "address";
                out.append("    <").append(list).append("List>\n      <").append(list).append(">\n        <uid>")
                        .append(akaUid++).append("</uid>\n        <country>").append(countryName(s.country()))
                        .append("</country>\n      </").append(list).append(">\n    </").append(list)
                        .append("List>\n");
            }
            out.append("  </sdnEntry>\n");
        }
        return out.append("</sdnList>\n").toString();
    }

    /** OFAC's {@code sdn.csv} (no header, {@code -0-} for empty fields, the end-of-file line). */
    public static String ofacCsv(List<Sample> samples) {
        StringBuilder out = new StringBuilder();
        String empty = csv("-0- ");
        for (Sample s : samples) {
            String name = s.person() ? s.last() + ", " + s.first() : s.last();
            List<String> remarks = new ArrayList<>();
            if (!s.dob().isBlank()) {
                remarks.add("DOB " + ofacDate(s.dob()));
            }
            if (!s.country().isBlank() && s.person()) {
                remarks.add("nationality " + countryName(s.country()));
            }
            out.append(s.id()).append(',').append(csv(name)).append(',')
                    .append(s.person() ? csv("individual") : empty).append(',').append(csv("SDGT")).append(',')
                    .append(String.join(",", java.util.Collections.nCopies(7, empty))).append(',')
                    .append(remarks.isEmpty() ? empty : csv(String.join("; ", remarks) + ".")).append("\r\n");
        }
        return out.append("\u001a\r\n").toString();
    }

    /** OFAC's {@code alt.csv}. */
    public static String ofacAltCsv(List<Sample> samples) {
        StringBuilder out = new StringBuilder();
        int altNum = 1;
        for (Sample s : samples) {
            if (!s.alias().isBlank()) {
                out.append(s.id()).append(',').append(altNum++).append(',').append(csv("aka")).append(',')
                        .append(csv(s.alias())).append(',').append(csv("-0- ")).append("\r\n");
            }
        }
        return out.append("\u001a\r\n").toString();
    }

    /** The UN Security Council consolidated list. */
    public static String unXml(String dateGenerated, List<Sample> samples) {
        StringBuilder people = new StringBuilder();
        StringBuilder entities = new StringBuilder();
        for (Sample s : samples) {
            if (s.person()) {
                people.append("    <INDIVIDUAL>\n      <DATAID>").append(s.id()).append("</DATAID>\n")
                        .append("      <VERSIONNUM>1</VERSIONNUM>\n      <FIRST_NAME>").append(xml(s.first()))
                        .append("</FIRST_NAME>\n      <SECOND_NAME>").append(xml(s.last())).append("</SECOND_NAME>\n")
                        .append("      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>\n      <REFERENCE_NUMBER>QDi.")
                        .append(s.id()).append("</REFERENCE_NUMBER>\n      <LISTED_ON>2001-01-25</LISTED_ON>\n")
                        .append("      <COMMENTS1>Listed for testing.</COMMENTS1>\n");
                if (!s.country().isBlank()) {
                    people.append("      <NATIONALITY>\n        <VALUE>").append(countryName(s.country()))
                            .append("</VALUE>\n      </NATIONALITY>\n");
                }
                if (!s.alias().isBlank()) {
                    people.append("      <INDIVIDUAL_ALIAS>\n        <QUALITY>Good</QUALITY>\n        <ALIAS_NAME>")
                            .append(xml(s.alias())).append("</ALIAS_NAME>\n      </INDIVIDUAL_ALIAS>\n");
                }
                if (!s.dob().isBlank()) {
                    people.append("      <INDIVIDUAL_DATE_OF_BIRTH>\n        <TYPE_OF_DATE>EXACT</TYPE_OF_DATE>\n")
                            .append("        <DATE>").append(s.dob()).append("</DATE>\n")
                            .append("      </INDIVIDUAL_DATE_OF_BIRTH>\n");
                }
                people.append("    </INDIVIDUAL>\n");
            } else {
                entities.append("    <ENTITY>\n      <DATAID>").append(s.id()).append("</DATAID>\n      <FIRST_NAME>")
                        .append(xml(s.last())).append("</FIRST_NAME>\n      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>\n")
                        .append("      <REFERENCE_NUMBER>QDe.").append(s.id()).append("</REFERENCE_NUMBER>\n");
                if (!s.alias().isBlank()) {
                    entities.append("      <ENTITY_ALIAS>\n        <QUALITY>Good</QUALITY>\n        <ALIAS_NAME>")
                            .append(xml(s.alias())).append("</ALIAS_NAME>\n      </ENTITY_ALIAS>\n");
                }
                if (!s.country().isBlank()) {
                    entities.append("      <ENTITY_ADDRESS>\n        <COUNTRY>").append(countryName(s.country()))
                            .append("</COUNTRY>\n      </ENTITY_ADDRESS>\n");
                }
                entities.append("    </ENTITY>\n");
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST xmlns:xsi=\"http://www.w3.org/2001/"
                + "XMLSchema-instance\" dateGenerated=\"" + dateGenerated + "\">\n  <INDIVIDUALS>\n" + people
                + "  </INDIVIDUALS>\n  <ENTITIES>\n" + entities + "  </ENTITIES>\n</CONSOLIDATED_LIST>\n";
    }

    /** The EU's financial sanctions file. */
    public static String euXml(String generationDate, List<Sample> samples) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<export "
                + "xmlns=\"http://eu.europa.ec/fpi/fsd/export\" generationDate=\"" + generationDate
                + "\" globalFileId=\"1\">\n");
        for (Sample s : samples) {
            out.append("  <sanctionEntity designationDetails=\"\" unitedNationId=\"\" euReferenceNumber=\"EU.")
                    .append(s.id()).append(".1\" logicalId=\"").append(s.id()).append("\">\n")
                    .append("    <regulation regulationType=\"regulation\" programme=\"TAQA\" logicalId=\"9\"/>\n")
                    .append("    <subjectType code=\"").append(s.person() ? "person" : "enterprise")
                    .append("\" classificationCode=\"").append(s.person() ? "P" : "E").append("\"/>\n")
                    .append("    <nameAlias firstName=\"").append(xml(s.first())).append("\" middleName=\"\" lastName=\"")
                    .append(xml(s.last())).append("\" wholeName=\"").append(xml(s.name()))
                    .append("\" strong=\"true\" logicalId=\"1\"/>\n");
            if (!s.alias().isBlank()) {
                out.append("    <nameAlias wholeName=\"").append(xml(s.alias())).append("\" strong=\"true\"/>\n");
            }
            if (!s.dob().isBlank()) {
                out.append("    <birthdate circa=\"false\" birthdate=\"").append(s.dob()).append("\" year=\"")
                        .append(s.dob(), 0, 4).append("\" countryIso2Code=\"00\"/>\n");
            }
            if (!s.country().isBlank()) {
                out.append("    <").append(s.person() ? "citizenship" : "address").append(" countryIso2Code=\"")
                        .append(s.country()).append("\"/>\n");
            }
            out.append("  </sanctionEntity>\n");
        }
        return out.append("</export>\n").toString();
    }

    /** The FCDO's UK Sanctions List CSV: the report date line, the header, one row per name. */
    public static String ukCsv(String reportDate, List<Sample> samples) {
        StringBuilder out = new StringBuilder("Report Date: " + reportDate + "\r\n");
        out.append("Last Updated,Unique ID,OFSI Group ID,UN Reference Number,Name 6,Name 1,Name 2,Name 3,Name 4,"
                + "Name 5,Name type,Alias strength,Title,Name non-latin script,Non-latin script type,"
                + "Non-latin script language,Regime Name,Designation Type,Designation source,Sanctions Imposed,"
                + "Other Information,UK Statement of Reasons,Address Country,Date Designated,D.O.B,"
                + "Nationality(/ies)\r\n");
        for (Sample s : samples) {
            String uid = "RUS" + s.id();
            String dob = s.dob().isBlank() ? "" : s.dob().substring(8) + "/" + s.dob().substring(5, 7) + "/"
                    + s.dob().substring(0, 4);
            out.append(row(uid, s.last(), s.first(), "Primary Name", s, dob));
            if (!s.alias().isBlank()) {
                out.append(row(uid, s.alias(), "", "Alias", s, dob));
            }
        }
        return out.toString();
    }

    private static String row(String uid, String name6, String name1, String type, Sample s, String dob) {
        return String.join(",", "01/02/2024", uid, "G" + s.id(), "", csv(name6), csv(name1), "", "", "", "", type,
                "", "", "", "", "", "Russia", s.person() ? "Individual" : "Entity", "UK", "Asset freeze", "", "",
                s.person() ? "" : countryName(s.country()), "01/03/2022", dob, s.person() ? countryName(s.country())
                : "") + "\r\n";
    }

    /** OpenSanctions' FollowTheMoney JSON lines, with an address entity (not an entry) between. */
    public static String ftm(List<Sample> samples) {
        StringBuilder out = new StringBuilder();
        for (Sample s : samples) {
            out.append("{\"id\": \"NK-").append(s.id()).append("\", \"schema\": \"").append(s.person() ? "Person"
                    : "Company").append("\", \"caption\": \"").append(s.name()).append("\", \"properties\": {")
                    .append("\"name\": [\"").append(s.name()).append("\"]");
            if (!s.alias().isBlank()) {
                out.append(", \"alias\": [\"").append(s.alias()).append("\"]");
            }
            if (!s.dob().isBlank()) {
                out.append(", \"birthDate\": [\"").append(s.dob()).append("\"]");
            }
            if (!s.country().isBlank()) {
                out.append(", \"").append(s.person() ? "nationality" : "country").append("\": [\"")
                        .append(s.country().toLowerCase()).append("\"]");
            }
            out.append(", \"topics\": [\"sanction\"]}, \"datasets\": [\"us_ofac_sdn\"], \"target\": true, ")
                    .append("\"last_change\": \"2024-02-01T10:00:00\"}\n");
            out.append("{\"id\": \"addr-").append(s.id()).append("\", \"schema\": \"Address\", \"properties\": ")
                    .append("{\"full\": [\"Somewhere\"]}, \"target\": false}\n");
        }
        return out.toString();
    }

    /** The file(s) of a format for these samples, ready to load. */
    public static Map<String, byte[]> files(ListFormat format, List<Sample> samples) {
        return switch (format) {
            case OFAC_SDN_XML -> Map.of("file", bytes(ofacXml("02/01/2024", samples)));
            case OFAC_SDN_CSV -> Map.of("file", bytes(ofacCsv(samples)), "aliases", bytes(ofacAltCsv(samples)));
            case UN_XML -> Map.of("file", bytes(unXml("2024-02-01T10:00:04.123Z", samples)));
            case EU_XML -> Map.of("file", bytes(euXml("2024-02-01T17:22:18.321+01:00", samples)));
            case UK_CSV -> Map.of("file", bytes(ukCsv("01-Feb-2024", samples)));
            case FTM_JSON -> Map.of("file", bytes(ftm(samples)));
        };
    }

    /** The file name a format's file has when published. */
    public static String fileName(ListFormat format) {
        return switch (format) {
            case OFAC_SDN_XML -> "sdn.xml";
            case OFAC_SDN_CSV -> "sdn.csv";
            case UN_XML -> "consolidated.xml";
            case EU_XML -> "20240201-FULL-1_1.xml";
            case UK_CSV -> "UK-Sanctions-List.csv";
            case FTM_JSON -> "entities.ftm.json";
        };
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A zip of named files. */
    public static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String countryName(String code) {
        return new java.util.Locale("", code).getDisplayCountry(java.util.Locale.ENGLISH);
    }

    private SampleLists() {
    }
}
