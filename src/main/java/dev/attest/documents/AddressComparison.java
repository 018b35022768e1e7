package dev.attest.documents;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.attest.cases.PostalAddress;

/**
 * Compares the address read off a document with the account's address on file, component by component,
 * after normalising both: case, punctuation, white space, diacritics and ß; USPS Publication 28 street
 * suffixes, directionals and secondary units; US state names and codes; ZIP+4 on its five digits; postcodes
 * without spaces; country names and ISO codes; German street forms (Straße, Str.); ordinal street names in words
 * or digits (Fifth = 5th); Saint and St. in place and street names; PO boxes however written (P.O. Box, Post Office
 * Box, Postfach, BP, Apartado, Casella postale, Postbus); Canadian provinces by name or code; the street forms of
 * France (avenue/av., boulevard/bd, 12 bis = 12B), Spain (calle/c/, avenida/avda., plaza/pza., nº, 3º floor),
 * Italy (viale/v.le, piazza/p.zza, corso/c.so) and the Netherlands (straat/str., a house number's letter
 * written apart). Both address lines are read as one, so a unit written on either line is the same unit.
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
            Map.entry("WOHNUNG", "APT"), Map.entry("WHG", "APT"), Map.entry("PISO", "FL"));
    /** The letters French house numbers take: 12 bis is 12B. */
    private static final Map<String, String> BIS = Map.of("BIS", "B", "TER", "T", "QUATER", "Q", "B", "B", "T", "T");
    private static final Set<String> FIVE_DIGIT_ZIP = Set.of("US", "PR", "GU", "VI", "AS", "MP");
    private static final Map<String, String> US_STATES = new HashMap<>();
    private static final Map<String, String> COUNTRIES = new HashMap<>();
    private static final Map<String, String> CA_PROVINCES = new HashMap<>();
    /** Ordinal words and the number they stand for: FIRST is 1, TWENTIETH 20. */
    private static final Map<String, Integer> ORDINALS = new HashMap<>();
    /** Tens that start a compound ordinal: TWENTY FIRST is 21. */
    private static final Map<String, Integer> TENS = Map.of("TWENTY", 20, "THIRTY", 30, "FORTY", 40, "FIFTY", 50,
            "SIXTY", 60, "SEVENTY", 70, "EIGHTY", 80, "NINETY", 90);
    /** Abbreviations written with dots inside, read before punctuation is dropped (Italian, French, Spanish). */
    private static final List<Map.Entry<Pattern, String>> DOTTED = List.of(
            Map.entry(Pattern.compile("(?iu)\\bp\\.\\s?z(?:z)?a\\b\\.?"), " PIAZZA "),
            Map.entry(Pattern.compile("(?iu)\\bc\\.\\s?so\\b\\.?"), " CORSO "),
            Map.entry(Pattern.compile("(?iu)\\bv\\.\\s?le\\b\\.?"), " VIALE "),
            Map.entry(Pattern.compile("(?iu)\\bc/(?!o\\b)\\s?"), " CALLE "),
            Map.entry(Pattern.compile("(?iu)\\bn\\.?\\s?[º°]\\.?\\s?(?=\\d)"), " "),
            Map.entry(Pattern.compile("(?iu)\\bn[uú]m\\.?\\s?(?=\\d)"), " "),
            Map.entry(Pattern.compile("(?iu)(\\d+)\\s?[ºª°](?:\\s?([a-z])\\b)?"), " PISO $1$2 "));

    static {
        String[][] suffixes = {{"ALLEY", "ALY"}, {"AVENUE", "AVE"}, {"AV", "AVE"}, {"AVEN", "AVE"},
                {"BOULEVARD", "BLVD"}, {"BOUL", "BLVD"}, {"CIRCLE", "CIR"}, {"COURT", "CT"}, {"CRESCENT", "CRES"},
                {"DRIVE", "DR"}, {"DRIV", "DR"}, {"EXPRESSWAY", "EXPY"}, {"FREEWAY", "FWY"}, {"HIGHWAY", "HWY"},
                {"LANE", "LN"}, {"PARKWAY", "PKWY"}, {"PLACE", "PL"}, {"PLAZA", "PLZ"}, {"ROAD", "RD"},
                {"SQUARE", "SQ"}, {"STREET", "ST"}, {"STR", "ST"}, {"STRT", "ST"}, {"TERRACE", "TER"},
                {"TRAIL", "TRL"}, {"TURNPIKE", "TPKE"}, {"WAY", "WAY"}, {"POINT", "PT"}, {"CROSSING", "XING"},
                {"HEIGHTS", "HTS"}, {"CENTER", "CTR"}, {"CENTRE", "CTR"}, {"GARDENS", "GDNS"}, {"ESTATES", "EST"},
                // Saint in a street's name (St. is also Street: both read ST, so either way they agree)
                {"SAINT", "ST"}, {"SAINTE", "STE"},
                // France, Spain, Italy
                {"BD", "BLVD"}, {"BVD", "BLVD"}, {"AVENIDA", "AVE"}, {"AVDA", "AVE"}, {"AVD", "AVE"},
                {"PZA", "PLZ"}, {"PLZA", "PLZ"}, {"CL", "CALLE"}, {"PZZA", "PIAZZA"}};
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
        String[][] provinces = {{"ALBERTA", "AB"}, {"BRITISH COLUMBIA", "BC"}, {"COLOMBIE BRITANNIQUE", "BC"},
                {"MANITOBA", "MB"}, {"NEW BRUNSWICK", "NB"}, {"NOUVEAU BRUNSWICK", "NB"},
                {"NEWFOUNDLAND AND LABRADOR", "NL"}, {"NEWFOUNDLAND", "NL"}, {"TERRE NEUVE ET LABRADOR", "NL"},
                {"NF", "NL"}, {"NOVA SCOTIA", "NS"}, {"NOUVELLE ECOSSE", "NS"}, {"NORTHWEST TERRITORIES", "NT"},
                {"TERRITOIRES DU NORD OUEST", "NT"}, {"NUNAVUT", "NU"}, {"ONTARIO", "ON"}, {"ONT", "ON"},
                {"PRINCE EDWARD ISLAND", "PE"}, {"ILE DU PRINCE EDOUARD", "PE"}, {"PEI", "PE"}, {"QUEBEC", "QC"},
                {"QUE", "QC"}, {"PQ", "QC"}, {"SASKATCHEWAN", "SK"}, {"SASK", "SK"}, {"YUKON", "YT"},
                {"YUKON TERRITORY", "YT"}};
        for (String[] p : provinces) {
            CA_PROVINCES.put(p[0], p[1]);
        }
        String[] ordinals = {"FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH", "SEVENTH", "EIGHTH", "NINTH",
                "TENTH", "ELEVENTH", "TWELFTH", "THIRTEENTH", "FOURTEENTH", "FIFTEENTH", "SIXTEENTH", "SEVENTEENTH",
                "EIGHTEENTH", "NINETEENTH"};
        for (int i = 0; i < ordinals.length; i++) {
            ORDINALS.put(ordinals[i], i + 1);
        }
        String[] tenths = {"TWENTIETH", "THIRTIETH", "FORTIETH", "FIFTIETH", "SIXTIETH", "SEVENTIETH", "EIGHTIETH",
                "NINETIETH"};
        for (int i = 0; i < tenths.length; i++) {
            ORDINALS.put(tenths[i], 20 + 10 * i);
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
        t = t.replace(" SAINT ", " ST ").replace(" SAINTE ", " STE ").replace(" FORT ", " FT ")
                .replace(" MOUNT ", " MT ");
        return t.trim();
    }

    private static String region(String s, String country) {
        String t = normalize(s);
        if ("US".equals(country)) {
            return US_STATES.getOrDefault(t, t);
        }
        if ("CA".equals(country)) {
            return CA_PROVINCES.getOrDefault(t, t);
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
            List<String> tokens = new ArrayList<>(List.of((normalize(expand(line1)) + " " + normalize(expand(line2)))
                    .trim().split(" ")));
            tokens.removeIf(String::isEmpty);
            tokens = poBoxes(ordinals(tokens));
            tokens.replaceAll(t -> t.matches("\\d+(BIS|TER|QUATER)") ? t.replaceAll("\\D+$", "")
                    + BIS.get(t.replaceAll("^\\d+", "")) : t);
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
                // 12 bis, 12 ter (France): the number's own letter
                if (!tokens.isEmpty() && BIS.containsKey(tokens.get(0)) && number.matches("\\d+")) {
                    number += BIS.get(tokens.remove(0));
                }
            } else {
                for (int i = tokens.size() - 1; i >= 0; i--) {
                    if (tokens.get(i).matches("\\d+[A-Z]?(-\\d+[A-Z]?)?")) {
                        number = tokens.remove(i);
                        // Keizersgracht 123 A (the Netherlands): the letter written apart is the number's
                        if (i == tokens.size() - 1 && number.matches("\\d+") && tokens.get(i).matches("[A-Z]")) {
                            number += tokens.remove(i);
                        }
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
            // C/ Mayor, C Mayor (Spain): a lone C before the name is a calle
            if (street.size() > 1 && street.get(0).equals("C")) {
                street.set(0, "CALLE");
            }
            return new Street(number, String.join(" ", street).trim(), unit);
        }

        private static String streetToken(String token) {
            String t = DIRECTIONALS.getOrDefault(token, token);
            t = SUFFIXES.getOrDefault(t, t);
            if (t.length() > 7 && t.endsWith("STRASSE")) {
                t = t.substring(0, t.length() - 7) + "ST";
            } else if (t.length() > 6 && t.endsWith("STRAAT")) {
                t = t.substring(0, t.length() - 6) + "ST";
            } else if (t.length() > 3 && t.endsWith("STR") && !t.equals("STR")) {
                t = t.substring(0, t.length() - 3) + "ST";
            } else if (t.equals("STRASSE") || t.equals("STRAAT")) {
                t = "ST";
            }
            return t;
        }

        /** Abbreviations with dots inside (p.zza, c.so, v.le, c/, nº, 3º) written out before punctuation goes. */
        private static String expand(String line) {
            if (line == null) {
                return null;
            }
            String t = line;
            for (Map.Entry<Pattern, String> e : DOTTED) {
                t = e.getKey().matcher(t).replaceAll(e.getValue());
            }
            return t;
        }

        /** Ordinals in words as digits: FIFTH is 5TH, TWENTY FIRST is 21ST. */
        private static List<String> ordinals(List<String> tokens) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                Integer tens = TENS.get(token);
                Integer unit = i + 1 < tokens.size() ? ORDINALS.get(tokens.get(i + 1)) : null;
                if (tens != null && unit != null && unit < 10) {
                    out.add(ordinal(tens + unit));
                    i++;
                } else if (ORDINALS.containsKey(token)) {
                    out.add(ordinal(ORDINALS.get(token)));
                } else {
                    out.add(token);
                }
            }
            return out;
        }

        private static String ordinal(int n) {
            int lastTwo = n % 100;
            String suffix = lastTwo >= 11 && lastTwo <= 13 ? "TH" : switch (n % 10) {
                case 1 -> "ST";
                case 2 -> "ND";
                case 3 -> "RD";
                default -> "TH";
            };
            return n + suffix;
        }

        /** A post office box however written: P O BOX, POST OFFICE BOX, POB, Postfach, BP, Apartado, Postbus. */
        private static List<String> poBoxes(List<String> tokens) {
            String joined = " " + String.join(" ", tokens) + " ";
            String box = joined.replace(" P O BOX ", " POBOX ").replace(" PO BOX ", " POBOX ")
                    .replace(" POST OFFICE BOX ", " POBOX ").replace(" POB ", " POBOX ").replace(" POSTFACH ", " POBOX ")
                    .replace(" POSTBUS ", " POBOX ").replace(" BOITE POSTALE ", " POBOX ").replace(" BP ", " POBOX ")
                    .replace(" APARTADO DE CORREOS ", " POBOX ").replace(" APARTADO ", " POBOX ")
                    .replace(" CASELLA POSTALE ", " POBOX ");
            if (box.equals(joined)) {
                return tokens;
            }
            List<String> out = new ArrayList<>(List.of(box.trim().split(" ")));
            out.removeIf(String::isEmpty);
            return out;
        }
    }
}
