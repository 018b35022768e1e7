package dev.attest.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start-up time and memory of the packaged jar, as an operator starts it: the embedded default (H2 file, demo
 * data generated at first start) and the production profile on PostgreSQL (an empty database migrated by Flyway
 * and the engine). Each is started twice on fresh data and once more on the data the first start left (a
 * restart). Time is from launching the JVM to the readiness probe answering 200; RSS is read from
 * /proc/PID/status at that moment and again after 20 s idle. Writes {@code target/benchmarks/startup.md}.
 * Runs in {@code ./mvnw -Pbench verify} (after the jar is packaged), never in the normal build.
 */
@Tag("benchmark")
class StartupBenchmarkIT {

    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Run(String setup, String start, double seconds, long rssAtReady, long rssIdle) {
    }

    @Test
    void startUpTimeAndMemory() throws Exception {
        List<Run> runs = new ArrayList<>();
        Path base = Files.createTempDirectory("attest-startup");
        for (int i = 1; i <= 2; i++) {
            Path data = base.resolve("h2-" + i);
            runs.add(measure("H2 file, demo data", "fresh", data, Map.of(), List.of()));
            if (i == 1) {
                runs.add(measure("H2 file, demo data", "restart", data, Map.of(), List.of()));
            }
        }
        String server = System.getenv("ATTEST_TEST_POSTGRES_URL");
        if (server != null && !server.isBlank()) {
            String user = System.getenv().getOrDefault("ATTEST_TEST_POSTGRES_USER", "postgres");
            String password = System.getenv().getOrDefault("ATTEST_TEST_POSTGRES_PASSWORD", "");
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            Map<String, String> env = Map.of("ATTEST_DB_URL", server + "attest_bench_startup", "ATTEST_DB_USER", user,
                    "ATTEST_DB_PASSWORD", password, "ATTEST_DOCUMENT_KEY", Base64.getEncoder().encodeToString(key),
                    "ATTEST_ADMIN_PASSWORD", "startup-benchmark-" + System.nanoTime(), "ATTEST_DEMO", "false");
            for (int i = 1; i <= 2; i++) {
                try (Connection c = DriverManager.getConnection(server + "postgres", user, password);
                        Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS attest_bench_startup WITH (FORCE)");
                    s.execute("CREATE DATABASE attest_bench_startup");
                }
                Path data = base.resolve("pg-" + i);
                runs.add(measure("PostgreSQL, profile prod", "empty database", data, env,
                        List.of("--spring.profiles.active=prod")));
                if (i == 1) {
                    runs.add(measure("PostgreSQL, profile prod", "restart", data, env,
                            List.of("--spring.profiles.active=prod")));
                }
            }
        }
        List<String> table = new ArrayList<>();
        table.add(String.format(Locale.ROOT, "Packaged jar (java -Xmx512m -jar), %d cores, JDK %s; ready = readiness "
                + "probe 200", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        table.add("");
        table.add("| database | start | seconds to ready | RSS at ready (MiB) | RSS after 20 s idle (MiB) |");
        table.add("|---|---|---|---|---|");
        for (Run r : runs) {
            table.add(String.format(Locale.ROOT, "| %s | %s | %.1f | %d | %d |", r.setup, r.start, r.seconds,
                    r.rssAtReady / 1024, r.rssIdle / 1024));
        }
        table.forEach(System.out::println);
        Path out = Path.of("target", "benchmarks", "startup.md");
        Files.createDirectories(out.getParent());
        Files.write(out, table);
    }

    Run measure(String setup, String start, Path data, Map<String, String> env, List<String> extra) throws Exception {
        Files.createDirectories(data);
        int port = 20000 + (int) (System.nanoTime() % 20000);
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("attest-.*\\.jar")
                    && !p.getFileName().toString().endsWith("-plain.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("target/attest-*.jar missing: run ./mvnw -Pbench verify"));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port, "--attest.data-dir=" + data,
                "--spring.main.banner-mode=off", "--logging.level.root=warn"));
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("attest-" + System.nanoTime() + ".log").toFile());
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process app = builder.start();
        try {
            long deadline = started + Duration.ofMinutes(4).toNanos();
            while (true) {
                if (!app.isAlive()) {
                    throw new IllegalStateException(setup + ": Attest exited with " + app.exitValue() + ", log in " + data);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(setup + ": not ready within 4 minutes, log in " + data);
                }
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long ready = rssKiB(app.pid());
            Thread.sleep(20_000);
            return new Run(setup, start, seconds, ready, rssKiB(app.pid()));
        } finally {
            app.destroy();
            if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
        }
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
