package dev.attest.screening;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.attest.cases.CountryCode;
import dev.attest.screening.NameNormalisation.NormalisedName;

/**
 * Entries ready to be screened against, immutable: every name of every entry normalised once, and a blocking index
 * from each token's first three letters and first three consonants to the names that have such a token, so that a
 * query compares the names sharing a token with it (a few hundred of 60,000 entries), not all of them. A name is a
 * candidate when it shares keys with two of the subject's tokens (or with all of them, or all of its own, when there
 * are fewer), or with one token whose keys are rare (at most {@value #RARE} names).
 *
 * <p>The score of a candidate is its name similarity ({@link NameSimilarity}), then adjusted when both sides have
 * them: date of birth (the same date {@value #SAME_DATE}, month {@value #SAME_MONTH} or year {@value #SAME_YEAR}
 * raise it; more than a year apart lowers it by {@value #OTHER_DATE}, which rules a person out at any threshold above
 * 0.7) and country ({@value #SAME_COUNTRY} when one is shared, {@value #OTHER_COUNTRY} when none is).
 */
public final class ScreeningIndex {

    static final int RARE = 400;
    static final double SAME_DATE = 0.05;
    static final double SAME_MONTH = 0.04;
    static final double SAME_YEAR = 0.03;
    static final double OTHER_DATE = -0.30;
    static final double SAME_COUNTRY = 0.03;
    static final double OTHER_COUNTRY = -0.05;

    private final long generation;
    private final SanctionsEntry[] entries;
    private final List<List<Birth>> births;
    private final NormalisedName[] names;
    private final int[] nameEntry;
    private final boolean[] alias;
    private final Map<String, int[]> keys;

