package dev.attest.documents;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.attest.cases.PostalAddress;

/**
 * Compares the address read off a document with the account's address on file, component by component,
 * after normalising both: case, punctuation, white space, diacritics and ß; USPS Publication 28 street
 * suffixes, directionals and secondary units; US state names and codes; ZIP+4 on its five digits; postcodes
 * without spaces; country names and ISO codes; German street forms (Straße, Str.). Both address lines are
 * read as one, so a unit written on either line is the same unit.
 * <p>
 * PASS when every component agrees; FAIL when a component present on both sides differs (house number,
 * street, unit, city, postal code, country); NEEDS_REVIEW when one side lacks a component the other has,
 * when the regions differ while the postal codes agree, or when no house number can be found.
 */
public final class AddressComparison {

    /** How one component compares. */
    public enum Status { MATCH, DIFFERS, MISSING }

    /**
     * One component of the comparison.
     *
     * @param name house number, street, unit, city, region, postal code or country
     * @param onFile the normalised value on file, or empty
     * @param onDocument the normalised value on the document, or empty
     * @param status how they compare
     */
    public record Component(String name, String onFile, String onDocument, Status status) {
    }

    /**
     * The verdict with every component.
     *
     * @param outcome PASS, FAIL or NEEDS_REVIEW
     * @param components each component, in reading order
     */
    public record Result(CheckOutcome outcome, List<Component> components) {

        /** One sentence a reviewer can act on: which components matched and which did not. */
        public String explain() {
            String matched = names(Status.MATCH);
            String differs = components.stream().filter(c -> c.status() == Status.DIFFERS)
                    .map(c -> c.name() + " (file: " + c.onFile() + ", document: " + c.onDocument() + ")")
                    .collect(Collectors.joining(", "));
            String missing = components.stream().filter(c -> c.status() == Status.MISSING)
                    .map(c -> c.name() + (c.onFile().isEmpty() ? " (not on file)" : " (not on document)"))
                    .collect(Collectors.joining(", "));
            StringBuilder b = new StringBuilder();
            b.append(switch (outcome) {
                case PASS -> "The address matches the account's address on file.";
                case FAIL -> "The address differs from the account's address on file.";
                case NEEDS_REVIEW -> "The address needs a reviewer's look.";
            });
            if (!matched.isEmpty()) {
                b.append(" Matched: ").append(matched).append('.');
            }
            if (!differs.isEmpty()) {
                b.append(" Differs: ").append(differs).append('.');
            }
            if (!missing.isEmpty()) {
                b.append(" Missing: ").append(missing).append('.');
            }
            return b.toString();
        }

        private String names(Status status) {
            return components.stream().filter(c -> c.status() == status && !c.onFile().isEmpty()).map(Component::name)
                    .collect(Collectors.joining(", "));
        }
    }

    /** An address as written, not yet validated: the document side. */
    public record Written(String line1, String line2, String city, String region, String postalCode, String country) {

        public static Written of(PostalAddress a) {
            return new Written(a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.country().value());
        }
    }

