package dev.attest.cases;

import java.util.Locale;
import java.util.Set;

import dev.attest.validation.InvalidValueException;

/** An ISO 3166-1 alpha-2 country code, upper case ({@code US}, {@code DE}). */
public record CountryCode(String value) {

    private static final Set<String> ISO = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public static CountryCode of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("is required");
        }
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (!ISO.contains(code)) {
            throw new InvalidValueException("must be an ISO 3166-1 alpha-2 country code, e.g. US");
        }
        return new CountryCode(code);
    }

    /** Every known code, sorted: for pick lists. */
    public static java.util.List<String> all() {
        return ISO.stream().sorted().toList();
    }

    /** The English name of the country. */
    public String displayName() {
        return new Locale("", value).getDisplayCountry(Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return value;
    }
}
