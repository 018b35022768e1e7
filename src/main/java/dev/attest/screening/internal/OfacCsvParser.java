package dev.attest.screening.internal;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.BufferedReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.attest.screening.SanctionsList;

/**
 * OFAC's SDN list in its CSV form, without a header: {@code sdn.csv} (ent_num, SDN_Name, SDN_Type, Program, Title,
 * Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks; {@code -0-} for an empty field; programmes
 * written {@code SDGT] [IRGC}; dates of birth, nationalities and citizenships inside Remarks as {@code DOB 01 Jan
 * 1960; nationality Iran; citizenship Iran}) and {@code alt.csv} (ent_num, alt_num, alt_type, alt_name,
 * alt_remarks). The files end with a line holding only the end-of-file character (0x1A), which is optional.
 */
final class OfacCsvParser {

    private static final Pattern DOB = Pattern.compile("(?i)\\bDOB\\s+([^;]+)");
    private static final Pattern COUNTRY = Pattern.compile("(?i)\\b(?:nationality|citizenship)\\s+([^;]+)");

    private OfacCsvParser() {
    }

    static ParsedList parse(InputStream sdn, String sdnName, InputStream alt, String altName, int maxEntries) {
        Map<String, List<String>> aliases = alt == null ? Map.of() : aliases(alt, altName, maxEntries);
        EntryCollector entries = new EntryCollector("file", sdnName, maxEntries);
        CsvRecords records = new CsvRecords(reader(sdn), "file", sdnName);
        List<String> row;
        while ((row = records.next()) != null) {
            if (endMarker(row)) {
                break;
            }
            if (blank(row)) {
                continue;
            }
            if (row.size() != 12) {
                throw ListRefusal.of("file", sdnName + " line " + records.line() + ": " + row.size()
                        + " fields where an SDN record has 12 (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign,"
                        + " Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks)" + (records.line() > 1
                        ? "; a truncated file ends like this" : ""));
            }
            String id = value(row.get(0));
            if (id != null && !id.chars().allMatch(Character::isDigit)) {
                throw ListRefusal.of("file", sdnName + " line " + records.line() + ": ent_num '"
                        + EntryBuilder.clean(id, 20) + "' is not a number (sdn.csv has no header line)");
            }
            EntryBuilder b = new EntryBuilder(SanctionsList.OFAC_SDN).id(id).type(OfacXmlParser.type(value(row.get(2))));
            b.name(name(value(row.get(1))));
            for (String alias : aliases.getOrDefault(id, List.of())) {
                b.name(name(alias));
            }
            String programs = value(row.get(3));
            if (programs != null) {
                for (String p : programs.split("\\]\\s*\\[")) {
                    b.programme(p.replace("[", "").replace("]", ""));
                }
            }
            String remarks = value(row.get(11));
            if (remarks != null) {
                Matcher dob = DOB.matcher(remarks);
                while (dob.find()) {
                    for (String one : dob.group(1).split("(?i)\\s*\\balt\\.?\\s*|,")) {
                        b.birthDates(BirthDates.read(one));
                    }
                }
                Matcher country = COUNTRY.matcher(remarks);
                while (country.find()) {
                    b.country(country.group(1).strip().replaceAll("\\.$", ""));
                }
            }
            b.remark(value(row.get(4)));
            b.remark(remarks);
            entries.add(b, "record", records.line());
        }
        return new ParsedList(null, entries.finish());
    }

    private static Map<String, List<String>> aliases(InputStream alt, String altName, int maxEntries) {
        Map<String, List<String>> aliases = new HashMap<>();
        CsvRecords records = new CsvRecords(reader(alt), "aliases", altName);
        List<String> row;
        int count = 0;
        while ((row = records.next()) != null) {
            if (endMarker(row)) {
                break;
            }
            if (blank(row)) {
                continue;
            }
            if (row.size() != 5) {
                throw ListRefusal.of("aliases", altName + " line " + records.line() + ": " + row.size()
                        + " fields where an alias record has 5 (ent_num, alt_num, alt_type, alt_name, alt_remarks)"
                        + (records.line() > 1 ? "; a truncated file ends like this" : ""));
            }
            String id = value(row.get(0));
            String name = value(row.get(3));
            if (id == null || !id.chars().allMatch(Character::isDigit)) {
                throw ListRefusal.of("aliases", altName + " line " + records.line() + ": alias without a numeric "
                        + "ent_num");
            }
            if (++count > maxEntries * 20L) {
                throw ListRefusal.of("aliases", altName + " holds more aliases than " + maxEntries * 20L);
            }
            if (name != null) {
                aliases.computeIfAbsent(id, k -> new ArrayList<>()).add(name);
            }
        }
        return aliases;
    }

    /** SDN names are written {@code LAST, First}: read as {@code First LAST}; organisations keep their name. */
    static String name(String raw) {
        if (raw == null) {
            return null;
        }
        int comma = raw.indexOf(", ");
        if (comma > 0 && raw.indexOf(", ", comma + 2) < 0 && !raw.toUpperCase(Locale.ROOT).matches(
                ".*,\\s*(LTD|LLC|INC|S\\.?A|CO|LIMITED|CORP)\\.?$")) {
            return raw.substring(comma + 2).strip() + " " + raw.substring(0, comma).strip();
        }
        return raw;
    }

    static boolean endMarker(List<String> row) {
        return row.size() == 1 && row.get(0).strip().equals("\u001a");
    }

    static boolean blank(List<String> row) {
        return row.size() == 1 && row.get(0).isBlank();
    }

    /** A field's value: {@code -0-} (OFAC's empty) and blank give null. */
    static String value(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        return v.isEmpty() || v.equals("-0-") ? null : v;
    }

    static Reader reader(InputStream in) {
        return reader(in, StandardCharsets.UTF_8);
    }

    /** Text in the given encoding; bytes that are not are read as U+FFFD (never a control character). */
    static Reader reader(InputStream in, Charset charset) {
        return new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)),
                64 * 1024);
    }
}
