package dev.attest.documents.reading;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses ICAO 9303 machine-readable zones (part 4: TD3 passports; part 5: TD1 cards; part 6: TD2) and verifies
 * their check digits (part 3, 4.9: characters valued {@code 0-9}, {@code A-Z} as 10 to 35, {@code <} as 0, weighted
 * 7, 3, 1 repeating, the sum modulo 10).
 * <p>
 * Tolerant of what OCR gets wrong without letting a change through: in positions that hold only digits (dates,
 * check digits) look-alike letters are read as the digit they resemble ({@code O} as 0, {@code I} as 1), in name and
 * code positions look-alike digits as letters, and a data line a filler short or long is tried with the fillers of
 * its runs of {@code <} one more or fewer; the check digits still decide, so a character that reads as a different
 * digit fails its check. Pure: no state, no I/O.
 */
final class MrzParser {

    /** The ICAO 9303 part 3 weights. */
    private static final int[] WEIGHTS = {7, 3, 1};

    private MrzParser() {
    }

    /**
     * @param lines the zone's lines as read, top to bottom (spaces are ignored, letters upper-cased)
     * @param today the day the zone is read, which decides the century of a date of birth
     * @return the zone parsed, valid or not; empty when the lines are no zone of a known layout
     */
    static Optional<MrzReading> parse(List<String> lines, LocalDate today) {
        if (lines == null || lines.size() < 2 || lines.size() > 3) {
            return Optional.empty();
        }
        List<String> clean = new ArrayList<>();
        for (String line : lines) {
            if (line == null || line.length() > 200) {
                return Optional.empty();
            }
            String c = line.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!c.chars().allMatch(ch -> (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '<')) {
                return Optional.empty();
            }
            clean.add(c);
        }
        if (clean.size() == 3) {
            if (!near(clean, 30)) {
                return Optional.empty();
            }
            return Optional.of(td1(clean, today));
        }
        int longest = Math.max(clean.get(0).length(), clean.get(1).length());
        if (near(clean, 44) && longest > 40) {
            return Optional.of(twoLines(MrzFormat.TD3, clean, 44, today));
        }
        if (near(clean, 36) && longest <= 40) {
            return Optional.of(twoLines(MrzFormat.TD2, clean, 36, today));
        }
        return Optional.empty();
    }

    private static boolean near(List<String> lines, int length) {
        return lines.stream().allMatch(line -> Math.abs(line.length() - length) <= 3);
    }

    // TD3 (part 4, 4.2.2) and TD2 (part 6, 4.2.2): the upper line is code, state and name; the lower line
    // number(9) check nationality birth(6) check sex expiry(6) check optional(14 or 7) [check] composite
    private static MrzReading twoLines(MrzFormat format, List<String> lines, int length, LocalDate today) {
        String upper = fit(lines.get(0), length);
        String lower = repairLower(format, lines.get(1), length, today);
        String documentCode = letters(upper.substring(0, 2));
        String state = letters(upper.substring(2, 5));
        String[] name = name(upper.substring(5));
        String number = lower.substring(0, 9);
        char numberCheck = digit(lower.charAt(9));
        String optional = format == MrzFormat.TD3 ? lower.substring(28, 43) : lower.substring(28, 35);
        String birth = digits(lower.substring(13, 19));
        char birthCheck = digit(lower.charAt(19));
        String expiry = digits(lower.substring(21, 27));
        char expiryCheck = digit(lower.charAt(27));
        char composite = digit(lower.charAt(length - 1));
        String fullNumber = number;
        boolean numberOk;
        if (format == MrzFormat.TD2 && numberCheck == '<' && number.indexOf('<') < 0) {
            // part 6, 4.2.4: a number longer than nine characters continues in the optional data, then its check
            Overflow overflow = overflow(number, optional);
            fullNumber = overflow.number;
            numberOk = overflow.ok;
        } else {
            numberOk = checks(number, numberCheck);
        }
        // TD3 (part 4, 4.2.2.2): the personal number (optional data) has its own check digit, a filler only over
        // fillers; without it, a filler of the optional data read as a character worth 0 modulo 10 (a 0 for an O)
        // would leave every check digit agreeing
        Boolean personalNumber = format == MrzFormat.TD3 ? checks(optional.substring(0, 14),
                numberCheckChar(lower.charAt(42))) : null;
        MrzReading.CheckDigits checkDigits = new MrzReading.CheckDigits(numberOk,
                dateField(birth) && checks(birth, birthCheck), dateField(expiry) && checks(expiry, expiryCheck),
                checks(number + numberCheckChar(lower.charAt(9)) + birth + birthCheck + expiry + expiryCheck
                        + optional, composite), personalNumber);
        String normalisedLower = lower.substring(0, 13) + birth + birthCheck + lower.charAt(20) + expiry + expiryCheck
                + lower.substring(28, length - 1) + composite;
        return new MrzReading(format, List.of(upper, normalisedLower), checkDigits, documentCode, state, name[0],
                name[1], strip(fullNumber), letters(lower.substring(10, 13)), birthDate(birth, today),
                sex(lower.charAt(20)), expiryDate(expiry));
    }