    private ScreeningIndex(long generation, Collection<SanctionsEntry> source) {
        this.generation = generation;
        this.entries = source.toArray(SanctionsEntry[]::new);
        this.births = new ArrayList<>(entries.length);
        List<NormalisedName> allNames = new ArrayList<>(entries.length * 3);
        List<Integer> owner = new ArrayList<>(entries.length * 3);
        List<Boolean> isAlias = new ArrayList<>(entries.length * 3);
        Map<String, IntList> building = new HashMap<>();
        for (int e = 0; e < entries.length; e++) {
            SanctionsEntry entry = entries[e];
            births.add(entry.birthDates().stream().map(Birth::parse).filter(b -> b != null).toList());
            boolean organisation = entry.type() != EntryType.PERSON;
            List<String> all = new ArrayList<>(1 + entry.aliases().size());
            all.add(entry.name());
            all.addAll(entry.aliases());
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < all.size(); k++) {
                String written = all.get(k);
                if (written == null || written.isBlank()) {
                    continue;
                }
                NormalisedName name = NameNormalisation.normalise(written, organisation);
                if (name.isEmpty() || !seen.add(String.join(" ", name.tokens()) + (k == 0 ? "" : "|"))) {
                    continue;
                }
                int id = allNames.size();
                allNames.add(name);
                owner.add(e);
                isAlias.add(k > 0);
                for (String key : keys(name)) {
                    building.computeIfAbsent(key, x -> new IntList()).add(id);
                }
            }
        }
        this.names = allNames.toArray(NormalisedName[]::new);
        this.nameEntry = owner.stream().mapToInt(Integer::intValue).toArray();
        this.alias = new boolean[isAlias.size()];
        for (int i = 0; i < alias.length; i++) {
            alias[i] = isAlias.get(i);
        }
        this.keys = new HashMap<>(building.size() * 2);
        building.forEach((key, ids) -> keys.put(key, ids.toDistinctArray()));
    }

    /**
     * Builds an index.
     *
     * @param generation the {@link ListsInForce#generation()} the entries are of (any number for a delta)
     */
    public static ScreeningIndex of(long generation, Collection<SanctionsEntry> entries) {
        return new ScreeningIndex(generation, entries);
    }

    /** The generation of the lists in force this index was built from. */
    public long generation() {
        return generation;
    }

    /** How many entries it holds. */
    public int entryCount() {
        return entries.length;
    }

    /** How many names (primary names and aliases) it holds. */
    public int nameCount() {
        return names.length;
    }

    /**
     * The entries that may designate the subject: each entry once (its best-matching name), scoring at least the
     * threshold, best first.
     */
    public List<ScreeningHit> screen(ScreeningSubject subject, double threshold) {
        List<NormalisedName> asPerson = new ArrayList<>();
        List<NormalisedName> asOrganisation = new ArrayList<>();
        for (String written : subject.names()) {
            if (subject.type() != SubjectType.ORGANISATION) {
                add(asPerson, NameNormalisation.normalise(written, false));
            }
            if (subject.type() != SubjectType.PERSON) {
                add(asOrganisation, NameNormalisation.normalise(written, true));
            }
        }
        Map<Integer, Best> best = new HashMap<>();
        for (int id : candidates(asPerson.isEmpty() ? asOrganisation : asPerson,
                asPerson.isEmpty() ? List.of() : asOrganisation)) {
            SanctionsEntry entry = entries[nameEntry[id]];
            if (!subject.type().comparesWith(entry.type())) {
                continue;
            }
            boolean organisation = entry.type() != EntryType.PERSON;
            List<NormalisedName> compared = organisation ? asOrganisation : asPerson;
            for (NormalisedName mine : compared.isEmpty() ? (organisation ? asPerson : asOrganisation) : compared) {
                NameSimilarity.Result r = NameSimilarity.compare(mine, names[id]);
                Best b = best.get(nameEntry[id]);
                if (b == null || r.score() > b.result.score()) {
                    best.put(nameEntry[id], new Best(id, mine, r));
                }
            }
        }
        List<ScreeningHit> hits = new ArrayList<>();
        for (Map.Entry<Integer, Best> e : best.entrySet()) {
            // an adjustment can raise a score at most SAME_DATE + SAME_COUNTRY: nothing lower can reach the threshold
            if (e.getValue().result.score() + SAME_DATE + SAME_COUNTRY < threshold) {
                continue;
            }
            ScreeningHit hit = explain(subject, e.getKey(), e.getValue());
            if (hit.score() >= threshold) {
                hits.add(hit);
            }
        }
        hits.sort(Comparator.comparingDouble(ScreeningHit::score).reversed()
                .thenComparing(ScreeningHit::list).thenComparing(ScreeningHit::entryId));
        return hits;
    }

    /** How many names a query for the subject compares (for the benchmark's report). */
    public int candidateCount(ScreeningSubject subject) {
        List<NormalisedName> mine = subject.names().stream().map(n -> NameNormalisation.normalise(n,
                subject.type() == SubjectType.ORGANISATION)).filter(n -> !n.isEmpty()).toList();
        return candidates(mine, List.of()).length;
    }

    private static void add(List<NormalisedName> names, NormalisedName name) {
        if (!name.isEmpty()) {
            names.add(name);
        }
    }

    private record Best(int nameId, NormalisedName subjectName, NameSimilarity.Result result) {
    }

    private int[] candidates(List<NormalisedName> first, List<NormalisedName> second) {
        IntList out = new IntList();
        int[] count = new int[names.length];
        int[] stamp = new int[names.length];
        boolean[] rare = new boolean[names.length];
        int round = 0;
        for (List<NormalisedName> group : List.of(first, second)) {
            for (NormalisedName name : group) {
                IntList touched = new IntList();
                for (int t = 0; t < name.tokens().length; t++) {
                    round++;
                    int size = 0;
                    List<int[]> buckets = new ArrayList<>(2);
                    for (String key : tokenKeys(name.tokens()[t], name.skeletons()[t])) {
                        int[] bucket = keys.get(key);
                        if (bucket != null) {
                            buckets.add(bucket);
                            size += bucket.length;
                        }
                    }
                    boolean rareToken = size <= RARE;
                    for (int[] bucket : buckets) {
                        for (int id : bucket) {
                            if (stamp[id] != round) {
                                stamp[id] = round;
                                if (count[id] == 0 && !rare[id]) {
                                    touched.add(id);
                                }
                                count[id]++;
                                rare[id] |= rareToken;
                            }
                        }
                    }
                }
                int tokens = name.tokens().length;
                for (int k = 0; k < touched.size; k++) {
                    int id = touched.values[k];
                    int needed = Math.min(2, Math.min(tokens, names[id].tokens().length));
                    if (count[id] >= needed || rare[id]) {
                        out.add(id);
                    }
                    count[id] = 0;
                    rare[id] = false;
                }
            }
        }
        return out.toDistinctArray();
    }

    private static List<String> keys(NormalisedName name) {
        List<String> keys = new ArrayList<>();
        for (int t = 0; t < name.tokens().length; t++) {
            keys.addAll(tokenKeys(name.tokens()[t], name.skeletons()[t]));
        }
        return keys;
    }

    private static List<String> tokenKeys(String token, String skeleton) {
        String prefix = "p" + token.substring(0, Math.min(3, token.length()));
        if (skeleton.length() < 2) {
            return List.of(prefix);
        }
        return List.of(prefix, "s" + skeleton.substring(0, Math.min(3, skeleton.length())));
    }

    private ScreeningHit explain(ScreeningSubject subject, int entryIndex, Best best) {
        SanctionsEntry entry = entries[entryIndex];
        NormalisedName matched = names[best.nameId];
        double score = best.result.score();
        List<String> reasons = new ArrayList<>();
        reasons.add(String.format(Locale.ROOT, "name '%s' ~ %s '%s' %.2f (%s)", best.subjectName.original(),
                alias[best.nameId] ? "alias" : "name", matched.original(), score,
                String.join(", ", NameSimilarity.notes(best.result, best.subjectName, matched))));
        if (subject.dateOfBirth() != null && !births.get(entryIndex).isEmpty()) {
            Adjustment a = birth(subject.dateOfBirth(), births.get(entryIndex));
            score += a.change;
            reasons.add(a.reason);
        }
        if (!subject.countries().isEmpty() && !entry.countries().isEmpty()) {
            Set<String> shared = new TreeSet<>();
            for (CountryCode c : subject.countries()) {
                if (entry.countries().contains(c)) {
                    shared.add(c.value());
                }
            }
            if (!shared.isEmpty()) {
                score += SAME_COUNTRY;
                reasons.add(String.format(Locale.ROOT, "country %s matches: +%.2f", String.join(", ", shared),
                        SAME_COUNTRY));
            } else {
                score += OTHER_COUNTRY;
                reasons.add(String.format(Locale.ROOT, "country %s is not the entry's (%s): −%.2f",
                        subject.countries().stream().map(CountryCode::value).sorted().collect(Collectors.joining(", ")),
                        entry.countries().stream().map(CountryCode::value).sorted().collect(Collectors.joining(", ")),
                        -OTHER_COUNTRY));
            }
        }
        score = Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000.0;
        return new ScreeningHit(entry.list(), entry.entryId(), entry.type(), entry.name(), matched.original(),
                best.subjectName.original(), score, reasons, entry.fingerprint());
    }

    private record Adjustment(double change, String reason) {
    }

    /** The adjustment for the entry's birth date nearest to the subject's. */
    static Adjustment birth(LocalDate date, List<Birth> births) {
        Birth nearest = null;
        long nearestDays = Long.MAX_VALUE;
        for (Birth b : births) {
            long days = b.daysFrom(date);
            if (days < nearestDays) {
                nearest = b;
                nearestDays = days;
            }
        }
        if (nearestDays == 0) {
            return switch (nearest.precision) {
                case DAY -> new Adjustment(SAME_DATE, String.format(Locale.ROOT, "date of birth %s matches: +%.2f",
                        date, SAME_DATE));
                case MONTH -> new Adjustment(SAME_MONTH, String.format(Locale.ROOT,
                        "month of birth %s matches: +%.2f", nearest.written, SAME_MONTH));
                case YEAR -> new Adjustment(SAME_YEAR, String.format(Locale.ROOT, "year of birth %s matches: +%.2f",
                        nearest.written, SAME_YEAR));
            };
        }
        if (nearestDays <= 366) {
            return new Adjustment(0, "date of birth " + date + " is within a year of the entry's " + nearest.written
                    + ": no change");
        }
        long years = Math.max(1, Math.round(nearestDays / 365.25));
        return new Adjustment(OTHER_DATE, String.format(Locale.ROOT,
                "date of birth %s differs from the entry's %s by %d year%s: −%.2f", date, nearest.written, years,
                years == 1 ? "" : "s", -OTHER_DATE));
    }

    enum Precision {
        DAY, MONTH, YEAR
    }

    /** A date of birth as a list gives it: a day, a month or a year. */
    record Birth(String written, LocalDate from, LocalDate to, Precision precision) {

        static Birth parse(String written) {
            if (written == null) {
                return null;
            }
            String s = written.strip();
            try {
                if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    LocalDate d = LocalDate.parse(s);
                    return new Birth(s, d, d, Precision.DAY);
                }
                if (s.matches("\\d{4}-\\d{2}")) {
                    YearMonth m = YearMonth.parse(s);
                    return new Birth(s, m.atDay(1), m.atEndOfMonth(), Precision.MONTH);
                }
                if (s.matches("\\d{4}")) {
                    int y = Integer.parseInt(s);
                    return new Birth(s, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), Precision.YEAR);
                }
            } catch (RuntimeException e) {
                return null; // not a date: the entry is compared without it
            }
            return null;
        }

        /** Days between the date and this birth date's span (0 inside it). */
        long daysFrom(LocalDate date) {
            if (date.isBefore(from)) {
                return ChronoUnit.DAYS.between(date, from);
            }
            if (date.isAfter(to)) {
                return ChronoUnit.DAYS.between(to, date);
            }
            return 0;
        }
    }

    /** A growable array of ints (the index holds millions of them: no boxing). */
    private static final class IntList {
        int[] values = new int[4];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        int[] toDistinctArray() {
            return Arrays.stream(values, 0, size).distinct().toArray();
        }
    }
}
