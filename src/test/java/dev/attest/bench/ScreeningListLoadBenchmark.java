package dev.attest.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.attest.screening.ListFile;
import dev.attest.screening.ListFormat;
import dev.attest.screening.SampleLists;
import dev.attest.screening.SanctionsEntry;
import dev.attest.screening.internal.ListEntryStore;
import dev.attest.screening.internal.ListParsing;
import dev.attest.screening.internal.ParsedList;

/**
 * Loading a generated list of 60,000 entries (two in three persons with an alias, a date of birth and a
 * nationality; organisations with an alias and a country) in each format, from a file: SHA-256 and streaming
 * parse, then storing the entries (JDBC batches into H2 in memory, the V17 tables) and reading them back as at
 * start-up. Reports seconds and the heap: the peak while loading and what the 60,000 parsed entries keep.
 * Asserts nothing about time. Run with {@code ./mvnw -Pbench verify}, or on its own through {@link #main}.
 */
@Tag("benchmark")
class ScreeningListLoadBenchmark {

    static final int ENTRIES = 60_000;

    @Test
    void loadSixtyThousandEntriesInEachFormat() throws Exception {
        run();
    }

    public static void main(String[] args) throws Exception {
        run();
    }

    static void run() throws Exception {
        List<SampleLists.Sample> samples = SampleLists.many(ENTRIES);
        Path dir = Files.createTempDirectory("attest-list-bench");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:screening-bench;DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        String ddl = Files.readString(Path.of("src/main/resources/db/migration/postgresql/V17__sanctions_lists.sql"));
        for (String statement : ddl.split(";")) {
            String s = statement.replaceAll("(?m)^--.*$", "").strip();
            if (s.startsWith("create table")) {
                jdbc.execute(s);
            }
        }
        ListEntryStore store = new ListEntryStore(jdbc);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Sanctions list load benchmark: %,d generated entries per file, %d cores,"
                + " %d MiB max heap", ENTRIES, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        lines.add(String.format(Locale.ROOT, "%-14s %9s %10s %9s %9s %10s %10s", "format", "file MiB", "parse s",
                "store s", "read s", "peak MiB", "kept MiB"));
        long version = 0;
        for (ListFormat format : ListFormat.values()) {
            Map<String, byte[]> files = SampleLists.files(format, samples);
            Path main = dir.resolve(SampleLists.fileName(format));
            Files.write(main, files.get("file"));
            Path alt = null;
            if (files.containsKey("aliases")) {
                alt = dir.resolve("alt.csv");
                Files.write(alt, files.get("aliases"));
            }
            long size = Files.size(main) + (alt == null ? 0 : Files.size(alt));
            files = null;
            // one warm-up, then the measured run
            parse(format, main, alt);
            System.gc();
            long baseline = usedHeap();
            resetPeaks();
            long t0 = System.nanoTime();
            ParsedList parsed = parse(format, main, alt);
            long t1 = System.nanoTime();
            long peak = peakHeap();
            System.gc();
            long kept = usedHeap() - baseline;
            version++;
            jdbc.update("insert into screening_list_version (id, list_name, version_number, format, sha256, entry_count,"
                    + " added, removed, changed, loaded_by, loaded_at, source_name) values (?, ?, ?, ?, ?, ?, 0, 0, 0,"
                    + " 'bench', current_timestamp, 'bench')", version, format.list().name(), version, format.name(),
                    "x".repeat(64), parsed.entries().size());
            long t2 = System.nanoTime();
            store.insert(version, parsed.entries());
            long t3 = System.nanoTime();
            List<SanctionsEntry> read = store.load(version, format.list());
            long t4 = System.nanoTime();
            if (read.size() != ENTRIES || parsed.entries().size() != ENTRIES) {
                throw new IllegalStateException(format + ": " + parsed.entries().size() + " parsed, " + read.size()
                        + " read");
            }
            lines.add(String.format(Locale.ROOT, "%-14s %9.1f %10.2f %9.2f %9.2f %10d %10d", format,
                    size / 1048576.0, (t1 - t0) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9,
                    (peak - baseline) / (1024 * 1024), kept / (1024 * 1024)));
            parsed = null;
            read = null;
            Files.delete(main);
            if (alt != null) {
                Files.delete(alt);
            }
        }
        lines.add("parse: SHA-256 + streaming parse + fingerprints from the file; store/read: JDBC batches into H2 in "
                + "memory and back; peak: the heap pools' high-water marks above the baseline while parsing (an upper bound); kept: heap the parsed "
                + "entries hold");
        Files.delete(dir);
        System.out.println();
        lines.forEach(System.out::println);
        DocumentStorageBenchmark.write("screening-lists", lines);
        Files.writeString(Path.of("target", "benchmarks", "screening-lists.txt"), String.join("\n", lines),
                StandardCharsets.UTF_8);
    }

    static ParsedList parse(ListFormat format, Path main, Path alt) throws IOException {
        ListFile file = ListFile.of(main);
        ListFile aliases = alt == null ? null : ListFile.of(alt);
        long max = 1024L * 1024 * 1024;
        try (ListParsing.Prepared prepared = ListParsing.prepare(format, file, aliases, max)) {
            ListParsing.sha256(prepared, max);
            return ListParsing.parse(format, prepared, max, 1_000_000);
        }
    }

    static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
