package dev.attest.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.attest.documents.TestFiles;

/**
 * Crash safety: Attest runs as its own JVM (the packaged jar) while clients open cases, upload documents and
 * analysts approve them over the REST API; the JVM is killed hard ({@code kill -9}) mid-flight, started again
 * on the same data, and everything that had been acknowledged is there exactly once: every case (with its
 * process), every document (its bytes decrypt and match their checksum) and every decision; nothing is there
 * twice. Once on the H2 file database (the embedded default) and once on PostgreSQL (when
 * {@code ATTEST_TEST_POSTGRES_URL} is set, as in CI).
 * <p>
 * E-mail too: the first JVM's SMTP server takes the first e-mail's envelope and then never answers, so when the
 * JVM is killed its mail relay is in the middle of sending that e-mail, with the outbox row claimed. The JVM started
 * again (with a working SMTP server) sends it, and every other e-mail of the run, exactly once.
 */
class CrashSafetyIT {

    static final Pattern REFERENCE = Pattern.compile("\"reference\":\"(CASE-\\d{4}-\\d{6})\"");
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void nothingAcknowledgedIsLostOrDuplicatedByAKillOnH2() throws Exception {
        Path data = Files.createTempDirectory("attest-crash-h2");
        runCrashScenario("H2 file", data, List.of());
    }

    @Test
    void nothingAcknowledgedIsLostOrDuplicatedByAKillOnPostgres() throws Exception {
        String server = System.getenv("ATTEST_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(server != null && !server.isBlank(), "ATTEST_TEST_POSTGRES_URL is not set");
        String user = System.getenv().getOrDefault("ATTEST_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("ATTEST_TEST_POSTGRES_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password)) {
            c.createStatement().execute("DROP DATABASE IF EXISTS attest_crash WITH (FORCE)");
            c.createStatement().execute("CREATE DATABASE attest_crash");
        }
        Path data = Files.createTempDirectory("attest-crash-pg");
        runCrashScenario("PostgreSQL", data, List.of("--spring.datasource.url=" + server + "attest_crash",
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password));
    }

