package dev.attest.screening.internal;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import dev.attest.screening.EntryType;
import dev.attest.screening.SanctionsList;

/**
 * The EU's financial sanctions file ({@code export generationDate=...}): one {@code sanctionEntity} per
 * designation ({@code logicalId}, {@code euReferenceNumber}, {@code subjectType code="person"|"enterprise"},
 * {@code nameAlias wholeName|firstName middleName lastName}, {@code birthdate birthdate|year},
 * {@code citizenship countryIso2Code}, {@code address countryIso2Code}, {@code regulation programme},
 * {@code remark}).
 */
final class EuXmlParser {

    private EuXmlParser() {
    }

    static ParsedList parse(InputStream in, String fileName, int maxEntries) {
        EntryCollector entries = new EntryCollector("file", fileName, maxEntries);
        LocalDate[] published = new LocalDate[1];
        XmlEntries.read(in, "file", fileName, Set.of("sanctionEntity"), new XmlEntries.Handler() {
            @Override
            public void root(String name, Map<String, String> attributes) {
                if (!name.equals("export")) {
                    throw ListRefusal.of("file", fileName + ": the document is " + name
                            + ", not the EU's export of financial sanctions");
                }
                published[0] = UnXmlParser.isoDate(attributes.get("generationDate"));
            }

            @Override
            public void node(XmlEntries.Node node) {
                entries.add(entry(node), node.name(), node.line());
            }
        });
        return new ParsedList(published[0], entries.finish());
    }

    private static EntryBuilder entry(XmlEntries.Node e) {
        EntryBuilder b = new EntryBuilder(SanctionsList.EU).id(e.attribute("logicalId"));
        XmlEntries.Node subject = e.child("subjectType");
        String code = subject == null ? null : subject.attribute("code");
        b.type(code == null ? EntryType.OTHER : switch (code) {
            case "person" -> EntryType.PERSON;
            case "enterprise" -> EntryType.ORGANISATION;
            default -> EntryType.OTHER;
        });
        for (XmlEntries.Node alias : e.all("nameAlias")) {
            String whole = alias.attribute("wholeName");
            if (whole == null || whole.isBlank()) {
                whole = String.join(" ", nonBlank(alias.attribute("firstName")), nonBlank(alias.attribute("middleName")),
                        nonBlank(alias.attribute("lastName"))).strip();
            }
            b.name(whole);
        }
        for (XmlEntries.Node birth : e.all("birthdate")) {
            String date = birth.attribute("birthdate");
            if (date != null && !date.isBlank()) {
                b.birthDates(BirthDates.read(date));
            } else if (birth.attribute("year") != null) {
                b.birthDates(BirthDates.date(birth.attribute("year"), birth.attribute("monthOfYear"),
                        birth.attribute("dayOfMonth")));
            }
        }
        for (XmlEntries.Node place : e.all("citizenship")) {
            b.country(place.attribute("countryIso2Code"));
        }
        for (XmlEntries.Node place : e.all("address")) {
            b.country(place.attribute("countryIso2Code"));
        }
        for (XmlEntries.Node regulation : e.all("regulation")) {
            b.programme(regulation.attribute("programme"));
        }
        String reference = e.attribute("euReferenceNumber");
        if (reference != null && !reference.isBlank()) {
            b.remark("EU reference " + reference.strip());
        }
        for (XmlEntries.Node remark : e.all("remark")) {
            b.remark(remark.text());
        }
        return b;
    }

    private static String nonBlank(String s) {
        return s == null ? "" : s.strip();
    }
}
