package dev.attest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseStatus;
import dev.attest.documents.Documents;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.recovery.TwoFactorRecovery;
import dev.attest.worklist.Worklist;

/**
 * Case throughput under concurrency on PostgreSQL: 1, 4 and 8 clients, each a thread taking whole 2FA cases from
 * intake to closed ({@link AttestCases}) through Attest's services, and the same clients against the bare engine
 * ({@link BareEngine}) on its own fresh database on the same server. Per level: cases per second on each side,
 * Attest / bare, each side's N-client rate over its 1-client rate, p50/p95 of every call, the calls that failed
 * (each retried up to {@value #RETRIES} times, and counted), Attest's failed jobs, and where Attest's database
 * sessions were during the run ({@code pg_stat_activity}, sampled). Asserts only that every Attest case closed.
 * Writes {@code target/benchmarks/concurrency-postgresql.md}.
 * <p>
 * Runs when {@code ATTEST_TEST_POSTGRES_URL} names a PostgreSQL server ({@code jdbc:postgresql://127.0.0.1:5432/});
 * the databases {@code attest_bench_conc} and {@code attest_bench_conc_bare} are dropped and created afresh.
 * {@code ATTEST_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/ ./mvnw -Pbench test
 * -Dtest=CaseConcurrencyPostgresBenchmark}
 */
@SpringBootTest(properties = {
        "spring.datasource.url=${ATTEST_TEST_POSTGRES_URL:jdbc:postgresql://127.0.0.1:5432/}"
                + CaseConcurrencyPostgresBenchmark.ATTEST_DB,
        "spring.datasource.username=${ATTEST_TEST_POSTGRES_USER:postgres}",
        "spring.datasource.password=${ATTEST_TEST_POSTGRES_PASSWORD:}",
        "spring.datasource.hikari.maximum-pool-size=" + CaseConcurrencyPostgresBenchmark.POOL_SIZE,
        "camunda.bpm.job-execution.core-pool-size=" + CaseConcurrencyPostgresBenchmark.JOB_THREADS_CORE,
        "camunda.bpm.job-execution.max-pool-size=" + CaseConcurrencyPostgresBenchmark.JOB_THREADS_MAX,
        "attest.demo.enabled=false", "attest.bootstrap-admin.password=concurrency-bench-only",
        "attest.documents.encryption-key=pwpXZv8aPgwl28TiwXW60vTpxwGRwyDWWH+uRfii0Rs=",
        "logging.level.dev.attest=warn", "attest.dashboard.rollup-cron=-"})
@ActiveProfiles("test")
@DirtiesContext
@Tag("benchmark")
class CaseConcurrencyPostgresBenchmark {

    static final String ATTEST_DB = "attest_bench_conc";
    static final String BARE_DB = "attest_bench_conc_bare";
    /** Connections in each side's pool: 8 clients and Attest's job executor (at most 10 threads) fit. */
    static final int POOL_SIZE = 20;
    static final int JOB_THREADS_CORE = 3;
    static final int JOB_THREADS_MAX = 10;
    static final int[] CLIENTS = {1, 4, 8};
    /** Timed cases per level, shared equally among its clients. */
    static final int CASES_PER_LEVEL = 160;
    /** Untimed cases per side before the first level (JIT, caches), and per client before each level. */
    static final int WARM_UP = 20;
    static final int WARM_UP_PER_CLIENT = 2;
    static final int RETRIES = 3;
    static final long SAMPLE_MILLIS = 100;

    /** This JVM's CPU time and the machine's load: on a shared machine the rates say little without them. */
    static final OperatingSystemMXBean OS = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

