package dev.attest.screening.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth as lists write them, read to {@code yyyy}, {@code yyyy-mm} or {@code yyyy-mm-dd}: ISO dates
 * (whole or partial), {@code 01 Jan 1960}, {@code Jan 1960}, {@code 1960}, {@code circa 1960}, {@code 1960 to 1962}
 * (each year), {@code 28/04/1937} (day first, {@code 00} for an unknown day or month). What cannot be read gives
 * nothing.
 */
final class BirthDates {

    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?:(\\d{1,2})\\s+)?([A-Za-z]{3,9})\\.?\\s+(\\d{4})");
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern RANGE = Pattern.compile("(\\d{4})\\s*(?:to|-|–)\\s*(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("(?:circa|ca\\.?|c\\.|approximately|approx\\.?)?\\s*(\\d{4})");

    static {
        for (Month m : Month.values()) {
            MONTHS.put(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT), m.getValue());
            MONTHS.put(m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), m.getValue());
        }
        MONTHS.put("sept", 9);
    }

    private BirthDates() {
    }

    static List<String> read(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 100) {
            return List.of();
        }
        String s = raw.strip();
        Matcher m = ISO.matcher(s);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = SLASHED.matcher(s);
        if (m.matches()) {
            return date(m.group(3), m.group(2), m.group(1));
        }
        m = DAY_MONTH_YEAR.matcher(s);
        if (m.matches()) {
            Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            return month == null ? List.of() : date(m.group(3), String.valueOf(month), m.group(1));
        }
        m = RANGE.matcher(s);
        if (m.matches()) {
            int from = Integer.parseInt(m.group(1));
            int to = Integer.parseInt(m.group(2));
            List<String> years = new ArrayList<>();
            for (int y = from; y <= to && years.size() < 10; y++) {
                years.addAll(date(String.valueOf(y), null, null));
            }
            return years;
        }
        m = YEAR.matcher(s.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            return date(m.group(1), null, null);
        }
        return List.of();
    }

    /** A date from its parts; an unknown (null, 0) month or day leaves it partial; an impossible one gives none. */
    static List<String> date(String year, String month, String day) {
        try {
            int y = Integer.parseInt(year);
            if (y < 1800 || y > 2200) {
                return List.of();
            }
            int mo = month == null || month.isBlank() ? 0 : Integer.parseInt(month);
            int d = day == null || day.isBlank() ? 0 : Integer.parseInt(day);
            if (mo == 0) {
                return List.of(String.format(Locale.ROOT, "%04d", y));
            }
            YearMonth ym = YearMonth.of(y, mo);
            if (d == 0) {
                return List.of(ym.toString());
            }
            return List.of(LocalDate.of(y, mo, d).toString());
        } catch (NumberFormatException | DateTimeException e) {
            return List.of();
        }
    }
}