    // TD1 (part 5, 4.2.2): code state number(9) check optional(15) / birth check sex expiry check nationality
    // optional(11) composite / name
    private static MrzReading td1(List<String> lines, LocalDate today) {
        String first = fit(lines.get(0), 30);
        String second = repairSecondTd1(first, lines.get(1), today);
        String third = fit(lines.get(2), 30);
        String number = first.substring(5, 14);
        char numberCheck = first.charAt(14) == '<' ? '<' : digit(first.charAt(14));
        String optional = first.substring(15, 30);
        String fullNumber = number;
        boolean numberOk;
        if (numberCheck == '<' && number.indexOf('<') < 0) {
            Overflow overflow = overflow(number, optional);
            fullNumber = overflow.number;
            numberOk = overflow.ok;
        } else {
            numberOk = checks(number, numberCheck);
        }
        String birth = digits(second.substring(0, 6));
        char birthCheck = digit(second.charAt(6));
        String expiry = digits(second.substring(8, 14));
        char expiryCheck = digit(second.charAt(14));
        char composite = digit(second.charAt(29));
        String compositeData = first.substring(5, 14) + numberCheck + optional + birth + birthCheck + expiry
                + expiryCheck + second.substring(18, 29);
        MrzReading.CheckDigits checkDigits = new MrzReading.CheckDigits(numberOk,
                dateField(birth) && checks(birth, birthCheck), dateField(expiry) && checks(expiry, expiryCheck),
                checks(compositeData, composite));
        String normalisedFirst = first.substring(0, 14) + numberCheck + optional;
        String normalisedSecond = birth + birthCheck + second.charAt(7) + expiry + expiryCheck
                + second.substring(15, 29) + composite;
        String[] name = name(third);
        return new MrzReading(MrzFormat.TD1, List.of(normalisedFirst, normalisedSecond, third), checkDigits,
                letters(first.substring(0, 2)), letters(first.substring(2, 5)), name[0], name[1], strip(fullNumber),
                letters(second.substring(15, 18)), birthDate(birth, today), sex(second.charAt(7)),
                expiryDate(expiry));
    }

    private record Overflow(String number, boolean ok) {
    }

    /** A long document number: the first nine characters, then the optional data up to its first filler, whose last
     * character is the check digit over the whole number. */
    private static Overflow overflow(String firstNine, String optional) {
        int end = optional.indexOf('<');
        String rest = end < 0 ? optional : optional.substring(0, end);
        if (rest.length() < 2) {
            return new Overflow(firstNine + rest, false);
        }
        String number = firstNine + rest.substring(0, rest.length() - 1);
        return new Overflow(number, checks(number, digit(rest.charAt(rest.length() - 1))));
    }

    private static char numberCheckChar(char c) {
        return c == '<' ? '<' : digit(c);
    }

    /** The middle TD1 line: fillers repaired so that its check digits agree, if a repair does that. */
    private static String repairSecondTd1(String first, String line, LocalDate today) {
        if (line.length() == 30) {
            return line;
        }
        for (String candidate : candidates(line, 30)) {
            MrzReading reading = td1Unrepaired(first, candidate, today);
            if (reading.valid()) {
                return candidate;
            }
        }
        return fit(line, 30);
    }

    private static MrzReading td1Unrepaired(String first, String second, LocalDate today) {
        return td1(List.of(first, second, "<".repeat(30)), today);
    }

    /** The lower line of TD3 or TD2: fillers repaired so that its check digits agree, if a repair does that. */
    private static String repairLower(MrzFormat format, String line, int length, LocalDate today) {
        if (line.length() == length) {
            return line;
        }
        String upper = "P<" + "<".repeat(length - 2);
        for (String candidate : candidates(line, length)) {
            if (twoLines(format, List.of(upper, candidate), length, today).valid()) {
                return candidate;
            }
        }
        return fit(line, length);
    }

    /** The line with fillers added to or removed from its runs of {@code <} (or its end) until it has the length. */
    private static Set<String> candidates(String line, int length) {
        Set<String> found = new LinkedHashSet<>();
        Set<String> current = Set.of(line);
        int steps = Math.abs(line.length() - length);
        if (steps > 3) {
            return found;
        }
        for (int s = 0; s < steps; s++) {
            Set<String> next = new LinkedHashSet<>();
            for (String l : current) {
                if (l.length() < length) {
                    next.add(l + "<");
                    for (int i = 0; i < l.length(); i++) {
                        if (l.charAt(i) == '<') {
                            next.add(l.substring(0, i) + "<" + l.substring(i));
                        }
                    }
                } else {
                    for (int i = 0; i < l.length(); i++) {
                        if (l.charAt(i) == '<') {
                            next.add(l.substring(0, i) + l.substring(i + 1));
                        }
                    }
                }
            }
            current = next;
        }
        found.addAll(current);
        return found;
    }

