package dev.attest.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Start-up time and memory of the packaged production jar (the profiles bench and benchmark build it with the
 * production Vaadin bundle, as {@code -Pproduction} does), as an operator starts it. Variants: the plain
 * {@code java -Xmx512m -jar}; the same jar extracted with Class Data Sharing, the archive made by a training run
 * of the packaged jar into {@code target/startup-cds} exactly as {@code docker/Dockerfile} makes it; the CDS
 * variant with the serial collector and a small initial heap (as docs/operations.md recommends); and that once more with
 * only the C1 compiler. Setups: the embedded default (H2 file, demo data generated at first start; plain jar only)
 * and the production profile on PostgreSQL (an empty database migrated by Flyway and the engine). Each is started
 * on fresh data and once more on the data the first start left (a restart; not the C1 variant). Time is from
 * launching the JVM to the readiness probe answering 200; the CPU seconds the JVM used until then are also
 * recorded, since on a busy machine they vary far less than the wall-clock time; RSS is read from /proc/PID/status
 * at that moment and again after 20 s idle. Writes {@code target/benchmarks/startup.md}. Runs in
 * {@code ./mvnw -Pbench verify} (after the jar is packaged), never in the normal build.
 */
@Tag("benchmark")
class StartupBenchmarkIT {

    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static final String HEAP = "-Xmx512m";

    /**
     * What docs/operations.md recommends beside CDS: the serial collector, which keeps less resident than G1 on a small heap,
     * and a small initial heap (by default 1/64 of the machine's memory: 384 MiB on 24 GiB; in a container 1/64 of
     * its limit) that grows as needed.
     */
    static final List<String> SMALL_FOOTPRINT = List.of("-XX:+UseSerialGC", "-Xms64m");

    /** Only the C1 compiler: far less compiling at start-up, slower code at full speed (not the default). */
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    record Run(String variant, String setup, String start, double seconds, double cpuSeconds, long rssAtReady,
            long rssIdle) {
    }

    /** How the JVM is started: the command up to the application's arguments. */
    record Launch(String name, List<String> command) {
    }

    /** What the training run made: the extracted jar, its archive, how long it took. */
    record Training(Path jar, Path archive, double seconds) {
    }

