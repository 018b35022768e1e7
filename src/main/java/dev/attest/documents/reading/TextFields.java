package dev.attest.documents.reading;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.attest.cases.CountryCode;
import dev.attest.documents.AddressComparison.Written;
import dev.attest.documents.reading.DocumentReading.Field;
import dev.attest.documents.reading.DocumentReading.Span;

/**
 * Finds a bill's or statement's fields in its text (PDF text or OCR): the holder's name, the postal address, the
 * document's date, the issuer and the issuing country. The text is read line by line as a person would: an
 * address block is a street line with a house number above a line with a postal code and a city in one of the
 * formats of the US, Canada, the UK, Germany, France, Spain, Italy and the Netherlands (and a country line below,
 * when there is one); the holder is the line above it, or the value of a label ("Account holder:", "Name:");
 * the date is the value of a label ("Statement date", "Rechnungsdatum", "Date de facture"...), the issuer the
 * organisation named at the top or after "issued by".
 * <p>
 * Each value comes with how sure the finder is (1.0 for a labelled value, less for one found by its place) and
 * where in the text it was found. Pure functions, thread-safe; bounded by the text's length (the reader keeps at
 * most {@link DocumentReading#MAX_TEXT} characters), with no pattern that can backtrack without bound.
 */
final class TextFields {

    /**
     * A value found, how sure the finder is, and where.
     *
     * @param <T> the value's type
     */
    record Found<T>(T value, double confidence, int start, int end) {
    }

    /**
     * What the text says.
     *
     * @param fullName the holder's name
     * @param address the postal address
     * @param documentDate the document's date
     * @param issuer who issued it
     * @param issuingCountry where it was issued
     * @param documentNumber an identity document's number, from a label
     * @param dateOfBirth a date of birth, from a label
     * @param expiresOn an expiry date, from a label
     */
    record Fields(Found<String> fullName, Found<Written> address, Found<LocalDate> documentDate,
            Found<String> issuer, Found<CountryCode> issuingCountry, Found<String> documentNumber,
            Found<LocalDate> dateOfBirth, Found<LocalDate> expiresOn) {

        List<Span> spans() {
            List<Span> spans = new ArrayList<>();
            add(spans, Field.FULL_NAME, fullName);
            add(spans, Field.ADDRESS, address);
            add(spans, Field.DOCUMENT_DATE, documentDate);
            add(spans, Field.ISSUER, issuer);
            add(spans, Field.ISSUING_COUNTRY, issuingCountry);
            add(spans, Field.DOCUMENT_NUMBER, documentNumber);
            add(spans, Field.DATE_OF_BIRTH, dateOfBirth);
            add(spans, Field.EXPIRES_ON, expiresOn);
            return spans;
        }

        private static void add(List<Span> spans, Field field, Found<?> found) {
            if (found != null && found.end() > found.start()) {
                spans.add(new Span(field, found.start(), found.end()));
            }
        }
    }

    /** One line of the text and where it starts. */
    record Line(String text, int start) {

        int end() {
            return start + text.length();
        }

        String trimmed() {
            return text.strip();
        }