    /** A line cut or filled with {@code <} at its end to the length. */
    private static String fit(String line, int length) {
        return line.length() >= length ? line.substring(0, length) : line + "<".repeat(length - line.length());
    }

    /** ICAO 9303 part 3, 4.9: the check digit of the characters. */
    static int checkDigit(CharSequence data) {
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            sum += value(data.charAt(i)) * WEIGHTS[i % 3];
        }
        return sum % 10;
    }

    /** A character's value for the check digit: digits as themselves, letters A=10 to Z=35, the filler 0. */
    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return 0;
    }

    private static boolean checks(String data, char check) {
        if (check < '0' || check > '9') {
            // a filler check digit only over a field that is all fillers (an absent optional number)
            return check == '<' && data.chars().allMatch(c -> c == '<');
        }
        return checkDigit(data) == check - '0';
    }

    /** A date field is six digits (a real date is checked when it is turned into one), or unknown: all fillers. */
    private static boolean dateField(String field) {
        return field.chars().allMatch(c -> c >= '0' && c <= '9') || field.equals("<<<<<<");
    }

    /** Digit positions: letters that look like digits read as those digits. */
    private static String digits(String field) {
        StringBuilder b = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            b.append(digit(field.charAt(i)));
        }
        return b.toString();
    }

    private static char digit(char c) {
        return switch (c) {
            case 'O', 'Q', 'D' -> '0';
            case 'I', 'L' -> '1';
            case 'Z' -> '2';
            case 'S' -> '5';
            case 'G' -> '6';
            case 'B' -> '8';
            default -> c;
        };
    }

    /** Letter positions: digits that look like letters read as those letters. */
    private static String letters(String field) {
        StringBuilder b = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            b.append(switch (c) {
                case '0' -> 'O';
                case '1' -> 'I';
                case '2' -> 'Z';
                case '5' -> 'S';
                case '6' -> 'G';
                case '8' -> 'B';
                default -> c;
            });
        }
        return strip(b.toString());
    }

    private static String strip(String field) {
        return field.replace("<", "");
    }

    /** {@code SURNAME<<GIVEN<NAMES}: fillers inside a name part become spaces. */
    private static String[] name(String field) {
        // three fillers in a row only ever pad the field's end: what OCR read after them is filler too
        int padding = field.indexOf("<<<");
        if (padding >= 0) {
            field = field.substring(0, padding);
        }
        // OCR reads OCR-B's filler as K, L or C at times: the field's tail of fillers and those letters is filler from
        // its first filler on, when it holds three of those letters or more (the padding read so; a middle initial K
        // or a given name such as KC is kept; no check digit covers the names)
        int tail = field.length();
        while (tail > 0 && "<KLC".indexOf(field.charAt(tail - 1)) >= 0) {
            tail--;
        }
        int filler = field.indexOf('<', tail);
        if (filler >= 0 && field.substring(tail).replace("<", "").length() >= 3) {
            field = field.substring(0, filler);
        }
        StringBuilder b = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            b.append(switch (c) {
                case '0' -> 'O';
                case '1' -> 'I';
                case '2' -> 'Z';
                case '5' -> 'S';
                case '6' -> 'G';
                case '8' -> 'B';
                default -> c;
            });
        }
        String name = b.toString();
        int split = name.indexOf("<<");
        String surname = split < 0 ? name : name.substring(0, split);
        String given = split < 0 ? "" : name.substring(split + 2);
        return new String[] {words(surname), words(given)};
    }

    private static String words(String part) {
        return String.join(" ", part.replace('<', ' ').strip().split(" +")).strip();
    }

    private static String sex(char c) {
        return switch (c) {
            case 'M', 'F' -> String.valueOf(c);
            case '<', 'X' -> "X";
            default -> null;
        };
    }

    /** A date of birth: the latest century that does not put it in the future. */
    private static LocalDate birthDate(String field, LocalDate today) {
        LocalDate date = date(2000, field);
        if (date != null && date.isAfter(today)) {
            date = date.minusYears(100);
        }
        return date;
    }

    /** An expiry date: this century. */
    private static LocalDate expiryDate(String field) {
        return date(2000, field);
    }

    private static LocalDate date(int century, String field) {
        if (!field.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        try {
            return LocalDate.of(century + Integer.parseInt(field.substring(0, 2)), Integer.parseInt(field.substring(2,
                    4)), Integer.parseInt(field.substring(4, 6)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