    private static final Map<String, String> SUFFIXES = new HashMap<>();
    private static final Map<String, String> DIRECTIONALS = Map.ofEntries(Map.entry("NORTH", "N"),
            Map.entry("SOUTH", "S"), Map.entry("EAST", "E"), Map.entry("WEST", "W"), Map.entry("NORTHEAST", "NE"),
            Map.entry("NORTHWEST", "NW"), Map.entry("SOUTHEAST", "SE"), Map.entry("SOUTHWEST", "SW"));
    private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("APARTMENT", "APT"),
            Map.entry("APT", "APT"), Map.entry("SUITE", "STE"), Map.entry("STE", "STE"), Map.entry("UNIT", "UNIT"),
            Map.entry("FLOOR", "FL"), Map.entry("FL", "FL"), Map.entry("ROOM", "RM"), Map.entry("RM", "RM"),
            Map.entry("BUILDING", "BLDG"), Map.entry("BLDG", "BLDG"), Map.entry("#", "#"), Map.entry("NO", "#"),
            Map.entry("WOHNUNG", "APT"), Map.entry("WHG", "APT"));
    private static final Set<String> FIVE_DIGIT_ZIP = Set.of("US", "PR", "GU", "VI", "AS", "MP");
    private static final Map<String, String> US_STATES = new HashMap<>();
    private static final Map<String, String> COUNTRIES = new HashMap<>();

    static {
        String[][] suffixes = {{"ALLEY", "ALY"}, {"AVENUE", "AVE"}, {"AV", "AVE"}, {"AVEN", "AVE"},
                {"BOULEVARD", "BLVD"}, {"BOUL", "BLVD"}, {"CIRCLE", "CIR"}, {"COURT", "CT"}, {"CRESCENT", "CRES"},
                {"DRIVE", "DR"}, {"DRIV", "DR"}, {"EXPRESSWAY", "EXPY"}, {"FREEWAY", "FWY"}, {"HIGHWAY", "HWY"},
                {"LANE", "LN"}, {"PARKWAY", "PKWY"}, {"PLACE", "PL"}, {"PLAZA", "PLZ"}, {"ROAD", "RD"},
                {"SQUARE", "SQ"}, {"STREET", "ST"}, {"STR", "ST"}, {"STRT", "ST"}, {"TERRACE", "TER"},
                {"TRAIL", "TRL"}, {"TURNPIKE", "TPKE"}, {"WAY", "WAY"}, {"POINT", "PT"}, {"CROSSING", "XING"},
                {"HEIGHTS", "HTS"}, {"CENTER", "CTR"}, {"CENTRE", "CTR"}, {"GARDENS", "GDNS"}, {"ESTATES", "EST"}};
        for (String[] s : suffixes) {
            SUFFIXES.put(s[0], s[1]);
        }
        String[][] states = {{"ALABAMA", "AL"}, {"ALASKA", "AK"}, {"ARIZONA", "AZ"}, {"ARKANSAS", "AR"},
                {"CALIFORNIA", "CA"}, {"COLORADO", "CO"}, {"CONNECTICUT", "CT"}, {"DELAWARE", "DE"},
                {"DISTRICT OF COLUMBIA", "DC"}, {"FLORIDA", "FL"}, {"GEORGIA", "GA"}, {"HAWAII", "HI"},
                {"IDAHO", "ID"}, {"ILLINOIS", "IL"}, {"INDIANA", "IN"}, {"IOWA", "IA"}, {"KANSAS", "KS"},
                {"KENTUCKY", "KY"}, {"LOUISIANA", "LA"}, {"MAINE", "ME"}, {"MARYLAND", "MD"},
                {"MASSACHUSETTS", "MA"}, {"MICHIGAN", "MI"}, {"MINNESOTA", "MN"}, {"MISSISSIPPI", "MS"},
                {"MISSOURI", "MO"}, {"MONTANA", "MT"}, {"NEBRASKA", "NE"}, {"NEVADA", "NV"},
                {"NEW HAMPSHIRE", "NH"}, {"NEW JERSEY", "NJ"}, {"NEW MEXICO", "NM"}, {"NEW YORK", "NY"},
                {"NORTH CAROLINA", "NC"}, {"NORTH DAKOTA", "ND"}, {"OHIO", "OH"}, {"OKLAHOMA", "OK"},
                {"OREGON", "OR"}, {"PENNSYLVANIA", "PA"}, {"RHODE ISLAND", "RI"}, {"SOUTH CAROLINA", "SC"},
                {"SOUTH DAKOTA", "SD"}, {"TENNESSEE", "TN"}, {"TEXAS", "TX"}, {"UTAH", "UT"}, {"VERMONT", "VT"},
                {"VIRGINIA", "VA"}, {"WASHINGTON", "WA"}, {"WEST VIRGINIA", "WV"}, {"WISCONSIN", "WI"},
                {"WYOMING", "WY"}, {"PUERTO RICO", "PR"}, {"GUAM", "GU"}};
        for (String[] s : states) {
            US_STATES.put(s[0], s[1]);
        }
        for (String code : Locale.getISOCountries()) {
            COUNTRIES.put(normalize(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
            COUNTRIES.put(code, code);
        }
        String[][] aliases = {{"USA", "US"}, {"U S A", "US"}, {"U S", "US"}, {"UNITED STATES OF AMERICA", "US"},
                {"AMERICA", "US"}, {"UK", "GB"}, {"U K", "GB"}, {"GREAT BRITAIN", "GB"}, {"ENGLAND", "GB"},
                {"SCOTLAND", "GB"}, {"WALES", "GB"}, {"NORTHERN IRELAND", "GB"}, {"DEUTSCHLAND", "DE"},
                {"GERMANY", "DE"}, {"FRANCE", "FR"}, {"ITALIA", "IT"}, {"ESPANA", "ES"}, {"MEXICO", "MX"},
                {"NEDERLAND", "NL"}, {"HOLLAND", "NL"}, {"OSTERREICH", "AT"}, {"SCHWEIZ", "CH"}};
        for (String[] a : aliases) {
            COUNTRIES.put(a[0], a[1]);
        }
    }

    private AddressComparison() {
    }

    /** Compares an address as written on a document with the address on file. */
    public static Result compare(Written document, PostalAddress onFile) {
        return compare(document, Written.of(onFile));
    }

    /** Compares two addresses as written (what was typed with what a document was read to show). */
    public static Result compare(Written document, Written file) {
        String fileCountry = country(file.country());
        String docCountry = document.country() == null || document.country().isBlank() ? fileCountry
                : country(document.country());
        Street fs = Street.parse(file.line1(), file.line2());
        Street ds = Street.parse(document.line1(), document.line2());
        List<Component> c = new ArrayList<>();
        c.add(component("house number", fs.number(), ds.number()));
        c.add(component("street", fs.street(), ds.street()));
        c.add(component("unit", fs.unit(), ds.unit()));
        c.add(component("city", city(file.city()), city(document.city())));
        c.add(component("region", region(file.region(), fileCountry), region(document.region(), docCountry)));
        c.add(component("postal code", postal(file.postalCode(), fileCountry), postal(document.postalCode(), docCountry)));
        c.add(component("country", fileCountry, docCountry));
        return new Result(verdict(c, fs, ds), c);
    }

    private static CheckOutcome verdict(List<Component> components, Street file, Street document) {
        boolean review = file.number().isEmpty() || document.number().isEmpty();
        for (Component c : components) {
            if (c.status() == Status.DIFFERS) {
                if (!"region".equals(c.name())) {
                    return CheckOutcome.FAIL;
                }
                review = true;
            } else if (c.status() == Status.MISSING) {
                review = true;
            }
        }
        return review ? CheckOutcome.NEEDS_REVIEW : CheckOutcome.PASS;
    }

    private static Component component(String name, String onFile, String onDocument) {
        if (onFile.isEmpty() && onDocument.isEmpty()) {
            return new Component(name, "", "", Status.MATCH);
        }
        if (onFile.isEmpty() || onDocument.isEmpty()) {
            return new Component(name, onFile, onDocument, Status.MISSING);
        }
        boolean same = "street".equals(name) ? onFile.replace(" ", "").equals(onDocument.replace(" ", ""))
                : onFile.equals(onDocument);
        return new Component(name, onFile, onDocument, same ? Status.MATCH : Status.DIFFERS);
    }

    /** Upper case, no diacritics, ß as SS, punctuation as space (keeping #), single spaces. */
    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replace("ß", "ss").replace("ẞ", "SS");
        t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        t = t.toUpperCase(Locale.ROOT).replaceAll("#", " # ").replaceAll("[^A-Z0-9# ]", " ");
        return t.trim().replaceAll("\\s+", " ");
    }

    private static String city(String s) {
        String t = " " + normalize(s) + " ";
        t = t.replace(" SAINT ", " ST ").replace(" FORT ", " FT ").replace(" MOUNT ", " MT ");
        return t.trim();
    }

    private static String region(String s, String country) {
        String t = normalize(s);
        if ("US".equals(country)) {
            return US_STATES.getOrDefault(t, t);
        }
        return t;
    }

    private static String postal(String s, String country) {
        String t = normalize(s).replace(" ", "");
        if (FIVE_DIGIT_ZIP.contains(country) && t.length() >= 5 && t.substring(0, 5).chars().allMatch(Character::isDigit)) {
            return t.substring(0, 5);
        }
        return t;
    }

    private static String country(String s) {
        String t = normalize(s);
        return COUNTRIES.getOrDefault(t, t);
    }

    /** House number, street and unit read from both address lines together. */
    record Street(String number, String street, String unit) {

        static Street parse(String line1, String line2) {
            List<String> tokens = new ArrayList<>(List.of((normalize(line1) + " " + normalize(line2)).trim().split(" ")));
            tokens.removeIf(String::isEmpty);
            String unit = "";
            for (int i = 0; i < tokens.size(); i++) {
                String designator = UNITS.get(tokens.get(i));
                if (designator != null && i + 1 < tokens.size() && tokens.get(i + 1).matches(".*\\d.*|[A-Z]")) {
                    unit = tokens.get(i + 1);
                    tokens.remove(i + 1);
                    tokens.remove(i);
                    i--;
                }
            }
            String number = "";
            if (!tokens.isEmpty() && tokens.get(0).matches("\\d+[A-Z]?(-\\d+[A-Z]?)?")) {
                number = tokens.remove(0);
            } else {
                for (int i = tokens.size() - 1; i >= 0; i--) {
                    if (tokens.get(i).matches("\\d+[A-Z]?(-\\d+[A-Z]?)?")) {
                        number = tokens.remove(i);
                        break;
                    }
                }
                if (number.isEmpty() && tokens.size() >= 2 && tokens.get(tokens.size() - 1).matches("[A-Z]")
                        && tokens.get(tokens.size() - 2).matches("\\d+")) {
                    number = tokens.remove(tokens.size() - 2) + tokens.remove(tokens.size() - 1);
                }
            }
            List<String> street = new ArrayList<>();
            for (String token : tokens) {
                street.add(streetToken(token));
            }
            return new Street(number, String.join(" ", street).trim(), unit);
        }

        private static String streetToken(String token) {
            String t = DIRECTIONALS.getOrDefault(token, token);
            t = SUFFIXES.getOrDefault(t, t);
            if (t.length() > 7 && t.endsWith("STRASSE")) {
                t = t.substring(0, t.length() - 7) + "ST";
            } else if (t.length() > 3 && t.endsWith("STR") && !t.equals("STR")) {
                t = t.substring(0, t.length() - 3) + "ST";
            } else if (t.equals("STRASSE")) {
                t = "ST";
            }
            return t;
        }
    }
}