        int trimmedStart() {
            int i = 0;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return start + i;
        }
    }

    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        String[][] months = {
                {"january", "jan", "januar", "janvier", "janv", "enero", "ene", "januari", "gennaio", "gen", "jänner"},
                {"february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero", "februari", "febbraio"},
                {"march", "mar", "märz", "maerz", "mars", "marzo", "maart", "mrt", "mär"},
                {"april", "apr", "avril", "avr", "abril", "abr", "aprile"},
                {"may", "mai", "mayo", "may", "mei", "maggio", "mag"},
                {"june", "jun", "juni", "juin", "junio", "giugno", "giu"},
                {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug"},
                {"august", "aug", "août", "aout", "agosto", "ago", "augustus"},
                {"september", "sep", "sept", "septembre", "septiembre", "settembre", "set"},
                {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott"},
                {"november", "nov", "novembre", "noviembre"},
                {"december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre"}};
        for (int m = 0; m < months.length; m++) {
            for (String name : months[m]) {
                MONTHS.put(name, m + 1);
            }
        }
    }

    private static final String MONTH_NAMES = "(?:" + String.join("|", MONTHS.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).toList()) + ")";
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern NUMERIC_DATE = Pattern.compile("\\b(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th|er|º|\\.)?\\s{0,3}"
            + "(?:de\\s)?(" + MONTH_NAMES + ")\\.?,?\\s{0,3}(?:de\\s)?(\\d{4})\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b(" + MONTH_NAMES
            + ")\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{1,3}(\\d{4})\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Labels of a document's own date, in the languages of the countries read (lower case, no accents). */
    private static final List<String> DATE_LABELS = List.of("statement date", "bill date", "billing date",
            "date of issue", "issue date", "issued on", "date issued", "invoice date", "date of statement",
            "rechnungsdatum", "ausstellungsdatum", "belegdatum", "datum der rechnung", "erstellt am",
            "date de facture", "date de la facture", "date d'emission", "date d emission", "emise le", "date du releve",
            "fecha de emision", "fecha de factura", "fecha de la factura", "fecha del extracto", "factuurdatum",
            "datum factuur", "datum van uitgifte", "data di emissione", "data fattura", "data della fattura",
            "data emissione", "statement issued", "date");
    /** Labels of other dates, which are not the document's. */
    private static final List<String> OTHER_DATE_LABELS = List.of("due", "pay by", "payment", "period", "from",
            "to ", "until", "falligkeit", "faellig", "fallig", "zahlbar", "zeitraum", "echeance", "periode", "vencimiento",
            "periodo", "vervaldatum", "scadenza", "birth", "expir", "valid");
    private static final List<String> NAME_LABELS = List.of("account holder", "account name", "customer name",
            "name", "customer", "holder", "kontoinhaber", "kunde", "name des kunden", "titulaire", "titulaire du compte",
            "nom", "client", "titular", "nombre", "cliente", "rekeninghouder", "naam", "klant", "intestatario",
            "nominativo");
    private static final Pattern TITLE = Pattern.compile("^(?:mr|mrs|ms|miss|mx|dr|prof|herr|frau|m|mme|mlle|sr|sra|"
            + "srta|d|dna|dhr|mevr|mw|sig|sig\\.ra|sigra|signor|signora)\\.?\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORGANISATION = Pattern.compile("\\b(?:inc|llc|ltd|limited|plc|corp|corporation|"
            + "company|co|gmbh|ag|kg|se|sa|sas|sarl|s\\.a|s\\.l|sl|spa|s\\.p\\.a|srl|bv|b\\.v|nv|n\\.v|bank|banque|"
            + "banco|banca|energy|energie|energia|electric|electricity|power|gas|water|utilities|utility|telecom|"
            + "mobile|wireless|stadtwerke|services|group|insurance|versicherung|sparkasse|volksbank|eau|agua|acqua|"
            + "federal credit union|credit union|building society)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISSUED_BY = Pattern.compile("(?i)(?:issued by|ausgestellt von|emis par|emitido por|"
            + "uitgegeven door|emesso da)\\s*:?\\s*(.+)");
    /** Words that start a line which is no name and no issuer: document titles and labels. */
    private static final Set<String> NOT_NAMES = Set.of("invoice", "bill", "statement", "account", "page", "date",
            "rechnung", "kontoauszug", "facture", "releve", "factura", "extracto", "factuur", "afschrift", "fattura",
            "estratto", "customer", "service", "total", "amount", "balance", "summary", "your", "ihre", "votre",
            "su", "uw", "la", "le", "el", "de", "der", "die", "das", "the", "to", "for", "an", "a", "bill to",
            "ship to", "payment", "tel", "phone", "email", "www", "http", "https", "iban", "bic", "swift", "vat",
            "ust", "tva", "iva", "btw", "kvk", "siret", "cif", "nif");

    private static final Pattern US_CITY_LINE = Pattern.compile("^(.{2,40}?),?\\s+([A-Z]{2})\\.?\\s+(\\d{5}(?:-\\d{4})?)$");
    private static final Pattern CA_CITY_LINE = Pattern.compile(
            "^(.{2,40}?),?\\s+([A-Z]{2})\\.?\\s+([A-Za-z]\\d[A-Za-z]\\s?\\d[A-Za-z]\\d)$");
    private static final Pattern UK_POSTCODE = Pattern.compile("\\b([A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2})$");
    private static final Pattern EU_CITY_LINE = Pattern.compile("^(?:(D|F|E|I|NL|DE|FR|ES|IT)[- ])?(\\d{5})\\s+(.{2,40})$");
    private static final Pattern NL_CITY_LINE = Pattern.compile("^(?:NL[- ])?(\\d{4}\\s?[A-Z]{2})\\s+(.{2,40})$");
    private static final Pattern HOUSE_NUMBER = Pattern.compile("\\d");
    /** Countries as their own people write them on an address's last line. */
    private static final Map<String, String> NATIVE_COUNTRY_NAMES = Map.ofEntries(Map.entry("deutschland", "DE"),
            Map.entry("espana", "ES"), Map.entry("italia", "IT"), Map.entry("nederland", "NL"),
            Map.entry("belgique", "BE"), Map.entry("belgie", "BE"), Map.entry("osterreich", "AT"),
            Map.entry("schweiz", "CH"), Map.entry("suisse", "CH"), Map.entry("svizzera", "CH"),
            Map.entry("royaume-uni", "GB"), Map.entry("etats-unis", "US"));
    private static final Pattern PO_BOX = Pattern.compile("(?i)\\b(?:p\\.?\\s?o\\.?\\s?box|post office box|postfach|"
            + "boite postale|bp|apartado|casella postale|postbus)\\b");
    private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL",
            "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
            "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
            "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP");
    private static final Set<String> CA_PROVINCES = Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE",
            "QC", "SK", "YT");

    private TextFields() {
    }

    /** The fields of a bill or statement. */
    static Fields find(String text) {
        List<Line> lines = lines(text);
        String language = language(text);
        List<AddressBlock> blocks = addressBlocks(lines, language);
        Found<String> issuer = issuer(lines);
        AddressBlock holderBlock = holderBlock(blocks, lines, issuer);
        Found<String> name = labelledName(lines);
        if (name == null && holderBlock != null) {
            name = nameAbove(lines, holderBlock, issuer);
        }
        Found<Written> address = holderBlock == null ? null : holderBlock.found();
        String country = holderBlock != null ? holderBlock.country() : countryOfLanguage(language);
        Found<LocalDate> date = documentDate(lines, country);
        Found<CountryCode> issuing = issuingCountry(blocks, holderBlock, issuer, lines, language);
        return new Fields(name, address, date, issuer, issuing, null, null, null);
    }

    /** The fields an identity document's visual zone labels (number, birth, expiry, name), read by OCR. */
    static Fields findIdentity(String text, String country) {
        List<Line> lines = lines(text);
        Found<String> number = labelledValue(lines, List.of("passport no", "passport number", "document no",
                "document number", "dl no", "dl", "lic no", "license no", "licence no", "id no", "id number", "no"),
                "[A-Z0-9][A-Z0-9 -]{4,18}[A-Z0-9]");
        Found<LocalDate> birth = labelledDate(lines, List.of("date of birth", "dob", "birth date", "born"), country);
        Found<LocalDate> expiry = labelledDate(lines, List.of("date of expiry", "expiry date", "expires", "exp",
                "expiration date", "valid until", "gultig bis"), country);
        Found<String> name = labelledName(lines);
        return new Fields(name, null, null, null, null, number, birth, expiry);
    }

    static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                String line = text.substring(start, i);
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                lines.add(new Line(line, start));
                start = i + 1;
            }
        }
        return lines;
    }

    // ---------------------------------------------------------------------------------------------- addresses

    /** An address block: its lines and what they say. */
    record AddressBlock(int firstLine, int lastLine, Written address, String country, double confidence, int start,
            int end) {

        Found<Written> found() {
            return new Found<>(address, confidence, start, end);
        }
    }

    private static List<AddressBlock> addressBlocks(List<Line> lines, String language) {
        List<AddressBlock> blocks = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trimmed();
            if (line.isEmpty() || line.length() > 80) {
                continue;
            }
            CityLine city = cityLine(line, language);
            if (city == null) {
                continue;
            }
            int streetIndex = previousNonBlank(lines, i);
            if (streetIndex < 0) {
                continue;
            }
            if (city.city() == null) {
                // a UK postcode on its own line: the post town is the line above it
                String town = lines.get(streetIndex).trimmed();
                if (!cityName(town)) {
                    continue;
                }
                city = new CityLine(town, null, city.postalCode(), city.country());
                streetIndex = previousNonBlank(lines, streetIndex);
                if (streetIndex < 0) {
                    continue;
                }
            }
            String street = streetWords(lines.get(streetIndex).trimmed());
            String line2 = null;
            int first = streetIndex;
            if (!looksLikeStreet(street)) {
                continue;
            }
            // a second address line (flat, unit) under or over the street line
            int above = previousNonBlank(lines, streetIndex);
            if (above >= 0 && looksLikeStreet(lines.get(above).trimmed()) && isUnitLine(street)) {
                line2 = street;
                street = streetWords(lines.get(above).trimmed());
                first = above;
            } else if (above >= 0 && isUnitLine(lines.get(above).trimmed())
                    && looksLikeStreet(lines.get(above).trimmed())) {
                line2 = lines.get(above).trimmed();
                first = above;
            }
            String country = city.country();
            int last = i;
            int next = nextNonBlank(lines, i);
            double confidence = 0.9;
            if (next >= 0) {
                Optional<CountryCode> named = CountryCode.fromName(lines.get(next).trimmed())
                        .or(() -> Optional.ofNullable(NATIVE_COUNTRY_NAMES.get(plain(lines.get(next).trimmed())))
                                .map(CountryCode::new));
                if (named.isEmpty() && lines.get(next).trimmed().length() <= 3) {
                    named = CountryCode.find(lines.get(next).trimmed())
                            .filter(c -> Set.of("US", "USA", "UK", "GB", "CA", "DE", "FR", "ES", "IT", "NL")
                                    .contains(lines.get(next).trimmed().toUpperCase(Locale.ROOT)));
                }
                if (named.isPresent()) {
                    country = named.get().value();
                    last = next;
                    confidence = 1.0;
                }
            }
            if (country == null) {
                continue;
            }
            Written address = new Written(street, line2, city.city(), city.region(), city.postalCode(), country);
            Line firstLine = lines.get(first);
            blocks.add(new AddressBlock(first, last, address, country, confidence, firstLine.trimmedStart(),
                    lines.get(last).end()));
        }
        return blocks;
    }

    private record CityLine(String city, String region, String postalCode, String country) {
    }

    private static CityLine cityLine(String line, String language) {
        Matcher m = US_CITY_LINE.matcher(line);
        if (m.matches() && US_STATES.contains(m.group(2)) && cityName(m.group(1))) {
            return new CityLine(m.group(1).strip(), m.group(2), m.group(3), "US");
        }
        m = CA_CITY_LINE.matcher(line);
        if (m.matches() && CA_PROVINCES.contains(m.group(2)) && cityName(m.group(1))) {
            return new CityLine(m.group(1).strip(), m.group(2), m.group(3).toUpperCase(Locale.ROOT), "CA");
        }
        m = NL_CITY_LINE.matcher(line);
        if (m.matches() && cityName(m.group(2))) {
            return new CityLine(m.group(2).strip(), null, m.group(1), "NL");
        }
        m = EU_CITY_LINE.matcher(line);
        if (m.matches()) {
            String rest = m.group(3).strip();
            String region = null;
            // Italy writes the province after the city: 00184 Roma RM, or 00184 Roma (RM)
            Matcher province = Pattern.compile("^(.+?)\\s+\\(?([A-Z]{2})\\)?$").matcher(rest);
            String country = euCountry(m.group(1), language);
            if (province.matches() && ("IT".equals(country) || country == null)) {
                rest = province.group(1);
                region = province.group(2);
                country = "IT";
            }
            if (cityName(rest)) {
                return new CityLine(rest, region, m.group(2), country);
            }
        }
        m = UK_POSTCODE.matcher(line);
        if (m.find()) {
            String before = line.substring(0, m.start()).strip().replaceAll(",$", "").strip();
            String postcode = m.group(1);
            if (before.isEmpty()) {
                return new CityLine(null, null, postcode, "GB");
            }
            if (cityName(before)) {
                return new CityLine(before, null, postcode, "GB");
            }
        }
        return null;
    }

    private static String euCountry(String prefix, String language) {
        if (prefix != null) {
            return switch (prefix) {
                case "D", "DE" -> "DE";
                case "F", "FR" -> "FR";
                case "E", "ES" -> "ES";
                case "I", "IT" -> "IT";
                default -> "NL";
            };
        }
        return countryOfLanguage(language);
    }

    private static boolean cityName(String s) {
        String t = s.strip();
        return t.length() >= 2 && t.length() <= 40 && !HOUSE_NUMBER.matcher(t).find()
                && Character.isLetter(t.charAt(0)) && t.chars().filter(Character::isLetter).count() >= 2
                && t.split("\\s+").length <= 5;
    }

    private static boolean looksLikeStreet(String s) {
        if (s.isEmpty() || s.length() > 60 || !s.chars().anyMatch(Character::isLetter)) {
            return false;
        }
        if (PO_BOX.matcher(s).find()) {
            return true;
        }
        if (!HOUSE_NUMBER.matcher(s).find()) {
            return false;
        }
        String lower = plain(s);
        for (String word : List.of("tel", "phone", "fax", "iban", "account", "invoice", "date", "konto", "kunden",
                "total", "amount", "balance", "page", "seite", "www", "@")) {
            if (lower.startsWith(word) || lower.contains(" " + word + " ") || lower.contains(word + ":")) {
                return false;
            }
        }
        // no date, no amount of money: a street line is words and a house number
        return !ISO_DATE.matcher(s).find() && !NUMERIC_DATE.matcher(s).find()
                && !s.matches(".*[$€£]\\s?\\d.*|.*\\d[.,]\\d{2}\\b.*");
    }

    /** OCR's English model has no ß: "Friedrichstrale", "FriedrichstraBe", "Friedrichstrafe" are a Straße. */
    private static final Pattern MISREAD_STRASSE = Pattern.compile("(?<=\\p{L})stra(?:lR|lB|IR|1R|B|l|f|fi|8|6|R)e\\b");

    static String streetWords(String street) {
        return MISREAD_STRASSE.matcher(street).replaceAll("straße");
    }

    private static boolean isUnitLine(String s) {
        return s.matches("(?i)^(?:apt|apartment|suite|ste|unit|flat|floor|fl|#|wohnung|whg|etage|appt|"
                + "appartement|piso|interno|int|bus)\\b.*");
    }

    private static AddressBlock holderBlock(List<AddressBlock> blocks, List<Line> lines, Found<String> issuer) {
        if (blocks.isEmpty()) {
            return null;
        }
        AddressBlock best = null;
        double bestScore = -1;
        for (AddressBlock block : blocks) {
            double score = 0;
            int above = previousNonBlank(lines, block.firstLine());
            if (above >= 0) {
                String name = lines.get(above).trimmed();
                if (issuer != null && lines.get(above).trimmedStart() == issuer.start()) {
                    score -= 2;
                } else if (ORGANISATION.matcher(name).find()) {
                    score -= 1;
                } else if (personName(name) != null) {
                    score += 2;
                }
                if (TITLE.matcher(name).find()) {
                    score += 1;
                }
            }
            if (score > -2 && score > bestScore) {
                bestScore = score;
                best = block;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------------------------------------- names

    private static Found<String> nameAbove(List<Line> lines, AddressBlock block, Found<String> issuer) {
        int above = previousNonBlank(lines, block.firstLine());
        if (above < 0) {
            return null;
        }
        Line line = lines.get(above);
        if (issuer != null && line.trimmedStart() == issuer.start()) {
            return null;
        }
        String name = personName(line.trimmed());
        if (name == null || ORGANISATION.matcher(name).find()) {
            return null;
        }
        int start = line.trimmedStart() + line.trimmed().indexOf(name);
        return new Found<>(name, 0.85, start, start + name.length());
    }

    private static Found<String> labelledName(List<Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String text = line.trimmed();
            int colon = text.indexOf(':');
            if (colon <= 0 || colon > 30) {
                continue;
            }
            String label = plain(text.substring(0, colon)).strip();
            if (!NAME_LABELS.contains(label)) {
                continue;
            }
            String value = text.substring(colon + 1).strip();
            Line where = line;
            if (value.isEmpty()) {
                int next = nextNonBlank(lines, i);
                if (next < 0) {
                    continue;
                }
                where = lines.get(next);
                value = where.trimmed();
            }
            String name = personName(value);
            if (name != null) {
                int start = where.start() + where.text().indexOf(name);
                return new Found<>(name, 1.0, start, start + name.length());
            }
        }
        return null;
    }

    /** The name in a line that reads as a person's name (titles dropped), or {@code null}. */
    static String personName(String line) {
        String s = line.strip();
        Matcher title = TITLE.matcher(s);
        while (title.find()) {
            s = s.substring(title.end()).strip();
            title = TITLE.matcher(s);
        }
        if (s.length() < 3 || s.length() > 60 || HOUSE_NUMBER.matcher(s).find()) {
            return null;
        }
        String[] words = s.split("\\s+");
        if (words.length < 2 || words.length > 6) {
            return null;
        }
        if (NOT_NAMES.contains(plain(words[0]).replaceAll("[^a-z]", ""))) {
            return null;
        }
        for (String word : words) {
            if (!word.matches("[\\p{L}][\\p{L}'’.-]*,?")) {
                return null;
            }
        }
        if (!Character.isUpperCase(s.charAt(0))) {
            return null;
        }
        return s.replaceAll(",$", "");
    }

    // ---------------------------------------------------------------------------------------------- issuer

    private static Found<String> issuer(List<Line> lines) {
        for (Line line : lines) {
            Matcher by = ISSUED_BY.matcher(line.text());
            if (by.find()) {
                String value = by.group(1).strip().replaceAll("[.,;]+$", "");
                if (value.length() >= 2 && value.length() <= 80) {
                    int start = line.start() + by.start(1);
                    return new Found<>(value, 1.0, start, start + value.length());
                }
            }
        }
        int seen = 0;
        for (Line line : lines) {
            String text = line.trimmed();
            if (text.isEmpty()) {
                continue;
            }
            if (++seen > 4) {
                break;
            }
            if (text.length() > 60 || !Character.isLetter(text.charAt(0))) {
                continue;
            }
            String first = plain(text.split("\\s+")[0]).replaceAll("[^a-z]", "");
            if (NOT_NAMES.contains(first) || ISO_DATE.matcher(text).find() || NUMERIC_DATE.matcher(text).find()
                    || text.contains(":")) {
                continue;
            }
            boolean organisation = ORGANISATION.matcher(text).find();
            if (!organisation && personName(text) != null && TITLE.matcher(text).find()) {
                continue;
            }
            return new Found<>(text, organisation ? 0.9 : 0.7, line.trimmedStart(), line.trimmedStart()
                    + text.length());
        }
        return null;
    }

    private static Found<CountryCode> issuingCountry(List<AddressBlock> blocks, AddressBlock holder,
            Found<String> issuer, List<Line> lines, String language) {
        // the issuer's own address block, when the document prints one
        for (AddressBlock block : blocks) {
            if (block == holder) {
                continue;
            }
            int above = previousNonBlank(lines, block.firstLine());
            if (issuer != null && above >= 0 && lines.get(above).trimmedStart() == issuer.start()) {
                return new Found<>(new CountryCode(block.country()), 0.9, block.start(), block.end());
            }
        }
        if (holder != null) {
            return new Found<>(new CountryCode(holder.country()), 0.7, 0, 0);
        }
        String country = countryOfLanguage(language);
        return country == null || "en".equals(language) ? null : new Found<>(new CountryCode(country), 0.5, 0, 0);
    }

    // ---------------------------------------------------------------------------------------------- dates

    private static Found<LocalDate> documentDate(List<Line> lines, String country) {
        Found<LocalDate> labelled = labelledDate(lines, DATE_LABELS, country);
        if (labelled != null) {
            return labelled;
        }
        // no label: the first date of the document that no other label claims
        for (Line line : lines) {
            String lower = plain(line.text());
            if (OTHER_DATE_LABELS.stream().anyMatch(lower::contains)) {
                continue;
            }
            Found<LocalDate> date = firstDate(line.text(), line.start(), country);
            if (date != null) {
                return new Found<>(date.value(), 0.6, date.start(), date.end());
            }
        }
        return null;
    }

    private static Found<LocalDate> labelledDate(List<Line> lines, List<String> labels, String country) {
        for (String label : labels) {
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                String lower = plain(line.text());
                int at = labelAt(lower, label);
                if (at < 0) {
                    continue;
                }
                String after = line.text().substring(Math.min(line.text().length(), at + label.length()));
                if ("date".equals(label) && OTHER_DATE_LABELS.stream().anyMatch(lower::contains)) {
                    continue;
                }
                Found<LocalDate> date = firstDate(after, line.start() + at + label.length(), country);
                if (date == null) {
                    int next = nextNonBlank(lines, i);
                    if (next >= 0 && next <= i + 2) {
                        Line below = lines.get(next);
                        date = firstDate(below.text(), below.start(), country);
                        if (date != null && date.start() - below.start() > 3
                                && !below.trimmed().startsWith(below.text().substring(date.start() - below.start()))) {
                            date = null;
                        }
                    }
                }
                if (date != null) {
                    return new Found<>(date.value(), 1.0, date.start(), date.end());
                }
            }
        }
        return null;
    }

    /** Where a label starts in a plain line, as whole words; -1 when it is not there. */
    private static int labelAt(String plainLine, String label) {
        int from = 0;
        while (true) {
            int at = plainLine.indexOf(label, from);
            if (at < 0) {
                return -1;
            }
            boolean startOk = at == 0 || !Character.isLetter(plainLine.charAt(at - 1));
            int end = at + label.length();
            boolean endOk = end >= plainLine.length() || !Character.isLetter(plainLine.charAt(end));
            if (startOk && endOk) {
                return at;
            }
            from = at + 1;
        }
    }

    /** The first date in a piece of text, with where it is (offsets into the whole text). */
    static Found<LocalDate> firstDate(String s, int offset, String country) {
        Found<LocalDate> best = null;
        Matcher m = ISO_DATE.matcher(s);
        if (m.find()) {
            LocalDate d = date(m.group(1), m.group(2), m.group(3));
            if (d != null) {
                best = new Found<>(d, 1.0, offset + m.start(), offset + m.end());
            }
        }
        m = NUMERIC_DATE.matcher(s);
        while (m.find()) {
            if (best != null && best.start() - offset <= m.start()) {
                break;
            }
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            String year = m.group(4).length() == 2 ? "20" + m.group(4) : m.group(4);
            boolean monthFirst = "US".equals(country) && !".".equals(m.group(2));
            if (a > 12 && b <= 12) {
                monthFirst = false;
            } else if (b > 12 && a <= 12) {
                monthFirst = true;
            }
            LocalDate d = monthFirst ? date(year, String.valueOf(a), String.valueOf(b))
                    : date(year, String.valueOf(b), String.valueOf(a));
            if (d != null) {
                best = new Found<>(d, 1.0, offset + m.start(), offset + m.end());
                break;
            }
        }
        m = DAY_MONTH_YEAR.matcher(s);
        while (m.find()) {
            if (best != null && best.start() - offset <= m.start()) {
                break;
            }
            Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            LocalDate d = month == null ? null : date(m.group(3), String.valueOf(month), m.group(1));
            if (d != null) {
                best = new Found<>(d, 1.0, offset + m.start(), offset + m.end());
                break;
            }
        }
        m = MONTH_DAY_YEAR.matcher(s);
        while (m.find()) {
            if (best != null && best.start() - offset <= m.start()) {
                break;
            }
            Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
            LocalDate d = month == null ? null : date(m.group(3), String.valueOf(month), m.group(2));
            if (d != null) {
                best = new Found<>(d, 1.0, offset + m.start(), offset + m.end());
                break;
            }
        }
        return best;
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            int y = Integer.parseInt(year);
            if (y < 1900 || y > 2200) {
                return null;
            }
            return LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static Found<String> labelledValue(List<Line> lines, List<String> labels, String valuePattern) {
        Pattern value = Pattern.compile("^[\\s:.#]*(" + valuePattern + ")");
        for (String label : labels) {
            for (Line line : lines) {
                String lower = plain(line.text());
                int at = labelAt(lower, label);
                if (at < 0) {
                    continue;
                }
                int from = at + label.length();
                Matcher m = value.matcher(line.text().substring(Math.min(from, line.text().length())));
                if (m.find()) {
                    String v = m.group(1).strip();
                    int start = line.start() + from + m.start(1);
                    return new Found<>(v, 0.9, start, start + v.length());
                }
            }
        }
        return null;
    }

    /** The language of a document's words, by the labels it uses: en, de, fr, es, it, nl; {@code null} if unsure. */
    static String language(String text) {
        String t = " " + plain(text).replaceAll("[\\s:]+", " ") + " ";
        Map<String, List<String>> words = Map.of(
                "de", List.of(" rechnung", " kunden", "stras", " datum", " betrag", " sehr geehrte", " ihre ",
                        " und ", " gmbh", " konto"),
                "fr", List.of(" facture", " rue ", " montant", " votre ", " client", " releve", " avenue ",
                        " date d", " et ", " le "),
                "es", List.of(" factura", " calle ", " fecha", " importe", " cliente", " su ", " avenida", " del ",
                        " y ", " de la "),
                "it", List.of(" fattura", " via ", " data ", " importo", " cliente", " il ", " della ", " piazza",
                        " e ", " di "),
                "nl", List.of(" factuur", "straat", " datum", " bedrag", " klant", " uw ", " het ", " en ", " van ",
                        " laan"),
                "en", List.of(" invoice", " statement", " date", " amount", " account", " your ", " the ", " and ",
                        " bill", " balance"));
        String best = null;
        int bestCount = 1;
        for (String language : List.of("de", "fr", "es", "it", "nl", "en")) {
            int count = 0;
            for (String w : words.get(language)) {
                if (t.contains(w)) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = language;
                bestCount = count;
            }
        }
        return best;
    }

    private static String countryOfLanguage(String language) {
        if (language == null) {
            return null;
        }
        return switch (language) {
            case "de" -> "DE";
            case "fr" -> "FR";
            case "es" -> "ES";
            case "it" -> "IT";
            case "nl" -> "NL";
            default -> null;
        };
    }

    /**
     * Lower case without accents, for comparing labels; one character for each (ß reads as s), so that an index
     * into it is an index into the text.
     */
    static String plain(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                b.append(Character.toLowerCase(c));
            } else if (c == 'ß' || c == 'ẞ') {
                b.append('s');
            } else {
                String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                b.append(Character.toLowerCase(d.charAt(0)));
            }
        }
        return b.toString();
    }

    private static int previousNonBlank(List<Line> lines, int index) {
        for (int i = index - 1; i >= 0 && i >= index - 3; i--) {
            if (!lines.get(i).trimmed().isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static int nextNonBlank(List<Line> lines, int index) {
        for (int i = index + 1; i < lines.size() && i <= index + 3; i++) {
            if (!lines.get(i).trimmed().isEmpty()) {
                return i;
            }
        }
        return -1;
    }
}
