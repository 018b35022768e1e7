package dev.attest.documents.reading;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.attest.cases.CountryCode;
import dev.attest.documents.AddressComparison.Written;

/**
 * Turns what the machine-readable parts of an identity document say into a reading's values: the ICAO 9303 zone
 * (names, number, dates, the issuing state's ICAO code) and the AAMVA barcode (names, customer id, dates, address,
 * jurisdiction). Pure functions.
 */
final class ZoneFields {

    /** ICAO 9303 codes that are not ISO 3166 alpha-3 codes of the same country. */
    private static final Map<String, String> ICAO_CODES = Map.ofEntries(Map.entry("D", "DE"),
            Map.entry("GBD", "GB"), Map.entry("GBN", "GB"), Map.entry("GBO", "GB"), Map.entry("GBP", "GB"),
            Map.entry("GBS", "GB"), Map.entry("RKS", "XK"), Map.entry("EUE", ""), Map.entry("UNO", ""),
            Map.entry("UNA", ""), Map.entry("UNK", ""), Map.entry("XOM", ""), Map.entry("XXA", ""),
            Map.entry("XXB", ""), Map.entry("XXC", ""), Map.entry("XXX", ""), Map.entry("UTO", ""));
    private static final Set<String> CA_PROVINCES = Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON",
            "PE", "QC", "SK", "YT");
    private static final Set<String> US_JURISDICTIONS = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC",
            "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT",
            "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
            "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP");

    private ZoneFields() {
    }

    /** The country of an ICAO 9303 code ({@code D} is Germany; {@code UTO} and the UN's codes are none). */
    static Optional<CountryCode> country(String icao) {
        if (icao == null) {
            return Optional.empty();
        }
        String code = icao.replace("<", "").strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        String mapped = ICAO_CODES.get(code);
        if (mapped != null) {
            return mapped.isEmpty() ? Optional.empty() : Optional.of(new CountryCode(mapped));
        }
        return code.length() == 3 ? CountryCode.find(code) : Optional.empty();
    }

    /** Given names and surname, as a person writes them ("ANNA MARIA ERIKSSON"). */
    static String fullName(MrzReading mrz) {
        String given = clean(mrz.givenNames());
        String surname = clean(mrz.surname());
        String name = (given + " " + surname).strip();
        return name.isEmpty() ? null : name;
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('<', ' ').strip().replaceAll("\\s+", " ");
    }

    /** The barcode's name: first, middle and family name. */
    static String fullName(BarcodeReading barcode) {
        Map<String, String> e = barcode.elements();
        String first = element(e, "DAC");
        String middle = element(e, "DAD");
        String family = element(e, "DCS");
        if (first == null && family == null) {
            String legacy = element(e, "DAA");
            if (legacy != null) {
                String[] parts = legacy.split(",");
                return parts.length >= 2 ? (String.join(" ", java.util.Arrays.copyOfRange(parts, 1, parts.length))
                        .strip() + " " + parts[0].strip()).replaceAll("\\s+", " ") : legacy.strip();
            }
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (String part : new String[] {first, middle, family}) {
            if (part != null && !"NONE".equalsIgnoreCase(part) && !"unavl".equalsIgnoreCase(part)) {
                b.append(b.isEmpty() ? "" : " ").append(part);
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    /** The barcode's country: its DCG element, or the jurisdiction's country. */
    static Optional<CountryCode> country(BarcodeReading barcode) {
        String dcg = element(barcode.elements(), "DCG");
        if (dcg != null) {
            Optional<CountryCode> c = CountryCode.find(dcg);
            if (c.isPresent()) {
                return c;
            }
        }
        String region = region(barcode);
        if (region != null) {
            return Optional.of(new CountryCode(CA_PROVINCES.contains(region) && !US_JURISDICTIONS.contains(region)
                    ? "CA" : "US"));
        }
        return Optional.empty();
    }

    /** The jurisdiction (DAJ) as its two-letter code. */
    static String region(BarcodeReading barcode) {
        String daj = element(barcode.elements(), "DAJ");
        return daj != null && daj.matches("[A-Z]{2}") ? daj : null;
    }

    /**
     * A barcode date: ISO-8601 as the barcode reader gives it, or as encoded (MMDDCCYY in the US, CCYYMMDD in Canada;
     * whichever reads as a date when unsure).
     */
    static LocalDate date(BarcodeReading barcode, String id) {
        String raw = element(barcode.elements(), id);
        if (raw != null && raw.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return date(raw.substring(0, 4), raw.substring(5, 7), raw.substring(8, 10));
        }
        if (raw == null || !raw.matches("\\d{8}")) {
            return null;
        }
        boolean canada = country(barcode).map(c -> c.value().equals("CA")).orElse(false);
        LocalDate us = date(raw.substring(4, 8), raw.substring(0, 2), raw.substring(2, 4));
        LocalDate ca = date(raw.substring(0, 4), raw.substring(4, 6), raw.substring(6, 8));
        return canada ? (ca != null ? ca : us) : (us != null ? us : ca);
    }

    /** The barcode's address: DAG, DAH, DAI, DAJ, DAK (the ZIP's four trailing zeros of "no extension" dropped). */
    static Written address(BarcodeReading barcode) {
        Map<String, String> e = barcode.elements();
        String street = element(e, "DAG");
        String city = element(e, "DAI");
        String postal = element(e, "DAK");
        if (street == null || city == null) {
            return null;
        }
        String country = country(barcode).map(CountryCode::value).orElse(null);
        if (postal != null) {
            postal = postal.replace(" ", "");
            if ("US".equals(country) && postal.matches("\\d{9}")) {
                postal = postal.endsWith("0000") ? postal.substring(0, 5)
                        : postal.substring(0, 5) + "-" + postal.substring(5);
            } else if ("CA".equals(country) && postal.matches("[A-Z]\\d[A-Z]\\d[A-Z]\\d.*")) {
                postal = postal.substring(0, 3) + " " + postal.substring(3, 6);
            }
        }
        return new Written(street, element(e, "DAH"), city, region(barcode), postal, country);
    }

    static String element(Map<String, String> elements, String id) {
        String v = elements.get(id);
        if (v == null) {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }
}
