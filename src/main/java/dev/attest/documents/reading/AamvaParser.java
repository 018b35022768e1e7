package dev.attest.documents.reading;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the data of a licence's PDF417 barcode (AAMVA DL/ID card design standard, 2005 to 2020 editions, annex D):
 * the header {@code @ LF RS CR ANSI } (or {@code AAMVA}), the issuer identification number, the standard's version,
 * the jurisdiction's version (from version 2), the number of subfiles and their designators; then the {@code DL} or
 * {@code ID} subfile's data elements, each a three-character id and its value, ended by {@code LF}, the subfile by
 * {@code CR}. Dates are turned into ISO-8601: {@code MMDDCCYY} in the United States, {@code CCYYMMDD} in Canada
 * (element {@code DCG}, or the issuer number when it is absent). Bounded: at most {@link #MAX_DATA} characters, at
 * most {@link #MAX_ELEMENTS} elements of at most {@link #MAX_VALUE} characters each.
 */
final class AamvaParser {

    static final int MAX_DATA = 4_000;

    static final int MAX_ELEMENTS = 120;

    static final int MAX_VALUE = 150;

    /** The elements that are dates. */
    private static final Set<String> DATES = Set.of("DBA", "DBB", "DBD", "DDB", "DDC", "DDH", "DDI", "DDJ");

    /** Issuer numbers of Canadian provinces and territories (AAMVA's IIN list). */
    private static final Set<String> CANADIAN_ISSUERS = Set.of("604426", "604427", "604428", "604429", "604430",
            "604431", "604432", "604433", "636012", "636013", "636016", "636017", "636028", "636044", "636048");

    private AamvaParser() {
    }

    static Optional<BarcodeReading> parse(String data) {
        if (data == null || data.length() < 21 || data.length() > MAX_DATA) {
            return Optional.empty();
        }
        int start = data.indexOf('@');
        if (start < 0 || start > 4) {
            return Optional.empty();
        }
        String header = data.substring(start);
        // compliance indicator @, data element separator LF, record separator RS, segment terminator CR
        if (header.length() < 21 || header.charAt(1) != '\n' || header.charAt(2) != 0x1e || header.charAt(3) != '\r') {
            return Optional.empty();
        }
        int at = 4;
        String fileType = header.substring(at, at + 5);
        if (!fileType.equals("ANSI ") && !fileType.equals("AAMVA")) {
            return Optional.empty();
        }
        at += 5;
        String issuer = header.substring(at, at + 6);
        if (!issuer.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        at += 6;
        int version = number(header, at, 2);
        if (version < 0) {
            return Optional.empty();
        }
        at += 2;
        if (version >= 2) {
            at += 2; // the jurisdiction's version
        }
        int entries = number(header, at, 2);
        if (entries < 1 || entries > 20) {
            return Optional.empty();
        }
        at += 2;
        int subfile = -1;
        String type = null;
        int afterDesignators = at + 10 * entries;
        if (afterDesignators > header.length()) {
            return Optional.empty();
        }
        for (int i = 0; i < entries; i++) {
            int d = at + 10 * i;
            String t = header.substring(d, d + 2);
            int offset = number(header, d + 2, 4);
            if (t.equals("DL") || t.equals("ID")) {
                type = t;
                // offsets count from the start of the data; many issuers get them wrong, so look for the type too
                if (offset >= 0 && start + offset + 2 <= data.length()
                        && data.startsWith(t, start + offset)) {
                    subfile = start + offset;
                } else {
                    subfile = data.indexOf(t, start + afterDesignators);
                }
                break;
            }
        }
        if (type == null || subfile < 0) {
            return Optional.empty();
        }
        Map<String, String> raw = new LinkedHashMap<>();
        int position = subfile + 2;
        while (position < data.length() && raw.size() < MAX_ELEMENTS) {
            int end = position;
            while (end < data.length() && data.charAt(end) != '\n' && data.charAt(end) != '\r') {
                end++;
            }
            String element = data.substring(position, end);
            if (element.length() >= 3 && element.substring(0, 3).matches("[A-Z][A-Z0-9]{2}")) {
                String value = clean(element.substring(3));
                if (!value.isEmpty()) {
                    raw.putIfAbsent(element.substring(0, 3), value);
                }
            }
            if (end >= data.length() || data.charAt(end) == '\r') {
                break;
            }
            position = end + 1;
        }
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        boolean canadian = raw.containsKey("DCG") ? raw.get("DCG").equals("CAN") : CANADIAN_ISSUERS.contains(issuer);
        Map<String, String> elements = new LinkedHashMap<>();
        raw.forEach((id, value) -> {
            if (DATES.contains(id)) {
                LocalDate date = date(value, canadian);
                if (date != null) {
                    elements.put(id, date.toString());
                }
            } else {
                elements.put(id, value);
            }
        });
        return Optional.of(new BarcodeReading(issuer, version, elements));
    }

    /** A value without control or invisible formatting characters (Cf) or surrounding blanks, at most {@link #MAX_VALUE} characters. */
    private static String clean(String value) {
        StringBuilder b = new StringBuilder(Math.min(value.length(), MAX_VALUE));
        for (int i = 0; i < value.length() && b.length() < MAX_VALUE; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && Character.getType(c) != Character.FORMAT) {
                b.append(c);
            }
        }
        return b.toString().strip();
    }

    private static LocalDate date(String value, boolean canadian) {
        if (value.length() != 8 || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return canadian
                    ? LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
                            Integer.parseInt(value.substring(6, 8)))
                    : LocalDate.of(Integer.parseInt(value.substring(4, 8)), Integer.parseInt(value.substring(0, 2)),
                            Integer.parseInt(value.substring(2, 4)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int number(String s, int at, int length) {
        if (at + length > s.length()) {
            return -1;
        }
        String digits = s.substring(at, at + length);
        return digits.chars().allMatch(Character::isDigit) ? Integer.parseInt(digits) : -1;
    }
}