    void runCrashScenario(String database, Path data, List<String> extra) throws Exception {
        int port = freePort();
        StallingSmtp stalling = new StallingSmtp();
        Process app = start(data, port, withMail(extra, stalling.port(),
                "--spring.mail.properties.mail.smtp.timeout=300000"));
        Map<String, String> cases = new ConcurrentHashMap<>();       // email -> reference
        Map<String, String> documents = new ConcurrentHashMap<>();   // document id -> "reference sha256"
        Map<String, String> approved = new ConcurrentHashMap<>();    // reference -> document id
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        try {
            awaitUp(port, app);
            byte[] png = TestFiles.png(900, 600);
            String sha = sha256(png);
            List<Thread> workers = new ArrayList<>();
            CountDownLatch started = new CountDownLatch(3);
            for (int w = 0; w < 3; w++) {
                int worker = w;
                Thread t = new Thread(() -> {
                    started.countDown();
                    int i = 0;
                    while (!stop.get()) {
                        String email = "crash-" + worker + "-" + i++ + "@example.com";
                        attempts.incrementAndGet();
                        try {
                            String reference = openCase(port, email);
                            if (reference == null) {
                                continue;
                            }
                            cases.put(email, reference);
                            String documentId = upload(port, reference, png);
                            if (documentId == null) {
                                continue;
                            }
                            documents.put(documentId, reference + " " + sha);
                            if (i % 2 == 0 && approve(port, reference)) {
                                approved.put(reference, documentId);
                            }
                        } catch (IOException | InterruptedException e) {
                            // the server died under this request: it was not acknowledged
                        }
                    }
                });
                t.start();
                workers.add(t);
            }
            started.await();
            Thread.sleep(12_000);
            assertThat(stalling.inFlight()).as("the relay is sending an e-mail when the JVM dies").isNotNull();
            app.destroyForcibly().waitFor();   // SIGKILL: no shutdown hook, no flush
            stop.set(true);
            for (Thread t : workers) {
                t.join(10_000);
            }
        } finally {
            stop.set(true);
            app.destroyForcibly().waitFor();
            stalling.close();
        }
        assertThat(cases).as("work acknowledged before the kill").isNotEmpty();
        String claimedByTheDeadNode = stalling.inFlight();

        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Process again = start(data, port, withMail(extra, smtp.getSmtp().getPort()));
        try {
            awaitUp(port, again);
            for (var c : cases.entrySet()) {
                HttpResponse<String> r = get(port, "/api/v1/cases/" + c.getValue(), "analyst");
                assertThat(r.statusCode()).as("case " + c.getValue()).isEqualTo(200);
                assertThat(r.body()).contains(c.getKey());
                assertThat(get(port, "/api/v1/cases/" + c.getValue() + "/timeline", "analyst").body())
                        .as("the case's process").contains("Case opened");
            }
            for (var d : documents.entrySet()) {
                String[] referenceAndSha = d.getValue().split(" ");
                HttpResponse<byte[]> r = http.send(request(port, "/api/v1/cases/" + referenceAndSha[0]
                        + "/documents/" + d.getKey() + "/content", "analyst").build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(r.statusCode()).as("document " + d.getKey()).isEqualTo(200);
                assertThat(sha256(r.body())).isEqualTo(referenceAndSha[1]);
            }
            for (var a : approved.entrySet()) {
                assertThat(get(port, "/api/v1/cases/" + a.getKey() + "/documents/" + a.getValue(), "analyst").body())
                        .as("decision on " + a.getKey()).contains("\"status\":\"APPROVED\"");
            }
            // the audit chain: what the killed JVM committed but had not linked is linked at this start, and the
            // whole chain verifies (reads made by this check are linked moments after they commit)
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(port, "/api/v1/audit/verification",
                    "admin").body()).contains("\"intact\":true").contains("\"pending\":0"));
            // nothing twice: one case per e-mail address (each attempt used its own), at most one per attempt
            long crashCases = countCases(port);
            assertThat(crashCases).as("cases stored").isBetween((long) cases.size(), (long) attempts.get());
            int mails = everyMailSentOnce(port, smtp, cases, claimedByTheDeadNode);
            System.out.printf("crash on %s: %d attempts, %d cases, %d documents, %d decisions acknowledged; "
                    + "%d cases after restart, all acknowledged work present once; %d e-mails sent once each, "
                    + "among them the one the killed JVM was sending (to %s)%n", database, attempts.get(),
                    cases.size(), documents.size(), approved.size(), crashCases, mails, claimedByTheDeadNode);
        } finally {
            again.destroyForcibly().waitFor();
            smtp.stop();
        }
    }

    /**
     * Every e-mail of the acknowledged cases and of the case whose e-mail the killed JVM was sending is sent by the
     * JVM started again, each received once, the one in flight among them.
     *
     * @return how many e-mails
     */
    static int everyMailSentOnce(int port, GreenMail smtp, Map<String, String> cases, String claimedByTheDeadNode)
            throws Exception {
        // the e-mail in flight may be a demo case's (written at start-up) or one of the acknowledged cases'
        Matcher inFlightCase = REFERENCE.matcher(get(port, "/api/v1/cases?q=" + claimedByTheDeadNode, "manager")
                .body());
        assertThat(inFlightCase.find()).as("the case of the e-mail in flight").isTrue();
        List<String> references = new ArrayList<>(cases.values());
        references.add(inFlightCase.group(1));
        Pattern message = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"[^}]*\"status\":\"([A-Z]+)\"");
        Map<String, String> statuses = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        boolean allSent;
        do {
            statuses.clear();
            for (String reference : references) {
                Matcher m = message.matcher(get(port, "/api/v1/cases/" + reference + "/messages", "analyst").body());
                while (m.find()) {
                    statuses.put(m.group(1), m.group(2));
                }
            }
            allSent = !statuses.isEmpty() && statuses.values().stream().allMatch("SENT"::equals);
            if (!allSent) {
                Thread.sleep(1000);
            }
        } while (!allSent && System.nanoTime() < deadline);
        assertThat(statuses.values()).as("every e-mail of these cases sent").containsOnly("SENT");
        List<String> received = new ArrayList<>();
        List<String> inFlightReceived = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String id = m.getHeader("X-Attest-Message")[0];
            received.add(id);
            if (m.getAllRecipients()[0].toString().equals(claimedByTheDeadNode)) {
                inFlightReceived.add(id);
            }
        }
        assertThat(received).as("no e-mail sent twice").doesNotHaveDuplicates();
        assertThat(received).as("each e-mail of these cases received").containsAll(statuses.keySet());
        assertThat(inFlightReceived).as("the e-mail the killed JVM was sending, sent by the new one").isNotEmpty();
        return statuses.size();
    }

    static List<String> withMail(List<String> extra, int smtpPort, String... more) {
        List<String> all = new ArrayList<>(extra);
        all.add("--spring.mail.host=127.0.0.1");
        all.add("--spring.mail.port=" + smtpPort);
        all.addAll(List.of(more));
        return all;
    }

    /**
     * An SMTP server that accepts the envelope of the first e-mail and then, at DATA, never answers: the sender
     * waits in the middle of sending. Records the recipient it is stuck on.
     */
    static final class StallingSmtp implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicReference<String> inFlight = new AtomicReference<>();
        private final List<Socket> open = new CopyOnWriteArrayList<>();

        StallingSmtp() throws IOException {
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        open.add(s);
                        Thread t = new Thread(() -> converse(s));
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return server.getLocalPort();
        }

        /** The recipient of the e-mail the sender is stuck on, if any. */
        String inFlight() {
            return inFlight.get();
        }

        private void converse(Socket s) {
            try (var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                    var out = new PrintWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII))) {
                reply(out, "220 stalling ESMTP");
                String recipient = null;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String command = line.toUpperCase(Locale.ROOT);
                    if (command.startsWith("RCPT TO:")) {
                        recipient = line.substring(8).trim().replaceAll("[<>]", "");
                    }
                    if (command.startsWith("DATA")) {
                        inFlight.compareAndSet(null, recipient);
                        in.read();   // never answers: waits until the sender is gone
                        return;
                    }
                    reply(out, command.startsWith("QUIT") ? "221 bye" : "250 ok");
                }
            } catch (IOException e) {
                // the sender died
            }
        }

        private static void reply(PrintWriter out, String line) {
            out.print(line + "\r\n");
            out.flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }

    /** Cases of this test (e-mails crash-…), counted per e-mail through the case search: each at most once. */
    long countCases(int port) throws Exception {
        List<String> emails = new ArrayList<>();
        for (int offset = 0; ; offset += 200) {
            HttpResponse<String> r = get(port, "/api/v1/cases?q=crash-&limit=200&offset=" + offset, "manager");
            if (r.statusCode() != 200) {
                throw new AssertionError("case search: " + r.statusCode() + " " + r.body());
            }
            Matcher m = Pattern.compile("\"email\":\"(crash-[^\"]+)\"").matcher(r.body());
            int found = 0;
            while (m.find()) {
                emails.add(m.group(1));
                found++;
            }
            if (found < 200) {
                break;
            }
        }
        assertThat(emails).as("no case twice").doesNotHaveDuplicates();
        return emails.size();
    }

    static Process start(Path data, int port, List<String> extra) throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("attest-.*\\.jar")
                    && !p.getFileName().toString().endsWith("-plain.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("target/attest-*.jar missing: run ./mvnw verify"));
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port, "--attest.data-dir=" + data,
                "--attest.dashboard.rollup-cron=-", "--spring.main.banner-mode=off", "--logging.level.root=warn"));
        command.addAll(extra);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("attest-" + System.nanoTime() + ".log").toFile()).start();
    }

    static void awaitUp(int port, Process app) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("Attest exited with " + app.exitValue());
            }
            try {
                if (get(port, "/actuator/health/readiness", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Attest did not start within 3 minutes");
    }

    static String openCase(int port, String email) throws IOException, InterruptedException {
        String body = "{\"type\":\"ACCOUNT_RECOVERY_2FA\",\"client\":{\"fullName\":\"Crash Test\",\"email\":\"" + email
                + "\",\"country\":\"US\"},\"account\":{\"marketplace\":\"amazon.com\",\"addressOnFile\":{\"line1\":"
                + "\"1 Main Street\",\"city\":\"Austin\",\"region\":\"TX\",\"postalCode\":\"78704\",\"country\":\"US\"}},"
                + "\"situation\":{\"lostPhoneAccess\":true}}";
        HttpResponse<String> r = http.send(request(port, "/api/v1/cases", "intake")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            return null;
        }
        Matcher m = REFERENCE.matcher(r.body());
        return m.find() ? m.group(1) : null;
    }

    static String upload(int port, String reference, byte[] png) throws IOException, InterruptedException {
        String boundary = "attest" + System.nanoTime();
        String metadata = "{\"kind\":\"PASSPORT\",\"nameOnDocument\":\"Crash Test\",\"issuingCountry\":\"US\","
                + "\"expiresOn\":\"2031-01-01\"}";
        var out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"passport.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(png);
        out.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(request(port, "/api/v1/cases/" + reference + "/documents", "intake")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            return null;
        }
        Matcher m = ID.matcher(r.body());
        return m.find() ? m.group(1) : null;
    }

    static boolean approve(int port, String reference) throws IOException, InterruptedException {
        HttpResponse<String> tasks = get(port, "/api/v1/tasks?caseId=" + reference, "analyst");
        Matcher m = ID.matcher(tasks.body());
        if (tasks.statusCode() != 200 || !m.find()) {
            return false;
        }
        String task = m.group(1);
        HttpResponse<String> claim = http.send(request(port, "/api/v1/tasks/" + task + "/claim", "analyst")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (claim.statusCode() != 204) {
            return false;
        }
        HttpResponse<String> done = http.send(request(port, "/api/v1/tasks/" + task + "/complete", "analyst")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"nameAndAddressVisible\":true,\"issuerClear\":true,\"decision\":\"APPROVE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return done.statusCode() == 204;
    }

    static HttpResponse<String> get(int port, String path, String user) throws IOException, InterruptedException {
        return http.send(request(port, path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder request(int port, String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
