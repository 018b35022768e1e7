package dev.attest.screening.internal;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import dev.attest.screening.EntryType;
import dev.attest.screening.SanctionsList;

/**
 * The UN Security Council consolidated list ({@code CONSOLIDATED_LIST dateGenerated=...}): {@code INDIVIDUALS/
 * INDIVIDUAL} ({@code DATAID}, {@code FIRST_NAME} to {@code FOURTH_NAME}, {@code NAME_ORIGINAL_SCRIPT},
 * {@code UN_LIST_TYPE}, {@code REFERENCE_NUMBER}, {@code NATIONALITY/VALUE}, {@code INDIVIDUAL_ALIAS/ALIAS_NAME},
 * {@code INDIVIDUAL_DATE_OF_BIRTH} with {@code DATE}, {@code YEAR} or {@code FROM_YEAR}/{@code TO_YEAR},
 * {@code INDIVIDUAL_ADDRESS/COUNTRY}, {@code COMMENTS1}) and {@code ENTITIES/ENTITY} (the same with
 * {@code ENTITY_ALIAS} and {@code ENTITY_ADDRESS}). An entry's id is its {@code DATAID}; the reference number
 * ({@code QDi.001}) leads its remarks.
 */
final class UnXmlParser {

    private UnXmlParser() {
    }

    static ParsedList parse(InputStream in, String fileName, int maxEntries) {
        EntryCollector entries = new EntryCollector("file", fileName, maxEntries);
        LocalDate[] published = new LocalDate[1];
        XmlEntries.read(in, "file", fileName, Set.of("INDIVIDUAL", "ENTITY"), new XmlEntries.Handler() {
            @Override
            public void root(String name, Map<String, String> attributes) {
                if (!name.equals("CONSOLIDATED_LIST")) {
                    throw ListRefusal.of("file", fileName + ": the document is " + name
                            + ", not the UN's CONSOLIDATED_LIST");
                }
                published[0] = isoDate(attributes.get("dateGenerated"));
            }

            @Override
            public void node(XmlEntries.Node node) {
                entries.add(entry(node), node.name(), node.line());
            }
        });
        return new ParsedList(published[0], entries.finish());
    }

    /** The date of an ISO date-time or date ({@code 2024-01-15T10:00:04.123Z}, {@code 2024-01-15}), or null. */
    static LocalDate isoDate(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        try {
            return OffsetDateTime.parse(s).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static EntryBuilder entry(XmlEntries.Node e) {
        boolean individual = e.name().equals("INDIVIDUAL");
        EntryBuilder b = new EntryBuilder(SanctionsList.UN).id(e.text("DATAID"))
                .type(individual ? EntryType.PERSON : EntryType.ORGANISATION);
        StringBuilder name = new StringBuilder();
        for (String part : new String[] {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
            String p = e.text(part);
            if (p != null && !p.isBlank()) {
                name.append(name.isEmpty() ? "" : " ").append(p.strip());
            }
        }
        b.name(name.toString());
        b.name(e.text("NAME_ORIGINAL_SCRIPT"));
        for (XmlEntries.Node alias : e.all(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
            b.name(alias.text("ALIAS_NAME"));
        }
        b.programme(e.text("UN_LIST_TYPE"));
        for (XmlEntries.Node dob : e.all("INDIVIDUAL_DATE_OF_BIRTH")) {
            String date = dob.text("DATE");
            String year = dob.text("YEAR");
            if (date != null && !date.isBlank()) {
                b.birthDates(BirthDates.read(date.length() > 10 ? date.substring(0, 10) : date));
            } else if (year != null && !year.isBlank()) {
                b.birthDates(BirthDates.read(year));
            } else if (dob.text("FROM_YEAR") != null && dob.text("TO_YEAR") != null) {
                b.birthDates(BirthDates.read(dob.text("FROM_YEAR") + " to " + dob.text("TO_YEAR")));
            }
        }
        XmlEntries.Node nationality = e.child("NATIONALITY");
        if (nationality != null) {
            for (XmlEntries.Node value : nationality.all("VALUE")) {
                b.country(value.text());
            }
        }
        for (XmlEntries.Node address : e.all(individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
            b.country(address.text("COUNTRY"));
        }
        String reference = e.text("REFERENCE_NUMBER");
        if (reference != null && !reference.isBlank()) {
            b.remark("Reference number " + reference.strip());
        }
        b.remark(e.text("COMMENTS1"));
        return b;
    }
}