    @Test
    void startUpTimeAndMemory() throws Exception {
        Path jar = packagedJar();
        requireProductionBundle(jar);
        String loadBefore = loadAverage();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path base = Files.createTempDirectory("attest-startup");
        Training training = train(java, jar, Path.of("target", "startup-cds").toAbsolutePath(), base.resolve("training"));

        Launch plain = new Launch("plain jar", List.of(java, HEAP, "-jar", jar.toString()));
        // -Xshare:on: a JVM that cannot use the archive refuses to start instead of silently running without it
        List<String> cdsOptions = List.of(java, HEAP, "-Xshare:on", "-XX:SharedArchiveFile=" + training.archive());
        List<String> extractedJar = List.of("-jar", training.jar().toString());
        Launch cds = new Launch("CDS", join(cdsOptions, extractedJar));
        Launch serial = new Launch("CDS, SerialGC, -Xms64m", join(cdsOptions, SMALL_FOOTPRINT, extractedJar));
        Launch c1 = new Launch("CDS, SerialGC, -Xms64m, C1 only", join(cdsOptions, SMALL_FOOTPRINT, List.of(C1_ONLY),
                extractedJar));

        List<Run> runs = new ArrayList<>();
        Path h2 = base.resolve("h2");
        runs.add(measure(plain, "H2 file, demo data", "fresh", h2, Map.of(), List.of()));
        runs.add(measure(plain, "H2 file, demo data", "restart", h2, Map.of(), List.of()));

        String server = System.getenv("ATTEST_TEST_POSTGRES_URL");
        if (server != null && !server.isBlank()) {
            String user = System.getenv().getOrDefault("ATTEST_TEST_POSTGRES_USER", "postgres");
            String password = System.getenv().getOrDefault("ATTEST_TEST_POSTGRES_PASSWORD", "");
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Map<String, String> env = Map.of("ATTEST_DB_URL", server + "attest_bench_startup", "ATTEST_DB_USER", user,
                    "ATTEST_DB_PASSWORD", password, "ATTEST_DOCUMENT_KEY", Base64.getEncoder().encodeToString(key),
                    "ATTEST_ADMIN_PASSWORD", "startup-benchmark-" + System.nanoTime(), "ATTEST_DEMO", "false");
            List<String> prod = List.of("--spring.profiles.active=prod");
            for (Launch launch : List.of(plain, cds, serial, c1)) {
                emptyDatabase(server, user, password);
                Path data = base.resolve("pg-" + runs.size());
                runs.add(measure(launch, "PostgreSQL, profile prod", "empty database", data, env, prod));
                if (launch != c1) {
                    runs.add(measure(launch, "PostgreSQL, profile prod", "restart", data, env, prod));
                }
            }
        }
        List<String> table = new ArrayList<>();
        table.add(String.format(Locale.ROOT, "Production jar (Vaadin production bundle), java %s, %d cores, JDK %s; "
                + "ready = readiness probe 200. CDS: archive of %d MiB from a training run of %.0f s "
                + "(`-Dspring.context.exit=onRefresh`, embedded default on H2). Load average (1 min) before: %s, "
                + "after: %s.", HEAP, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Files.size(training.archive()) >> 20, training.seconds(), loadBefore, loadAverage()));
        table.add("");
        table.add("| variant | database | start | seconds to ready | CPU seconds to ready | RSS at ready (MiB) "
                + "| RSS after 20 s idle (MiB) |");
        table.add("|---|---|---|---|---|---|---|");
        for (Run r : runs) {
            table.add(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %d | %d |", r.variant(), r.setup(),
                    r.start(), r.seconds(), r.cpuSeconds(), r.rssAtReady() / 1024, r.rssIdle() / 1024));
        }
        table.forEach(System.out::println);
        Path out = Path.of("target", "benchmarks", "startup.md");
        Files.createDirectories(out.getParent());
        Files.write(out, table);
    }

    static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("attest-.*\\.jar")
                    && !p.getFileName().toString().endsWith("-plain.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("target/attest-*.jar missing: run ./mvnw -Pbench verify"));
        }
    }

    /**
     * Refuses a development-mode jar: the figures are meant for what production runs (no vaadin-dev, the
     * production bundle, Vaadin in production mode).
     */
    static void requireProductionBundle(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            // the Vaadin plugin's token file: at the jar's root after repackaging, or among the classes
            ZipEntry info = Stream.of("META-INF/VAADIN/config/flow-build-info.json",
                    "BOOT-INF/classes/META-INF/VAADIN/config/flow-build-info.json").map(zip::getEntry)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            boolean production = false;
            if (info != null) {
                try (InputStream in = zip.getInputStream(info)) {
                    JsonNode json = new ObjectMapper().readTree(in);
                    production = json.path("productionMode").asBoolean(false);
                }
            }
            boolean devServer = zip.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/lib/vaadin-dev-server-"));
            if (!production || devServer) {
                throw new IllegalStateException(jar + " is not a production jar (productionMode " + production
                        + ", vaadin-dev-server inside: " + devServer + "): build it with ./mvnw -Pbench verify, "
                        + "which builds the production bundle as -Pproduction does");
            }
        }
    }

    /**
     * Extracts the jar ({@code -Djarmode=tools extract}) and runs it once with {@code -XX:ArchiveClassesAtExit}
     * and {@code -Dspring.context.exit=onRefresh}, as the Dockerfile does: the embedded default on a throw-away
     * H2 database, so that no database server is needed. The context is refreshed (engine built, BPMN deployed)
     * and the JVM exits, writing the archive of every class it loaded.
     */
    static Training train(String java, Path jar, Path directory, Path data) throws Exception {
        FileSystemUtils.deleteRecursively(directory);
        run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", directory.toString()),
                directory.resolveSibling("startup-cds-extract.log"));
        Path extracted = directory.resolve(jar.getFileName());
        Path archive = directory.resolve("attest.jsa");
        long started = System.nanoTime();
        run(List.of(java, HEAP, "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                extracted.toString(), "--attest.data-dir=" + data, "--spring.main.banner-mode=off",
                "--logging.level.root=warn"), directory.resolveSibling("startup-cds-training.log"));
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
            throw new IllegalStateException("the training run wrote no archive: see target/startup-cds-training.log");
        }
        return new Training(extracted, archive, seconds);
    }

    static void run(List<String> command, Path log) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(String.join(" ", command) + ": not done within 10 minutes, log in " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": exit " + process.exitValue() + ", log in " + log);
        }
    }

    static void emptyDatabase(String server, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS attest_bench_startup WITH (FORCE)");
            s.execute("CREATE DATABASE attest_bench_startup");
        }
    }

    Run measure(Launch launch, String setup, String start, Path data, Map<String, String> env, List<String> extra)
            throws Exception {
        Files.createDirectories(data);
        int port = freePort();
        List<String> command = join(launch.command(), List.of("--server.port=" + port, "--attest.data-dir=" + data,
                "--spring.main.banner-mode=off", "--logging.level.root=warn"), extra);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("attest-" + System.nanoTime() + ".log").toFile());
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process app = builder.start();
        try {
            long deadline = started + Duration.ofMinutes(4).toNanos();
            while (!ready(port)) {
                if (!app.isAlive()) {
                    throw new IllegalStateException(launch.name() + ", " + setup + ": Attest exited with "
                            + app.exitValue() + ", log in " + data);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(launch.name() + ", " + setup + ": not ready within 4 minutes, log in "
                            + data);
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = app.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN);
            long rss = rssKiB(app.pid());
            Thread.sleep(20_000);
            return new Run(launch.name(), setup, start, seconds, cpu, rss, rssKiB(app.pid()));
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
        }
    }

    /** A port nothing listens on now (a port picked at random may be another program's, whose probe would answer). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static boolean ready(int port) throws InterruptedException {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    @SafeVarargs
    static List<String> join(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    /** The machine's 1-minute load average: other work on it lengthens the wall-clock figures. */
    static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    static long rssKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
