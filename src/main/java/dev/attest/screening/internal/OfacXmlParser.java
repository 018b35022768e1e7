package dev.attest.screening.internal;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.attest.screening.EntryType;
import dev.attest.screening.SanctionsList;

/**
 * OFAC's SDN list in XML ({@code sdn.xml}): {@code sdnList} with {@code publshInformation/Publish_Date}
 * ({@code MM/dd/yyyy}) and one {@code sdnEntry} per designation ({@code uid}, {@code firstName}, {@code lastName},
 * {@code sdnType}, {@code programList/program}, {@code akaList/aka}, {@code dateOfBirthList/dateOfBirthItem},
 * {@code nationalityList}, {@code citizenshipList}, {@code addressList}, {@code remarks}).
 */
final class OfacXmlParser {

    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.ROOT);

    private OfacXmlParser() {
    }

    static ParsedList parse(InputStream in, String fileName, int maxEntries) {
        EntryCollector entries = new EntryCollector("file", fileName, maxEntries);
        LocalDate[] published = new LocalDate[1];
        XmlEntries.read(in, "file", fileName, Set.of("sdnEntry", "publshInformation"), new XmlEntries.Handler() {
            @Override
            public void root(String name, Map<String, String> attributes) {
                if (!name.equals("sdnList")) {
                    throw ListRefusal.of("file", fileName + ": the document is " + name + ", not OFAC's sdnList");
                }
            }

            @Override
            public void node(XmlEntries.Node node) {
                if (node.name().equals("publshInformation")) {
                    published[0] = date(node.text("Publish_Date"));
                } else {
                    entries.add(entry(node), "sdnEntry", node.line());
                }
            }
        });
        return new ParsedList(published[0], entries.finish());
    }

    static LocalDate date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip(), PUBLISHED);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static EntryBuilder entry(XmlEntries.Node e) {
        EntryBuilder b = new EntryBuilder(SanctionsList.OFAC_SDN).id(e.text("uid")).type(type(e.text("sdnType")));
        b.name(fullName(e.text("firstName"), e.text("lastName")));
        for (XmlEntries.Node aka : e.descendants("aka")) {
            b.name(fullName(aka.text("firstName"), aka.text("lastName")));
        }
        for (XmlEntries.Node program : e.descendants("program")) {
            b.programme(program.text());
        }
        for (XmlEntries.Node dob : e.descendants("dateOfBirth")) {
            b.birthDates(BirthDates.read(dob.text()));
        }
        for (String list : new String[] {"nationality", "citizenship", "address"}) {
            for (XmlEntries.Node item : e.descendants(list)) {
                b.country(item.text("country"));
            }
        }
        b.remark(e.text("title"));
        b.remark(e.text("remarks"));
        return b;
    }

    static String fullName(String first, String last) {
        String f = first == null ? "" : first.strip();
        String l = last == null ? "" : last.strip();
        return (f + " " + l).strip();
    }

    static EntryType type(String sdnType) {
        if (sdnType == null) {
            return EntryType.ORGANISATION;
        }
        return switch (sdnType.strip().toLowerCase(Locale.ROOT)) {
            case "individual" -> EntryType.PERSON;
            case "vessel" -> EntryType.VESSEL;
            case "aircraft" -> EntryType.AIRCRAFT;
            case "entity", "", "-0-" -> EntryType.ORGANISATION;
            default -> EntryType.OTHER;
        };
    }
}
