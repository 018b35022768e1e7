package dev.attest.screening;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

/**
 * Turns a name as written into the tokens screening compares: transliterated to Latin (ICU: Russian BGN/PCGN for
 * Cyrillic, the way the lists spell Russian names, then any other script), without diacritics, lower case, without
 * punctuation, without honorifics and titles (persons) or legal-form words (organisations), and the Arabic article
 * ({@code al-}, {@code el-}) set aside. Each token also has a consonant skeleton, so that a name written in Arabic
 * (where short vowels are not written) can be compared with its Latin spellings.
 */
final class NameNormalisation {

    /**
     * Honorifics and titles: not part of who a person is. Words that are also common given names or surnames (Amir,
     * Sayed, Imam, He) are not among them.
     */
    static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor",
            "sir", "dame", "lord", "lady", "sheikh", "shaikh", "sheik", "shaykh", "cheikh", "haji", "hajji", "hadji",
            "hajj", "alhaji", "alhajj", "mullah", "mulla", "general", "gen",
            "colonel", "col", "major", "maj", "captain", "capt", "lieutenant", "lt", "rev", "reverend", "father",
            "hon", "honorable", "honourable", "excellency", "mme", "mlle", "herr", "frau",
            "gospodin", "jr", "sr", "junior", "senior");

    /** Legal-form words and phrases (already normalised), longest first where one contains another. */
    static final List<List<String>> LEGAL_FORMS = legalForms("obshchestvo s ogranichennoy otvetstvennostyu",
            "public joint stock company", "open joint stock company", "closed joint stock company",
            "limited liability company", "limited liability partnership", "joint stock company", "public limited company",
            "private limited company", "company limited", "ltd", "limited", "llc", "llp", "lp", "plc", "inc",
            "incorporated", "corp", "corporation", "co", "company", "gmbh", "mbh", "ag", "kg", "se", "sa", "sarl", "sas",
            "srl", "spa", "bv", "nv", "ooo", "oao", "zao", "pao", "ao", "jsc", "pjsc", "ojsc", "cjsc", "tov", "fze",
            "fzco", "fzc", "fzllc", "pte", "pty", "sdn", "bhd", "kft", "ab", "oy", "doo", "sal", "wll", "est");

    private static final Set<String> ARTICLES = Set.of("al", "el", "ul", "al-", "el-", "ul-");
    private static final Pattern INITIALS = Pattern.compile("(\\p{L}\\.)+\\p{L}?");
    // one transliterator per script: Any-Latin works out the script of every run of text and is ten times slower
    private static final ThreadLocal<Transliterator> CYRILLIC = transliterator("Russian-Latin/BGN; Latin-ASCII");
    private static final ThreadLocal<Transliterator> ARABIC = transliterator("Arabic-Latin; Latin-ASCII");
    private static final ThreadLocal<Transliterator> LATIN = transliterator("Latin-ASCII");
    private static final ThreadLocal<Transliterator> ANY = transliterator("Any-Latin; Latin-ASCII");

    private NameNormalisation() {
    }

    /**
     * A name's tokens and what was done to get them.
     *
     * @param original the name as written
     * @param tokens the tokens compared, in the name's order
     * @param skeletons each token's consonant skeleton (no vowels, y or w; no doubled letters)
     * @param transliterated the name was (partly) in another script than Latin
     * @param abjad the name was written in Arabic or Hebrew script (short vowels not written)
     * @param honorificsRemoved a title or honorific was set aside
     * @param legalFormRemoved a legal-form word was set aside
     */
    record NormalisedName(String original, String[] tokens, String[] skeletons, boolean transliterated, boolean abjad,
            boolean honorificsRemoved, boolean legalFormRemoved) {

        boolean isEmpty() {
            return tokens.length == 0;
        }

        /** The total length of the tokens. */
        int length() {
            int sum = 0;
            for (String t : tokens) {
                sum += t.length();
            }
            return sum;
        }
    }

    /**
     * Normalises a name.
     *
     * @param organisation whether legal-form words (rather than honorifics) are set aside
     */
    static NormalisedName normalise(String name, boolean organisation) {
        boolean ascii = true;
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                if (Character.isLetter(c)) {
                    UnicodeScript script = UnicodeScript.of(c);
                    if (script != UnicodeScript.LATIN && script != UnicodeScript.COMMON) {
                        scripts.add(script);
                    }
                }
            }
        }
        boolean transliterated = !scripts.isEmpty();
        boolean abjad = scripts.contains(UnicodeScript.ARABIC) || scripts.contains(UnicodeScript.HEBREW);
        String latin = ascii ? name : toLatin(name, scripts);
        List<String> raw = new ArrayList<>();
        for (String chunk : latin.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (INITIALS.matcher(chunk).matches()) {
                chunk = chunk.replace(".", ""); // S.A., U.S.A.
            }
            // apostrophes and the ayn/hamza marks join (O'Brien, Rosneft'), other punctuation separates
            chunk = chunk.replaceAll("['`\u2018\u2019\u02BB\u02BC\u02BE\u02BF\u02B9\u02BA\"]", "");
            // the Arabic article written with a hyphen: al-Assad, el-Sayed
            for (String article : ARTICLES) {
                if (article.endsWith("-") && chunk.startsWith(article) && chunk.length() > article.length() + 1) {
                    chunk = chunk.substring(article.length());
                    break;
                }
            }
            for (String part : chunk.split("[^a-z0-9]+")) {
                if (!part.isEmpty()) {
                    raw.add(part);
                }
            }
        }
        List<String> tokens = new ArrayList<>(raw);
        boolean honorifics = false;
        boolean legalForm = false;
        if (organisation) {
            legalForm = removeLegalForms(tokens);
        } else {
            honorifics = tokens.removeIf(t -> HONORIFICS.contains(t) && tokens.size() > 1);
        }
        // the Arabic article standing alone (Al Assad), or joined to the name in Arabic script (alrhmn)
        if (tokens.size() > 1) {
            tokens.removeIf(t -> ARTICLES.contains(t));
        }
        if (abjad) {
            tokens.replaceAll(t -> t.startsWith("al") && t.length() >= 5 ? t.substring(2) : t);
        }
        if (tokens.isEmpty() && !raw.isEmpty()) {
            tokens.addAll(raw); // a name that is only a title or a legal form is compared as written
            honorifics = false;
            legalForm = false;
        }
        String[] t = tokens.toArray(String[]::new);
        String[] s = Arrays.stream(t).map(NameNormalisation::skeleton).toArray(String[]::new);
        return new NormalisedName(name, t, s, transliterated, abjad, honorifics, legalForm);
    }

    private static String toLatin(String name, Set<UnicodeScript> scripts) {
        Transliterator first = scripts.isEmpty() ? LATIN.get()
                : scripts.equals(Set.of(UnicodeScript.CYRILLIC)) ? CYRILLIC.get()
                : scripts.equals(Set.of(UnicodeScript.ARABIC)) ? ARABIC.get() : ANY.get();
        String latin = first.transliterate(name);
        for (int i = 0; i < latin.length(); i++) {
            if (latin.charAt(i) >= 0x80 && Character.isLetter(latin.charAt(i))) {
                return ANY.get().transliterate(latin); // a letter the script's own rules left (e.g. Ukrainian)
            }
        }
        return latin;
    }

    private static ThreadLocal<Transliterator> transliterator(String id) {
        return ThreadLocal.withInitial(() -> Transliterator.getInstance(id));
    }

    /** The consonants of a token, without vowels, y and w (long vowels in Arabic script), no letter doubled. */
    static String skeleton(String token) {
        StringBuilder out = new StringBuilder(token.length());
        char last = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if ("aeiouyw".indexOf(c) >= 0) {
                continue;
            }
            if (c != last) {
                out.append(c);
            }
            last = c;
        }
        return out.toString();
    }

    private static boolean removeLegalForms(List<String> tokens) {
        boolean removed = false;
        for (List<String> form : LEGAL_FORMS) {
            for (int i = 0; i + form.size() <= tokens.size(); i++) {
                if (tokens.subList(i, i + form.size()).equals(form) && tokens.size() > form.size()) {
                    tokens.subList(i, i + form.size()).clear();
                    removed = true;
                    i--;
                }
            }
        }
        return removed;
    }

    private static List<List<String>> legalForms(String... forms) {
        return Arrays.stream(forms).map(f -> List.of(f.split(" "))).toList();
    }
}
