package dev.attest.screening.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.attest.cases.CountryCode;
import dev.attest.screening.EntryType;
import dev.attest.screening.SanctionsEntry;
import dev.attest.screening.SanctionsList;

/**
 * Collects one entry's details as a file gives them: text cleaned (control and invisible characters dropped,
 * white space collapsed), cut to sensible lengths, duplicates dropped; the first name given is the primary name,
 * later ones aliases. {@link #build()} computes the fingerprint.
 */
final class EntryBuilder {

    static final int MAX_NAME = 500;
    static final int MAX_REMARKS = 1000;
    static final int MAX_NAMES = 500;
    static final int MAX_VALUES = 100;

    private final SanctionsList list;
    private String entryId;
    private EntryType type = EntryType.OTHER;
    private String name;
    private final Set<String> aliases = new LinkedHashSet<>();
    private final Set<String> birthDates = new LinkedHashSet<>();
    private final Set<CountryCode> countries = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
    private final Set<String> programmes = new LinkedHashSet<>();
    private final StringBuilder remarks = new StringBuilder();

    EntryBuilder(SanctionsList list) {
        this.list = list;
    }

    EntryBuilder id(String id) {
        this.entryId = clean(id, 100);
        return this;
    }

    String id() {
        return entryId;
    }

    EntryBuilder type(EntryType type) {
        this.type = type;
        return this;
    }

    /** A name: the first becomes the primary name, the others aliases. */
    EntryBuilder name(String raw) {
        String n = clean(raw, MAX_NAME);
        if (n == null) {
            return this;
        }
        if (name == null) {
            name = n;
            aliases.remove(n);
        } else if (!n.equals(name) && aliases.size() < MAX_NAMES) {
            aliases.add(n);
        }
        return this;
    }

    /** The primary name, replacing one given before (which becomes an alias). */
    EntryBuilder primaryName(String raw) {
        String n = clean(raw, MAX_NAME);
        if (n == null) {
            return this;
        }
        if (name != null && !name.equals(n)) {
            aliases.add(name);
        }
        name = n;
        aliases.remove(n);
        return this;
    }

    boolean hasName() {
        return name != null;
    }

    EntryBuilder birthDates(List<String> dates) {
        for (String d : dates) {
            if (birthDates.size() < MAX_VALUES) {
                birthDates.add(d);
            }
        }
        return this;
    }

    /** A country by code or English name; one that cannot be read is skipped. */
    EntryBuilder country(String raw) {
        if (countries.size() < MAX_VALUES) {
            Countries.read(raw).forEach(countries::add);
        }
        return this;
    }

    EntryBuilder programme(String raw) {
        String p = clean(raw, 200);
        if (p != null && programmes.size() < MAX_VALUES) {
            programmes.add(p);
        }
        return this;
    }

    EntryBuilder remark(String raw) {
        String r = clean(raw, MAX_REMARKS);
        if (r != null && remarks.length() < MAX_REMARKS) {
            if (!remarks.isEmpty()) {
                remarks.append("; ");
            }
            remarks.append(r);
        }
        return this;
    }

    SanctionsEntry build() {
        String r = remarks.length() > MAX_REMARKS ? remarks.substring(0, MAX_REMARKS - 1) + "…" : remarks.toString();
        List<String> aliasList = new ArrayList<>(aliases);
        List<String> dates = new ArrayList<>(birthDates);
        List<String> programmeList = new ArrayList<>(programmes);
        return new SanctionsEntry(list, entryId, type, name, aliasList, dates, countries, programmeList, r,
                fingerprint(list, entryId, type, name, aliasList, dates, countries, programmeList, r));
    }

    static String fingerprint(SanctionsList list, String id, EntryType type, String name, List<String> aliases,
            List<String> dates, Set<CountryCode> countries, List<String> programmes, String remarks) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        field(sha, list.name());
        field(sha, id);
        field(sha, type.name());
        field(sha, name);
        new TreeSet<>(aliases).forEach(a -> item(sha, a));
        field(sha, "");
        new TreeSet<>(dates).forEach(d -> item(sha, d));
        field(sha, "");
        countries.stream().map(CountryCode::value).sorted().forEach(c -> item(sha, c));
        field(sha, "");
        new TreeSet<>(programmes).forEach(p -> item(sha, p));
        field(sha, "");
        field(sha, remarks);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void field(MessageDigest sha, String value) {
        sha.update((value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static void item(MessageDigest sha, String value) {
        sha.update(value.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 1);
    }

    /** Text as a file gives it, without control or invisible characters, white space collapsed; blank is null. */
    static String clean(String raw, int max) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < raw.length() && out.length() <= max; ) {
            int c = raw.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                space = !out.isEmpty();
                continue;
            }
            if (Character.getType(c) == Character.FORMAT) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(c);
        }
        if (out.isEmpty()) {
            return null;
        }
        return out.length() > max ? out.substring(0, max - 1) + "…" : out.toString();
    }
}
