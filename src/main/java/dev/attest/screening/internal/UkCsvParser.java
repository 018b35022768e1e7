package dev.attest.screening.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.attest.screening.EntryType;
import dev.attest.screening.SanctionsList;

/**
 * The UK sanctions list in CSV: the FCDO's "UK Sanctions List" ({@code UK-Sanctions-List.csv}: a line
 * {@code Report Date: 18-Aug-2026}, then a header with {@code Unique ID}, {@code Name 1} to {@code Name 6} (6 is
 * the family or entity name), {@code Name type} ({@code Primary Name}, {@code Alias}, ...), {@code Name non-latin
 * script}, {@code Regime Name}, {@code Designation Type} ({@code Individual}, {@code Entity}, {@code Ship}),
 * {@code D.O.B} ({@code dd/mm/yyyy}, {@code 00} where unknown), {@code Nationality(/ies)}, {@code Address Country},
 * {@code Other Information}, and one row per name or address of a designation). OFSI's former consolidated list
 * CSV ({@code Last Updated,dd/mm/yyyy}, {@code Group ID}, {@code Group Type}, {@code Alias Type}, {@code Regime},
 * {@code DOB}, {@code Nationality}, {@code Country}) is read too. Columns are found by their heading; rows are
 * grouped by the id.
 */
final class UkCsvParser {

    private static final DateTimeFormatter REPORT_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d-MMM-uuuu").toFormatter(Locale.ENGLISH);
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);

    private UkCsvParser() {
    }

    static ParsedList parse(InputStream in, String fileName, int maxEntries) {
        CsvRecords records = new CsvRecords(OfacCsvParser.reader(in, StandardCharsets.UTF_8), "file", fileName);
        LocalDate published = null;
        Map<String, Integer> columns = null;
        int headerSize = 0;
        for (int i = 0; i < 10 && columns == null; i++) {
            List<String> row = records.next();
            if (row == null) {
                break;
            }
            Map<String, Integer> found = new HashMap<>();
            for (int c = 0; c < row.size(); c++) {
                found.putIfAbsent(heading(row.get(c)), c);
            }
            if (found.containsKey("unique id") || found.containsKey("group id")) {
                columns = found;
                headerSize = row.size();
            } else if (published == null) {
                published = reportDate(row);
            }
        }
        if (columns == null) {
            throw ListRefusal.of("file", fileName + ": no header with a 'Unique ID' (or 'Group ID') column in its "
                    + "first 10 lines; is this the UK sanctions list CSV?");
        }
        Integer id = column(columns, "unique id", "group id");
        Integer name6 = column(columns, "name 6");
        if (name6 == null) {
            throw ListRefusal.of("file", fileName + " line " + records.line() + ": the header has no 'Name 6' column");
        }
        Integer[] names = {column(columns, "name 1"), column(columns, "name 2"), column(columns, "name 3"),
                column(columns, "name 4"), column(columns, "name 5"), name6};
        Integer nameType = column(columns, "name type", "alias type");
        Integer nonLatin = column(columns, "name non latin script");
        Integer type = column(columns, "designation type", "group type", "individual entity ship");
        Integer regime = column(columns, "regime name", "regime");
        Integer dob = column(columns, "d o b", "dob", "date of birth");
        Integer nationality = column(columns, "nationality ies", "nationality");
        Integer country = column(columns, "address country", "country");
        Integer other = column(columns, "other information");

        Map<String, EntryBuilder> entries = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        List<String> row;
        while ((row = records.next()) != null) {
            if (OfacCsvParser.blank(row)) {
                continue;
            }
            if (row.size() != headerSize) {
                throw ListRefusal.of("file", fileName + " line " + records.line() + ": " + row.size()
                        + " fields where the header has " + headerSize + "; a truncated file ends like this");
            }
            String key = EntryBuilder.clean(row.get(id), 100);
            if (key == null) {
                throw ListRefusal.of("file", fileName + " line " + records.line() + ": a row without "
                        + (columns.containsKey("unique id") ? "Unique ID" : "Group ID"));
            }
            EntryBuilder b = entries.get(key);
            if (b == null) {
                if (entries.size() >= maxEntries) {
                    throw ListRefusal.of("file", fileName + " holds more than " + maxEntries
                            + " entries (attest.screening.max-entries)");
                }
                b = new EntryBuilder(SanctionsList.UK).id(key).type(type(get(row, type)));
                entries.put(key, b);
                firstLine.put(key, records.line());
            }
            StringBuilder full = new StringBuilder();
            for (Integer n : names) {
                String part = get(row, n);
                if (part != null && !part.isBlank()) {
                    full.append(full.isEmpty() ? "" : " ").append(part.strip());
                }
            }
            String t = get(row, nameType);
            if (t != null && t.strip().toLowerCase(Locale.ROOT).startsWith("primary")) {
                b.primaryName(full.toString());
            } else {
                b.name(full.toString());
            }
            b.name(get(row, nonLatin));
            b.programme(get(row, regime));
            b.birthDates(BirthDates.read(get(row, dob)));
            b.country(get(row, nationality));
            b.country(get(row, country));
            b.remark(get(row, other));
        }
        EntryCollector collector = new EntryCollector("file", fileName, maxEntries);
        entries.forEach((key, b) -> collector.add(b, "designation", firstLine.get(key)));
        return new ParsedList(published, collector.finish());
    }

    private static EntryType type(String raw) {
        if (raw == null) {
            return EntryType.OTHER;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "individual" -> EntryType.PERSON;
            case "entity" -> EntryType.ORGANISATION;
            case "ship" -> EntryType.VESSEL;
            default -> EntryType.OTHER;
        };
    }

    private static String get(List<String> row, Integer column) {
        return column == null || column >= row.size() ? null : row.get(column);
    }

    private static Integer column(Map<String, Integer> columns, String... headings) {
        for (String h : headings) {
            Integer c = columns.get(h);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** A heading compared in lower case, punctuation as spaces: {@code D.O.B} is {@code d o b}. */
    static String heading(String raw) {
        return raw.toLowerCase(Locale.ROOT).replace("\ufeff", "").replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** {@code Report Date: 18-Aug-2026} (FCDO) or {@code Last Updated,15/01/2024} (OFSI). */
    private static LocalDate reportDate(List<String> row) {
        String first = row.get(0).replace("\ufeff", "").strip();
        try {
            if (first.toLowerCase(Locale.ROOT).startsWith("report date:")) {
                return LocalDate.parse(first.substring("report date:".length()).strip(), REPORT_DATE);
            }
            if (first.equalsIgnoreCase("last updated") && row.size() > 1) {
                return LocalDate.parse(row.get(1).strip(), DAY_FIRST);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }
}
