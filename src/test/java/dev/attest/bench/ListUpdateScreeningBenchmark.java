package dev.attest.bench;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.screening.ListFile;
import dev.attest.screening.ListFormat;
import dev.attest.screening.ListUpdateScreening;
import dev.attest.screening.ListVersion;
import dev.attest.screening.ListVersionLoaded;
import dev.attest.screening.SampleLists;
import dev.attest.screening.SanctionsList;
import dev.attest.screening.SanctionsLists;

/**
 * Re-screening after a list update, end to end (issue 20, point 4): 5,000 open cases with two screened subjects each
 * (the client, a person, and the business, an organisation: 10,000 subjects) in the database, then a UN list version
 * of 500 new entries, 100 of them designating a case's client. Times the version's load (parse, store, commit) with
 * the re-screening it sets off (the subjects read from the database, screened against the 500 entries only, a run
 * and a Screening process with a review task for each case with a hit), and a second delivery of the same event
 * (everything screened again, nothing new recorded). H2 in memory; asserts nothing about time. Run with
 * {@code ./mvnw -Pbench verify}, or offline through {@link #main} (the Spring test context without the JUnit
 * launcher).
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:rescreening-benchmark;DB_CLOSE_DELAY=-1",
        "attest.demo.enabled=false", "attest.bootstrap-admin.password=benchmark-only",
        "attest.documents.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "camunda.bpm.job-execution.enabled=false", "logging.level.root=warn"})
@ActiveProfiles("test")
@Tag("benchmark")
class ListUpdateScreeningBenchmark {

    static final int CASES = 5_000;
    static final int ENTRIES = 500;
    static final int DESIGNATED = 100;

    @Autowired JdbcTemplate jdbc;
    @Autowired SanctionsLists lists;
    @Autowired ListUpdateScreening rescreening;

    @Test
    void tenThousandSubjectsAfterAListUpdate() throws IOException {
        Random random = new Random(20);
        String[] given = {"Ivan", "Olga", "Ahmad", "Maria", "Chen", "Fatima", "Juan", "Aisha", "Dmitri", "Leila",
            "Pedro", "Anna", "Omar", "Sofia", "Kofi", "Mei"};
        List<String> clients = new ArrayList<>();
        List<Object[]> caseRows = new ArrayList<>();
        List<Object[]> subjectRows = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        long base = 900_000_000L + random.nextInt(1_000_000);
        for (int i = 0; i < CASES; i++) {
            UUID id = UUID.randomUUID();
            String client = given[random.nextInt(given.length)] + " " + word(random, 8);
            String business = word(random, 7) + " Trading " + word(random, 5) + " LLC";
            clients.add(client);
            caseRows.add(new Object[] {id, base + i, String.format(Locale.ROOT, "CASE-2026-B%06d", i), client,
                business, now, now});
            subjectRows.add(new Object[] {id, key(i, "P"), "INTAKE_CLIENT", "PERSON", client, "US", now, now});
            subjectRows.add(new Object[] {id, key(i, "O"), "INTAKE_BUSINESS", "ORGANISATION", business, "US", now,
                now});
        }
        jdbc.batchUpdate("insert into case_file (id, number, reference, type, status, priority, client_full_name, "
                + "client_business_name, client_email, client_country, marketplace, address_line1, address_city, "
                + "address_postal_code, address_country, account_suspended, lost_email_access, lost_phone_access, "
                + "uses_voip_number, opened_by, created_at, updated_at, version) values (?, ?, ?, "
                + "'SELLER_VERIFICATION', 'IN_PROGRESS', 'NORMAL', ?, ?, 'bench@example.com', 'US', 'amazon.com', "
                + "'1 Main St', 'Springfield', '12345', 'US', false, false, false, false, 'bench', ?, ?, 0)",
                caseRows);
        jdbc.batchUpdate("insert into screening_subject (case_id, subject_key, source, ownership_version, "
                + "subject_type, name, country, first_screened_at, last_screened_at) values (?, ?, ?, 0, ?, ?, ?, ?, "
                + "?)", subjectRows);
        List<SampleLists.Sample> entries = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            String id = String.valueOf(80_000 + i);
            if (i < DESIGNATED) {
                String[] name = clients.get(i * (CASES / DESIGNATED)).split(" ", 2);
                entries.add(new SampleLists.Sample(id, name[0], name[1].toUpperCase(Locale.ROOT), true, "", "", ""));
            } else {
                entries.add(new SampleLists.Sample(id, given[random.nextInt(given.length)], word(random, 9), true,
                        "", "", ""));
            }
        }
        var files = SampleLists.files(ListFormat.UN_XML, entries);

        long t0 = System.nanoTime();
        ListVersion loaded = RunAs.user("admin", () -> lists.load(ListFormat.UN_XML, ListFile.of("un.xml",
                files.get("file")), null), Role.ADMIN);
        double answerSeconds = (System.nanoTime() - t0) / 1e9;
        ListVersion version = dev.attest.screening.SanctionsListsTests.awaitRescreened(lists, loaded);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        long runs = count("select count(*) from screening_run where list_version_id = ?", version.id());
        long tasks = count("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'Task_ReviewScreeningHits'");

        List<String> ids = jdbc.queryForList("select entry_id from screening_list_entry where version_id = ?",
                String.class, version.id());
        long t1 = System.nanoTime();
        ListUpdateScreening.Result again = rescreening.rescreen(new ListVersionLoaded(SanctionsList.UN, version.id(),
                java.util.Set.copyOf(ids), java.util.Set.of()));
        double againSeconds = (System.nanoTime() - t1) / 1e9;
        long runsAfter = count("select count(*) from screening_run where list_version_id = ?", version.id());

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%,d open cases, %,d subjects; a UN list version of %d new entries, %d "
                + "of them designating a client; H2 in memory; one thread.", CASES, CASES * 2, ENTRIES, DESIGNATED));
        lines.add("");
        lines.add("| figure | value |");
        lines.add("|---|---|");
        lines.add(String.format(Locale.ROOT, "| the upload's answer: the version loaded (s) | %.2f |", answerSeconds));
        lines.add(String.format(Locale.ROOT, "| load of the version with its re-screening, in the background (s) | %.2f |",
                loadSeconds));
        lines.add(String.format(Locale.ROOT, "| cases given a screening run and a review | %d |", runs));
        lines.add(String.format(Locale.ROOT, "| \"Review screening hits\" tasks open | %d |", tasks));
        lines.add(String.format(Locale.ROOT, "| the same event delivered again: re-screening (s) | %.2f |",
                againSeconds));
        lines.add(String.format(Locale.ROOT, "| cases with a hit / reviews started by the second delivery | %d / %d |",
                again.casesWithHits(), again.reviewsStarted()));
        lines.add(String.format(Locale.ROOT, "| screening runs for the version after both deliveries | %d |",
                runsAfter));
        System.out.println();
        lines.forEach(System.out::println);
        DocumentStorageBenchmark.write("rescreening", lines);
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    static String key(int i, String kind) {
        return String.format(Locale.ROOT, "%063d%s", i, kind);
    }

    static String word(Random random, int length) {
        StringBuilder s = new StringBuilder();
        s.append((char) ('A' + random.nextInt(26)));
        for (int i = 1; i < length; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    /** Runs the benchmark outside Maven's test phase, with the Spring test context. */
    public static void main(String[] args) throws Exception {
        ListUpdateScreeningBenchmark benchmark = new ListUpdateScreeningBenchmark();
        new org.springframework.test.context.TestContextManager(ListUpdateScreeningBenchmark.class)
                .prepareTestInstance(benchmark);
        benchmark.tenThousandSubjectsAfterAListUpdate();
        System.exit(0);
    }
}
