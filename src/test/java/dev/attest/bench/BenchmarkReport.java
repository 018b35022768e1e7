package dev.attest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last step of {@code ./mvnw -Pbench verify}: puts the tables the benchmarks wrote to
 * {@code target/benchmarks/NAME.md} into {@code BENCHMARKS.md}, between its markers
 * {@code <!-- bench:NAME -->} and {@code <!-- /bench:NAME -->}, and prints them. The prose around the tables
 * (what is measured, what the figures mean) stays as written; a table whose benchmark did not run this time
 * (e.g. PostgreSQL without {@code ATTEST_TEST_POSTGRES_URL}) is left as it was, with the date it was measured.
 * Then the goals table ({@code <!-- goals -->}) is worked out again from the tables as they now stand
 * ({@link BenchmarkGoals}).
 */
public final class BenchmarkReport {

    private static final Pattern BLOCK = Pattern.compile("(?s)<!-- bench:([a-z0-9-]+) -->\\n(.*?)<!-- /bench:\\1 -->");

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws IOException {
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        Path tables = Path.of(args.length > 1 ? args[1] : "target/benchmarks");
        String text = Files.readString(report, StandardCharsets.UTF_8);
        Matcher m = BLOCK.matcher(text);
        StringBuilder out = new StringBuilder();
        List<String> updated = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            Path table = tables.resolve(name + ".md");
            String body = m.group(2);
            if (Files.exists(table)) {
                // keep the leading indentation: a table may be a preformatted (indented) block
                String measured = Files.readString(table, StandardCharsets.UTF_8).replaceFirst("^(\\s*\\n)+", "")
                        .stripTrailing();
                body = "Measured " + LocalDate.now() + " by `./mvnw -Pbench verify`:\n\n" + measured + "\n";
                updated.add(name);
                System.out.println("== " + name + " ==");
                System.out.println(measured);
                System.out.println();
            }
            m.appendReplacement(out, Matcher.quoteReplacement("<!-- bench:" + name + " -->\n" + body
                    + "<!-- /bench:" + name + " -->"));
        }
        m.appendTail(out);
        String result = BenchmarkGoals.fill(out.toString());
        Files.writeString(report, result, StandardCharsets.UTF_8);
        System.out.println(report + ": " + (updated.isEmpty() ? "no table measured in this run"
                : "updated " + String.join(", ", updated)));
    }
}
