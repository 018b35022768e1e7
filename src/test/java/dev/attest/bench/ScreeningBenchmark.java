package dev.attest.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.ibm.icu.text.Transliterator;

import dev.attest.cases.CountryCode;
import dev.attest.screening.EntryType;
import dev.attest.screening.SanctionsEntry;
import dev.attest.screening.SanctionsList;
import dev.attest.screening.ScreeningIndex;
import dev.attest.screening.ScreeningSubject;
import dev.attest.screening.SubjectType;

/**
 * Screening against a generated list of 60,000 entries (names from Russian, Arabic, Persian, Chinese, Western and
 * West African name pools, 1 to 3 aliases each, some in Cyrillic or Arabic script, a fifth organisations with legal
 * forms): the index's build time and heap, then 2,000 queries (half names of entries with a typo or reordered, half
 * names not on the list) at the default threshold, and a re-screening of 10,000 subjects against a delta of 500
 * entries. Prints a table; asserts nothing about time. Run with {@code ./mvnw -Pbench verify}.
 */
@Tag("benchmark")
class ScreeningBenchmark {

    static final int ENTRIES = 60_000;
    static final int QUERIES = 2_000;
    static final int SUBJECTS = 10_000;
    static final int DELTA = 500;
    static final double THRESHOLD = 0.88;