    static final String SERVER = System.getenv("ATTEST_TEST_POSTGRES_URL");
    static final String USER = System.getenv().getOrDefault("ATTEST_TEST_POSTGRES_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("ATTEST_TEST_POSTGRES_PASSWORD", "");

    @BeforeAll
    static void freshDatabases() throws SQLException {
        Assumptions.assumeTrue(SERVER != null && !SERVER.isBlank(),
                "ATTEST_TEST_POSTGRES_URL is not set: concurrency benchmark skipped");
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                Statement s = c.createStatement()) {
            for (String db : new String[] {ATTEST_DB, BARE_DB}) {
                s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + db);
            }
        }
    }

    @Autowired CaseIntake intake;
    @Autowired CaseLookup cases;
    @Autowired Documents documents;
    @Autowired Worklist worklist;
    @Autowired TwoFactorRecovery recovery;
    @Autowired ManagementService attestJobs;
    @Autowired HistoryService attestHistory;

    /** One side's run at one level. */
    record Run(int clients, int cases, double seconds, double cpuSeconds, double loadAverage, ClientCalls calls,
            int abandoned) {
        double rate() {
            return cases / seconds;
        }

        double cpuMillisPerCase() {
            return cpuSeconds * 1000 / cases;
        }
    }

    /** What Attest's job executor and database did around one level's run. */
    record Background(long jobsQueued, double drainSeconds, long jobsFailed, SessionSamples sessions) {
    }

    /** One client's share of a level: takes case number {@code n} from intake to closed. */
    interface Client {
        void runCase(int n, ClientCalls calls);
    }

    @Test
    void casesPerSecondUnderConcurrencyAgainstABareEngine() throws Exception {
        long began = System.nanoTime();
        AttestCases attest = new AttestCases(intake, cases, documents, worklist, recovery);
        List<CaseFile> attestCases = Collections.synchronizedList(new ArrayList<>());
        Client attestClient = (n, calls) -> attestCases.add(attest.runCase(n, calls));
        AtomicInteger next = new AtomicInteger();
        try (HikariDataSource bareDb = bareDataSource(); BareEngine bare = new BareEngine(bareDb, "concurrency")) {
            Client bareClient = bare::runCase;
            for (int i = 0; i < WARM_UP; i++) {
                attestClient.runCase(next.getAndIncrement(), ClientCalls.strict());
                bareClient.runCase(next.getAndIncrement(), ClientCalls.strict());
            }
            awaitJobs();
            Map<Integer, Run> bareRuns = new TreeMap<>();
            Map<Integer, Run> attestRuns = new TreeMap<>();
            Map<Integer, Background> backgrounds = new TreeMap<>();
            for (int clients : CLIENTS) {
                bareRuns.put(clients, run("bare", clients, bareClient, next));
                backgrounds.put(clients, attestLevel(clients, attestClient, next, attestRuns));
            }
            List<String> table = table(bareRuns, attestRuns, backgrounds);
            table.forEach(System.out::println);
            printFirstFailures(bareRuns, attestRuns);
            System.out.printf(Locale.ROOT, "Concurrency benchmark: %.0f s after the application started%n",
                    (System.nanoTime() - began) / 1e9);
            Path out = Path.of("target", "benchmarks", "concurrency-postgresql.md");
            Files.createDirectories(out.getParent());
            Files.write(out, table);
            assertThat(attestRuns.values()).as("Attest cases given up after %d retries", RETRIES)
                    .allSatisfy(r -> assertThat(r.abandoned()).isZero());
        }
        for (CaseFile c : attestCases) {
            assertThat(RunAs.user("manager", () -> cases.get(c.getReference()).getStatus(), Role.MANAGER))
                    .as(c.getReference()).isEqualTo(CaseStatus.CLOSED);
        }
    }

    /** One level's Attest run, with what its job executor and database did meanwhile (jobs drained afterwards). */
    Background attestLevel(int clients, Client attestClient, AtomicInteger next, Map<Integer, Run> attestRuns)
            throws Exception {
        long failedBefore = attestHistory.createHistoricJobLogQuery().failureLog().count();
        SessionSamples sessions = new SessionSamples(ATTEST_DB);
        sessions.start();
        try {
            attestRuns.put(clients, run("attest", clients, attestClient, next));
        } finally {
            sessions.stop();
        }
        long queued = attestJobs.createJobQuery().executable().count();
        long drainStart = System.nanoTime();
        awaitJobs();
        double drain = (System.nanoTime() - drainStart) / 1e9;
        long failed = attestHistory.createHistoricJobLogQuery().failureLog().count() - failedBefore;
        return new Background(queued, drain, failed, sessions);
    }

    /**
     * {@code clients} threads, each first taking {@value #WARM_UP_PER_CLIENT} cases untimed, then all starting
     * together and each taking its share of {@value #CASES_PER_LEVEL} cases; timed until the last one is done.
     */
    Run run(String side, int clients, Client client, AtomicInteger next) throws Exception {
        int perClient = CASES_PER_LEVEL / clients;
        CyclicBarrier start = new CyclicBarrier(clients + 1);
        List<ClientCalls> calls = new ArrayList<>();
        List<ClientCalls> warmUps = new ArrayList<>();
        AtomicInteger abandoned = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
            ClientCalls mine = new ClientCalls(RETRIES);
            ClientCalls warmUp = new ClientCalls(RETRIES);
            calls.add(mine);
            warmUps.add(warmUp);
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < WARM_UP_PER_CLIENT; i++) {
                        attempt(client, next.getAndIncrement(), warmUp, abandoned);
                    }
                    start.await();
                    for (int i = 0; i < perClient; i++) {
                        attempt(client, next.getAndIncrement(), mine, abandoned);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, side + "-client-" + (k + 1));
            threads.add(t);
            t.start();
        }
        start.await();
        long begin = System.nanoTime();
        long cpuBegin = OS.getProcessCpuTime();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        double cpuSeconds = (OS.getProcessCpuTime() - cpuBegin) / 1e9;
        ClientCalls all = new ClientCalls(RETRIES);
        calls.forEach(all::addAll);
        warmUps.forEach(all::addFailures);
        return new Run(clients, perClient * clients, seconds, cpuSeconds, OS.getSystemLoadAverage(), all,
                abandoned.get());
    }

    /** One case; one whose call still fails after the retries is given up and counted (the failures are in calls). */
    private static void attempt(Client client, int n, ClientCalls calls, AtomicInteger abandoned) {
        try {
            client.runCase(n, calls);
        } catch (RuntimeException e) {
            abandoned.incrementAndGet();
        }
    }

    void awaitJobs() throws InterruptedException {
        for (int i = 0; i < 1200 && attestJobs.createJobQuery().executable().count() > 0; i++) {
            Thread.sleep(100);
        }
    }

    static HikariDataSource bareDataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(SERVER + BARE_DB);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(POOL_SIZE);
        return new HikariDataSource(config);
    }

    static List<String> table(Map<Integer, Run> bare, Map<Integer, Run> attest, Map<Integer, Background> background) {
        List<String> t = new ArrayList<>();
        t.add(String.format(Locale.ROOT, "2FA cases, intake to closed, on PostgreSQL (Attest and the bare engine each on "
                + "a fresh database of the same server), %d cores. Per level %d timed cases shared equally among the "
                + "clients, after %d untimed per client; each client is a thread working only on its own cases. "
                + "Connection pools: %d each (Hikari); Attest's job executor %d–%d threads, the bare engine none. "
                + "A failed call is retried up to %d times and counted. JVM CPU: the benchmark JVM's CPU time during "
                + "the timed part over its cases (Attest's includes its background threads; PostgreSQL's is not in it); "
                + "load average: the machine's, 1 minute, when the level ended.", Runtime.getRuntime().availableProcessors(),
                CASES_PER_LEVEL, WARM_UP_PER_CLIENT, POOL_SIZE, JOB_THREADS_CORE, JOB_THREADS_MAX, RETRIES));
        t.add("");
        t.add("| clients | bare cases/s | Attest cases/s | Attest / bare | Attest N / 1 client | bare N / 1 client "
                + "| JVM CPU ms per case, bare / Attest | load average at the end, bare / Attest "
                + "| failed calls bare / Attest | cases given up | Attest jobs failed | Attest jobs queued at the end "
                + "(drained in s) |");
        t.add("|---|---|---|---|---|---|---|---|---|---|---|---|");
        double bareOne = bare.get(CLIENTS[0]).rate();
        double attestOne = attest.get(CLIENTS[0]).rate();
        for (int n : CLIENTS) {
            Run b = bare.get(n);
            Run a = attest.get(n);
            Background g = background.get(n);
            t.add(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.2f | %.2f | %.2f | %.0f / %.0f | %.1f / %.1f "
                    + "| %d / %d | %d | %d | %d (%.1f) |",
                    n, b.rate(), a.rate(), a.rate() / b.rate(), a.rate() / attestOne, b.rate() / bareOne,
                    b.cpuMillisPerCase(), a.cpuMillisPerCase(), b.loadAverage(), a.loadAverage(),
                    b.calls().errorCount(), a.calls().errorCount(), b.abandoned() + a.abandoned(), g.jobsFailed(),
                    g.jobsQueued(), g.drainSeconds()));
        }
        t.add("");
        StringBuilder head = new StringBuilder("| call: p50 / p95 ms |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int n : CLIENTS) {
            head.append(" bare, ").append(n).append(" |").append(" Attest, ").append(n).append(" |");
            rule.append("---|---|");
        }
        t.add(head.toString());
        t.add(rule.toString());
        for (CaseCall call : CaseCall.values()) {
            StringBuilder row = new StringBuilder("| ").append(call.label).append(" |");
            for (int n : CLIENTS) {
                row.append(latency(bare.get(n).calls(), call)).append(latency(attest.get(n).calls(), call));
            }
            t.add(row.toString());
        }
        t.add("");
        t.add("| failed calls (retried): clients, side, call: cause | count |");
        t.add("|---|---|");
        int failures = 0;
        for (int n : CLIENTS) {
            for (var side : List.of(Map.entry("bare", bare.get(n)), Map.entry("Attest", attest.get(n)))) {
                for (var e : side.getValue().calls().errors.entrySet()) {
                    t.add(String.format(Locale.ROOT, "| %d, %s, %s | %d |", n, side.getKey(), cell(e.getKey()),
                            e.getValue()));
                    failures++;
                }
            }
        }
        if (failures == 0) {
            t.add("| none | 0 |");
        }
        int most = CLIENTS[CLIENTS.length - 1];
        SessionSamples s = background.get(most).sessions();
        t.add("");
        t.add(String.format(Locale.ROOT, "| where Attest's database sessions were, %d clients (pg_stat_activity every %d "
                + "ms, %d samples): state, wait event, statement | sessions on average |", most, SAMPLE_MILLIS,
                s.samples.get()));
        t.add("|---|---|");
        s.top(14).forEach((what, average) -> t.add(String.format(Locale.ROOT, "| %s | %.2f |", cell(what), average)));
        return t;
    }

    private static String latency(ClientCalls calls, CaseCall call) {
        return String.format(Locale.ROOT, " %.1f / %.1f |", calls.percentileMillis(call, 0.50),
                calls.percentileMillis(call, 0.95));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static void printFirstFailures(Map<Integer, Run> bare, Map<Integer, Run> attest) {
        for (Map<Integer, Run> runs : List.of(bare, attest)) {
            runs.values().forEach(r -> r.calls().firstOfKind.forEach((kind, e) -> {
                System.out.println("First failure of kind " + kind + " (" + r.clients() + " clients):");
                e.printStackTrace(System.out);
            }));
        }
    }

    /**
     * Samples {@code pg_stat_activity} of one database from its own connection while a run lasts: how many of the
     * database's sessions are, on average, running or waiting in which statement (a row lock shows as
     * {@code Lock:transactionid} on the statement that wants the row), or holding a transaction open while the
     * application works ({@code idle in transaction}).
     */
    static final class SessionSamples {

        private final String database;
        private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        final AtomicLong samples = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        SessionSamples(String database) {
            this.database = database;
        }

        void start() {
            running = true;
            thread = new Thread(this::sample, "pg-stat-activity-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        private void sample() {
            String sql = "SELECT state, coalesce(wait_event_type || ':' || wait_event, 'on CPU'), "
                    + "left(regexp_replace(query, '\\s+', ' ', 'g'), 110) FROM pg_stat_activity "
                    + "WHERE datname = ? AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')";
            try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                    PreparedStatement query = c.prepareStatement(sql)) {
                query.setString(1, database);
                while (running) {
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            String what = "active".equals(rs.getString(1))
                                    ? "active, " + rs.getString(2) + ", " + rs.getString(3)
                                    : "idle in transaction (the application holds the transaction), after: "
                                            + rs.getString(3);
                            counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
                            String total = "active".equals(rs.getString(1))
                                    ? "(all statements) active, " + rs.getString(2).replaceFirst(":.*", "")
                                    : "(all statements) idle in transaction";
                            counts.computeIfAbsent(total, k -> new AtomicLong()).incrementAndGet();
                        }
                    }
                    samples.incrementAndGet();
                    Thread.sleep(SAMPLE_MILLIS);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException("pg_stat_activity sampling stopped", e);
            }
        }

        /** The {@code limit} most frequent states, with the average number of sessions in each. */
        Map<String, Double> top(int limit) {
            Map<String, Double> top = new LinkedHashMap<>();
            long n = Math.max(1, samples.get());
            counts.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue().get(), x.getValue().get()))
                    .limit(limit).forEach(e -> top.put(e.getKey(), e.getValue().get() / (double) n));
            return top;
        }
    }
}
