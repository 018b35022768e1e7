package dev.attest.cases;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.validator.routines.RegexValidator;

import dev.attest.validation.FieldErrors;
import dev.attest.validation.InvalidInputException;
import dev.attest.validation.InvalidValueException;
import dev.attest.validation.Text;

/**
 * A postal address as written on an account or a document. Postal codes are checked per country where
 * the format is known (US ZIP or ZIP+4, Canada, UK, Germany, France, …); US, Canadian and Australian
 * addresses need a region; a US state may be given by name or code and is kept as its USPS code.
 */
public record PostalAddress(String line1, String line2, String city, String region, String postalCode,
        CountryCode country) {

    private static final Map<String, RegexValidator> POSTAL_CODES = Map.ofEntries(
            Map.entry("US", new RegexValidator("^\\d{5}(-\\d{4})?$")),
            Map.entry("CA", new RegexValidator("^[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d$")),
            Map.entry("GB", new RegexValidator("^[A-Za-z]{1,2}\\d[A-Za-z\\d]? ?\\d[A-Za-z]{2}$")),
            Map.entry("DE", new RegexValidator("^\\d{5}$")),
            Map.entry("FR", new RegexValidator("^\\d{5}$")),
            Map.entry("IT", new RegexValidator("^\\d{5}$")),
            Map.entry("ES", new RegexValidator("^\\d{5}$")),
            Map.entry("MX", new RegexValidator("^\\d{5}$")),
            Map.entry("NL", new RegexValidator("^\\d{4} ?[A-Za-z]{2}$")),
            Map.entry("AU", new RegexValidator("^\\d{4}$")),
            Map.entry("JP", new RegexValidator("^\\d{3}-?\\d{4}$")),
            Map.entry("IN", new RegexValidator("^\\d{6}$")),
            Map.entry("CN", new RegexValidator("^\\d{6}$")));
    private static final RegexValidator GENERIC_POSTAL_CODE = new RegexValidator("^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$");
    private static final Set<String> REGION_REQUIRED = Set.of("US", "CA", "AU");
    /**
     * Validates every part of an address, naming each bad part under {@code prefix} (e.g.
     * {@code account.addressOnFile.postalCode}).
     *
     * @throws InvalidInputException naming every bad part
     */
    public static PostalAddress of(String prefix, String line1, String line2, String city, String region,
            String postalCode, String country) {
        FieldErrors errors = new FieldErrors();
        PostalAddress address = of(errors, prefix, line1, line2, city, region, postalCode, country);
        errors.throwIfAny();
        return address;
    }

    /** Validates into a collector; returns {@code null} when any part was refused. */
    public static PostalAddress of(FieldErrors errors, String prefix, String line1, String line2, String city,
            String region, String postalCode, String country) {
        int before = errors.list().size();
        String p = prefix.isEmpty() ? "" : prefix + ".";
        String l1 = errors.capture(p + "line1", () -> Text.requiredLine(line1, 200));
        String l2 = errors.capture(p + "line2", () -> Text.line(line2, 200));
        String c = errors.capture(p + "city", () -> Text.requiredLine(city, 100));
        CountryCode cc = errors.capture(p + "country", () -> CountryCode.of(country));
        String r = errors.capture(p + "region", () -> region(region, cc));
        String pc = errors.capture(p + "postalCode", () -> postalCode(postalCode, cc));
        if (errors.list().size() > before) {
            return null;
        }
        return new PostalAddress(l1, l2, c, r, pc, cc);
    }

    /** Whether an address in this country needs a region (US, Canada, Australia). */
    public static boolean regionRequired(CountryCode country) {
        return country != null && REGION_REQUIRED.contains(country.value());
    }

    /** Checks a region for a country; a US state by its name or USPS code, answered as the code. */
    public static String region(String raw, CountryCode country) {
        String value = Text.line(raw, 100);
        if (country == null) {
            return value;
        }
        if (value == null) {
            if (REGION_REQUIRED.contains(country.value())) {
                throw new InvalidValueException("is required for " + country.displayName());
            }
            return null;
        }
        if ("US".equals(country.value())) {
            return UsState.find(value).map(UsState::code).orElseThrow(() -> new InvalidValueException(
                    "is not a US state: give its name or its two-letter code, e.g. Texas or TX"));
        }
        return value;
    }

    /** Checks a postal code against the country's format where known. */
    public static String postalCode(String raw, CountryCode country) {
        String value = Text.requiredLine(raw, 12);
        RegexValidator format = country == null ? GENERIC_POSTAL_CODE
                : POSTAL_CODES.getOrDefault(country.value(), GENERIC_POSTAL_CODE);
        if (!format.isValid(value)) {
            throw new InvalidValueException(country == null ? "is not a valid postal code"
                    : "is not a valid postal code for " + country.displayName());
        }
        return value.toUpperCase(Locale.ROOT);
    }

    /** The address on one line, as people write it. */
    public String singleLine() {
        StringBuilder b = new StringBuilder(line1);
        if (line2 != null) {
            b.append(", ").append(line2);
        }
        b.append(", ").append(city);
        if (region != null) {
            b.append(", ").append(region);
        }
        b.append(' ').append(postalCode).append(", ").append(country.value());
        return b.toString();
    }
}