    static final String[] RU_FIRST = {"Sergey", "Aleksandr", "Dmitriy", "Andrey", "Vladimir", "Igor", "Yuriy",
            "Mikhail", "Nikolay", "Oleg", "Pavel", "Viktor", "Yevgeniy", "Anatoliy", "Boris", "Konstantin", "Roman",
            "Olga", "Tatyana", "Yelena", "Natalya", "Irina", "Svetlana", "Anna", "Mariya", "Gennadiy", "Arkadiy",
            "Vadim", "Stanislav", "Timur"};
    static final String[] RU_LAST = {"Ivanov", "Petrov", "Sidorov", "Smirnov", "Kuznetsov", "Popov", "Vasilyev",
            "Sokolov", "Mikhaylov", "Novikov", "Fedorov", "Morozov", "Volkov", "Alekseyev", "Lebedev", "Semenov",
            "Yegorov", "Pavlov", "Kozlov", "Stepanov", "Nikolayev", "Orlov", "Andreyev", "Makarov", "Nikitin",
            "Zakharov", "Zaytsev", "Solovyev", "Borisov", "Yakovlev", "Grigoryev", "Romanov", "Vorobyev", "Sergeyev",
            "Kovalenko", "Bondarenko", "Shevchenko", "Tkachenko", "Kravchenko", "Rotenberg", "Timchenko", "Deripaska",
            "Abramovich", "Usmanov", "Vekselberg", "Prigozhin", "Sechin", "Miller", "Kovalchuk", "Shamalov"};
    static final String[] AR_FIRST = {"Mohammed", "Ahmed", "Ali", "Hassan", "Hussein", "Omar", "Khalid", "Abdullah",
            "Ibrahim", "Youssef", "Mahmoud", "Mustafa", "Saeed", "Tariq", "Faisal", "Hamza", "Bilal", "Karim", "Nasser",
            "Jamal", "Fatima", "Aisha", "Maryam", "Zainab", "Abdul Rahman", "Abdul Aziz", "Salim", "Rashid", "Walid",
            "Ziad"};
    static final String[] AR_LAST = {"Al-Assad", "Hassan", "Khalil", "Haddad", "Mansour", "Nasrallah", "Al-Masri",
            "Al-Baghdadi", "Al-Zawahiri", "Qasim", "Suleiman", "Darwish", "Awad", "Saleh", "Hamdan", "Aziz", "Jaber",
            "Al-Tikriti", "Makhlouf", "Shalish", "Al-Rawi", "Barakat", "Fadlallah", "Hijazi", "Karam", "Murad",
            "Najjar", "Obeid", "Rahman", "Shami", "Tahan", "Yassin", "Zaidi", "Al-Qahtani", "Al-Harbi", "Al-Shehri",
            "Al-Ghamdi", "Al-Otaibi", "Bin Laden", "Abu Bakr"};
    static final String[] FA = {"Reza", "Mohsen", "Qasem", "Hossein", "Mahmoud", "Javad", "Abbas", "Ali Akbar",
            "Soleimani", "Rezaei", "Ahmadinejad", "Salehi", "Zarif", "Velayati", "Khamenei", "Larijani", "Rouhani",
            "Hejazi", "Naqdi", "Jafari"};
    static final String[] ZH = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu",
            "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Gao", "Wei", "Jun", "Ming", "Hong", "Hua", "Jian",
            "Kang", "Lei", "Ping", "Qiang", "Tao", "Xin", "Yong", "Zhi"};
    static final String[] WEST_FIRST = {"John", "Michael", "David", "James", "Robert", "Maria", "Jose", "Carlos",
            "Juan", "Luis", "Pierre", "Jean", "Hans", "Peter", "Thomas", "Daniel", "Laura", "Sofia", "Elena",
            "Marco", "Giovanni", "Ahmet", "Mehmet", "Ibrahim", "Kim", "Nicolas", "Viktor", "Goran", "Milorad",
            "Ramzan"};
    static final String[] WEST_LAST = {"Smith", "Garcia", "Rodriguez", "Martinez", "Lopez", "Gonzalez", "Muller",
            "Schmidt", "Dubois", "Rossi", "Bianchi", "Yilmaz", "Kaya", "Demir", "Novak", "Horvat", "Jovanovic",
            "Petrovic", "Dodik", "Kadyrov", "Ortega", "Maduro", "Cabello", "Padrino", "Escobar", "Guzman", "Zambada",
            "Caro", "Quintero", "Fonseca", "Kone", "Traore", "Diallo", "Okafor", "Mensah", "Bello", "Abubakar",
            "Sesay", "Kamara", "Bangura"};
    static final String[] ORG_WORDS = {"Trading", "Shipping", "Energy", "Oil", "Gas", "Petroleum", "Bank",
            "Investment", "Holding", "Industrial", "Construction", "Logistics", "Maritime", "Aviation", "Defense",
            "Technologies", "Electronics", "Mining", "Metals", "Chemical", "Commercial", "General", "Global",
            "International", "Resources", "Capital", "Finance", "Engineering", "Transport", "Export", "Import",
            "Development", "Group", "Systems", "Marine", "Star", "Pacific", "Golden", "Eastern", "Northern"};
    static final String[] ORG_NAMES = {"Rosneft", "Sovcom", "Almaz", "Volga", "Ural", "Sibir", "Neva", "Baltic",
            "Amur", "Kaspiy", "Zarya", "Vostok", "Aurora", "Mercury", "Orion", "Falcon", "Phoenix", "Delta", "Sigma",
            "Nova", "Atlas", "Titan", "Zenith", "Horizon", "Crescent", "Damascus", "Tehran", "Basra", "Aleppo",
            "Pyongyang", "Minsk", "Kerch", "Sevastopol", "Donbas", "Luhansk", "Caracas", "Havana", "Khartoum",
            "Tripoli", "Sanaa"};
    static final String[] LEGAL = {"Ltd", "LLC", "JSC", "PJSC", "OOO", "GmbH", "S.A.", "SARL", "Inc", "Corp", "Co.",
            "FZE", "Limited", "AO", "Pte Ltd"};
    static final String[] COUNTRIES = {"RU", "BY", "IR", "SY", "KP", "VE", "CU", "IQ", "LB", "YE", "LY", "SD", "CN",
            "AE", "TR", "UA", "AF", "PK", "ML", "NG", "CO", "MX", "RS", "BA", "GB", "DE", "CY", "CH"};

    static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    static final Transliterator TO_CYRILLIC = Transliterator.getInstance("Latin-Russian/BGN");
    static final Transliterator TO_ARABIC = Transliterator.getInstance("Latin-Arabic");

    @Test
    void sixtyThousandEntries() throws IOException {
        Random random = new Random(20);
        List<SanctionsEntry> entries = generate(random, ENTRIES, "E");
        Runtime rt = Runtime.getRuntime();
        // build three times (warm-up), keep the last; heap measured around the last build
        ScreeningIndex index = null;
        List<Double> builds = new ArrayList<>();
        List<Double> buildsCpu = new ArrayList<>();
        long heapBefore = 0;
        long heapAfter = 0;
        for (int run = 0; run < 3; run++) {
            index = null;
            System.gc();
            heapBefore = rt.totalMemory() - rt.freeMemory();
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            index = ScreeningIndex.of(run, entries);
            builds.add((System.nanoTime() - t0) / 1e6);
            buildsCpu.add((CPU.getCurrentThreadCpuTime() - c0) / 1e6);
            System.gc();
            heapAfter = rt.totalMemory() - rt.freeMemory();
        }
        List<ScreeningSubject> queries = queries(random, entries, QUERIES);
        for (ScreeningSubject q : queries.subList(0, 500)) {
            index.screen(q, THRESHOLD); // warm-up
        }
        List<Double> millis = new ArrayList<>();
        List<Double> candidates = new ArrayList<>();
        int withHits = 0;
        List<Double> cpuMillis = new ArrayList<>();
        for (ScreeningSubject q : queries) {
            long t0 = System.nanoTime();
            long c0 = CPU.getCurrentThreadCpuTime();
            int hits = index.screen(q, THRESHOLD).size();
            millis.add((System.nanoTime() - t0) / 1e6);
            cpuMillis.add((CPU.getCurrentThreadCpuTime() - c0) / 1e6);
            candidates.add((double) index.candidateCount(q));
            withHits += hits > 0 ? 1 : 0;
        }
        // re-screening: 10,000 subjects against 500 added or changed entries (delta index built in the timing)
        List<SanctionsEntry> delta = generate(new Random(21), DELTA, "D");
        List<ScreeningSubject> subjects = queries(new Random(22), delta, SUBJECTS);
        long t0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        ScreeningIndex deltaIndex = ScreeningIndex.of(-1, delta);
        int deltaHits = 0;
        for (ScreeningSubject s : subjects) {
            deltaHits += deltaIndex.screen(s, THRESHOLD).isEmpty() ? 0 : 1;
        }
        double deltaSeconds = (System.nanoTime() - t0) / 1e9;
        double deltaCpuSeconds = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;

        List<Double> sortedMillis = OwnershipAnalysisBenchmark.sorted(millis);
        List<Double> sortedCandidates = OwnershipAnalysisBenchmark.sorted(candidates);
        List<Double> sortedBuilds = OwnershipAnalysisBenchmark.sorted(builds);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%,d entries with %,d names (aliases included); %,d queries at threshold "
                + "%.2f, %,d of them with a hit; one thread; wall-clock and the thread's CPU time (the machine is shared).", index.entryCount(), index.nameCount(), queries.size(),
                THRESHOLD, withHits));
        lines.add("");
        lines.add("| figure | p50 | p95 | max |");
        lines.add("|---|---|---|---|");
        lines.add(row("one name screened (ms)", sortedMillis, "%.2f"));
        lines.add(row("one name screened, CPU of the thread (ms)", OwnershipAnalysisBenchmark.sorted(cpuMillis),
                "%.2f"));
        lines.add(row("names compared per query", sortedCandidates, "%.0f"));
        lines.add(row("index built (ms, 3 builds)", sortedBuilds, "%.0f"));
        lines.add(row("index built, CPU of the thread (ms)", OwnershipAnalysisBenchmark.sorted(buildsCpu), "%.0f"));
        lines.add(String.format(Locale.ROOT, "| index heap (MiB, after GC) | %.0f | | |",
                (heapAfter - heapBefore) / 1048576.0));
        lines.add(String.format(Locale.ROOT, "| re-screening %,d subjects against %d entries (s) | %.2f | | |",
                SUBJECTS, DELTA, deltaSeconds));
        lines.add(String.format(Locale.ROOT, "| re-screening, CPU of the thread (s) | %.2f | | |", deltaCpuSeconds));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Re-screening: %,d of the %,d subjects had a hit.", deltaHits, SUBJECTS));
        System.out.println();
        lines.forEach(System.out::println);
        DocumentStorageBenchmark.write("screening", lines.stream().map(l -> l.strip()).toList());
    }

    static String row(String name, List<Double> sorted, String format) {
        double p50 = sorted.get(sorted.size() / 2);
        double p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        double max = sorted.get(sorted.size() - 1);
        return String.format(Locale.ROOT, "| %s | " + format + " | " + format + " | " + format + " |", name, p50, p95,
                max);
    }

    /** Entries from the name pools; ids prefixed so that two generated lists do not share ids. */
    static List<SanctionsEntry> generate(Random random, int count, String prefix) {
        List<SanctionsEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean organisation = random.nextInt(5) == 0;
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            List<String> aliases = new ArrayList<>();
            String name;
            List<String> births = new ArrayList<>();
            if (organisation) {
                name = pick(random, ORG_NAMES) + " " + pick(random, ORG_WORDS)
                        + (random.nextBoolean() ? " " + pick(random, ORG_WORDS) : "") + " " + pick(random, LEGAL);
                if (random.nextInt(3) == 0) {
                    aliases.add(TO_CYRILLIC.transliterate(name.replaceAll(" \\S+$", "")) + " ООО");
                }
                if (random.nextBoolean()) {
                    aliases.add(name.replaceAll(" \\S+$", "") + " " + pick(random, LEGAL));
                }
            } else {
                int pool = random.nextInt(5);
                String first;
                String last;
                String middle = "";
                switch (pool) {
                    case 0 -> {
                        first = pick(random, RU_FIRST);
                        last = pick(random, RU_LAST);
                        middle = " " + pick(random, RU_FIRST) + "ovich";
                    }
                    case 1 -> {
                        first = pick(random, AR_FIRST);
                        last = pick(random, AR_LAST);
                        middle = random.nextBoolean() ? " " + pick(random, AR_FIRST) : "";
                    }
                    case 2 -> {
                        first = pick(random, FA);
                        last = pick(random, FA);
                    }
                    case 3 -> {
                        first = pick(random, ZH) + " " + pick(random, ZH).toLowerCase(Locale.ROOT);
                        last = pick(random, ZH);
                    }
                    default -> {
                        first = pick(random, WEST_FIRST);
                        last = pick(random, WEST_LAST);
                        middle = random.nextInt(3) == 0 ? " " + pick(random, WEST_FIRST) : "";
                    }
                }
                name = last.toUpperCase(Locale.ROOT) + ", " + first + middle;
                aliases.add(first + " " + last);
                if (pool == 0 && random.nextBoolean()) {
                    aliases.add(TO_CYRILLIC.transliterate(last + " " + first));
                }
                if (pool == 1 && random.nextBoolean()) {
                    aliases.add(TO_ARABIC.transliterate((first + " " + last).toLowerCase(Locale.ROOT)));
                }
                if (random.nextInt(3) == 0) {
                    aliases.add(typo(random, first) + " " + last);
                }
                int year = 1940 + random.nextInt(60);
                births.add(random.nextInt(4) == 0 ? String.valueOf(year)
                        : LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)).toString());
            }
            entries.add(new SanctionsEntry(SanctionsList.values()[i % SanctionsList.values().length], prefix + i,
                    organisation ? EntryType.ORGANISATION : EntryType.PERSON, name, aliases, births,
                    Set.of(new CountryCode(country)), List.of("PROGRAMME"), "", prefix + i));
        }
        return entries;
    }

    /** Half names of entries (with a typo, or the tokens reordered), half names made from the pools. */
    static List<ScreeningSubject> queries(Random random, List<SanctionsEntry> entries, int count) {
        List<ScreeningSubject> queries = new ArrayList<>(count);
        List<SanctionsEntry> others = generate(new Random(random.nextLong()), count, "Q");
        for (int i = 0; i < count; i++) {
            if (i % 2 == 0) {
                SanctionsEntry e = entries.get(random.nextInt(entries.size()));
                String name = e.aliases().isEmpty() ? e.name() : e.aliases().get(0);
                List<String> tokens = new ArrayList<>(List.of(name.split(" ")));
                Collections.reverse(tokens);
                name = random.nextBoolean() ? typo(random, name) : String.join(" ", tokens);
                queries.add(ScreeningSubject.of(name, null, null, e.type() == EntryType.PERSON ? SubjectType.PERSON
                        : SubjectType.ORGANISATION));
            } else {
                SanctionsEntry e = others.get(i);
                String name = e.aliases().isEmpty() ? e.name() : e.aliases().get(0);
                queries.add(ScreeningSubject.of(name, null, null, SubjectType.UNKNOWN));
            }
        }
        return queries;
    }

    static String typo(Random random, String s) {
        if (s.length() < 4) {
            return s;
        }
        int at = 1 + random.nextInt(s.length() - 2);
        char[] c = s.toCharArray();
        char swap = c[at];
        c[at] = c[at + 1];
        c[at + 1] = swap;
        return new String(c);
    }

    static String pick(Random random, String[] pool) {
        return pool[random.nextInt(pool.length)];
    }

    /** Runs the benchmark outside Maven's test phase: {@code java -cp ... dev.attest.bench.ScreeningBenchmark}. */
    public static void main(String[] args) throws IOException {
        new ScreeningBenchmark().sixtyThousandEntries();
    }
}
