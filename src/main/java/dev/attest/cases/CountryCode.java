package dev.attest.cases;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.attest.validation.InvalidValueException;
import dev.attest.validation.Text;

/**
 * An ISO 3166-1 alpha-2 country code, upper case ({@code US}, {@code DE}): the one place where a country
 * typed by a person or sent to the API is read. Accepts the two- or three-letter code ({@code US},
 * {@code USA}) or the English name, ignoring case, accents, punctuation and "&amp;" for "and"
 * ({@code united states}, {@code Cote d'Ivoire}, {@code Saint Lucia}), and a few names in common use
 * ({@code UK}, {@code Great Britain}, {@code Turkey}, {@code Ivory Coast}).
 */
public record CountryCode(String value) {

    private static final Set<String> ISO = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Map<String, String> BY_KEY = new HashMap<>();
    private static final List<CountryCode> BY_NAME;

    static {
        for (String code : ISO) {
            String name = displayName(code);
            BY_KEY.put(key(name), code);
            int open = name.indexOf(" (");
            if (open > 0 && name.endsWith(")")) {
                BY_KEY.putIfAbsent(key(name.substring(0, open)), code);
                BY_KEY.putIfAbsent(key(name.substring(open + 2, name.length() - 1)), code);
            }
            String alpha3 = new Locale("", code).getISO3Country();
            if (!alpha3.isEmpty()) {
                BY_KEY.putIfAbsent(key(alpha3), code);
            }
        }
        String[][] aliases = {{"UK", "GB"}, {"U.K.", "GB"}, {"Great Britain", "GB"}, {"Britain", "GB"},
                {"United Kingdom of Great Britain and Northern Ireland", "GB"}, {"U.S.", "US"}, {"U.S.A.", "US"},
                {"United States of America", "US"}, {"Turkey", "TR"}, {"Türkiye", "TR"}, {"Czech Republic", "CZ"},
                {"Czechia", "CZ"}, {"Ivory Coast", "CI"}, {"Holland", "NL"}, {"Russian Federation", "RU"},
                {"Republic of Korea", "KR"}, {"Viet Nam", "VN"}, {"Hong Kong", "HK"}, {"Macau", "MO"},
                {"Macao", "MO"}, {"Palestine", "PS"}, {"Vatican", "VA"}, {"Holy See", "VA"}, {"Swaziland", "SZ"},
                {"Eswatini", "SZ"}, {"Macedonia", "MK"}, {"North Macedonia", "MK"}, {"Cabo Verde", "CV"},
                {"Cape Verde", "CV"}, {"East Timor", "TL"}, {"Democratic Republic of the Congo", "CD"},
                {"DR Congo", "CD"}, {"DRC", "CD"}, {"Republic of the Congo", "CG"}, {"Burma", "MM"},
                {"UAE", "AE"}, {"Laos", "LA"}, {"Syria", "SY"}, {"Iran", "IR"}, {"Moldova", "MD"},
                {"Bolivia", "BO"}, {"Venezuela", "VE"}, {"Tanzania", "TZ"}, {"Brunei", "BN"}};
        for (String[] alias : aliases) {
            BY_KEY.putIfAbsent(key(alias[0]), alias[1]);
        }
        Collator collator = Collator.getInstance(Locale.ENGLISH);
        collator.setStrength(Collator.PRIMARY);
        BY_NAME = ISO.stream().map(CountryCode::new)
                .sorted(Comparator.comparing(CountryCode::displayName, collator)).toList();
    }

    /**
     * Reads a country from its code or its English name.
     *
     * @throws InvalidValueException when blank or not a country, in words a user understands
     */
    public static CountryCode of(String raw) {
        // control and invisible characters are refused, as in every other field, before the name is compared
        String value = Text.line(raw, Integer.MAX_VALUE);
        if (value == null) {
            throw new InvalidValueException("is required");
        }
        if (value.length() > 100) {
            throw new InvalidValueException("is not a country we know: give its English name or its "
                    + "two-letter code, e.g. Germany or DE");
        }
        return find(raw).orElseThrow(() -> new InvalidValueException("is not a country we know: give its English "
                + "name or its two-letter code, e.g. Germany or DE"));
    }

    /** The country with this code or English name, if there is one (blank gives none). */
    public static Optional<CountryCode> find(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 100) {
            return Optional.empty();
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (ISO.contains(code)) {
            return Optional.of(new CountryCode(code));
        }
        return Optional.ofNullable(BY_KEY.get(key(raw))).map(CountryCode::new);
    }

    /** The country with this English name (or a name in common use), if there is one; codes are not names. */
    public static Optional<CountryCode> fromName(String name) {
        if (name == null || name.strip().length() <= 3) {
            return Optional.empty();
        }
        return find(name);
    }

    /** Every known code, sorted by code. */
    public static List<String> all() {
        return ISO.stream().sorted().toList();
    }

    /** Every country, sorted by its English name: for pick lists that show names. */
    public static List<CountryCode> allByName() {
        return BY_NAME;
    }

    /** The English name of the country. */
    public String displayName() {
        return displayName(value);
    }

    /**
     * Whether what a user typed into a pick list fits this country: a part of its English name (accents,
     * case and punctuation ignored), its code, or a name in common use that starts so.
     */
    public boolean matches(String typed) {
        if (typed == null || typed.isBlank()) {
            return true;
        }
        String k = key(typed);
        String p = plain(typed);
        if (p.isEmpty() || plain(displayName()).contains(p) || key(displayName()).contains(k)
                || value.equalsIgnoreCase(typed.strip())) {
            return true;
        }
        return BY_KEY.entrySet().stream().anyMatch(e -> e.getValue().equals(value) && e.getKey().startsWith(k));
    }

    @Override
    public String toString() {
        return value;
    }

    private static String displayName(String code) {
        return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }

    /**
     * The form names are compared in: lower case letters and digits only, no accents, "&amp;" as "and",
     * the word "st" as "saint" and the word "the" dropped ({@code Côte d’Ivoire} and {@code COTE D IVOIRE}
     * both give {@code cotedivoire}).
     */
    static String key(String s) {
        String words = " " + words(s) + " ";
        return words.replace(" st ", " saint ").replace(" the ", " ").replace(" ", "");
    }

    /** Like {@link #key} without the word substitutions: for matching what is being typed. */
    static String plain(String s) {
        return words(s).replace(" ", "");
    }

    private static String words(String s) {
        String t = Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        // letters of other scripts stay, so a look-alike (a Cyrillic "А" in "USА") matches no Latin name
        return t.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
