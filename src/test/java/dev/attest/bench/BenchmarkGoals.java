package dev.attest.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The goals table of {@code BENCHMARKS.md} (issue 19's targets), worked out from the benchmark tables in the same
 * file, so that it always says what those tables say: each figure, its goal, and whether it is met. A figure
 * whose table has not been measured yet says so.
 */
final class BenchmarkGoals {

    private static final Pattern GOALS = Pattern.compile("(?s)<!-- goals -->\\n.*?<!-- /goals -->");

    private BenchmarkGoals() {
    }

    /** The report with its goals table filled in (unchanged if it has no goals markers). */
    static String fill(String report) {
        Matcher m = GOALS.matcher(report);
        if (!m.find()) {
            return report;
        }
        List<String> lines = new ArrayList<>();
        lines.add("| figure | measured | goal | met |");
        lines.add("|---|---|---|---|");
        for (String database : List.of("h2", "postgresql")) {
            String label = database.equals("h2") ? "H2" : "PostgreSQL";
            Optional<List<String>> rate = row(report, "throughput-" + database, "cases per second");
            lines.add(goal("Attest / bare engine, one client, " + label, rate.map(r -> r.get(3)), "≥ 0.85", 0.85, true));
            Optional<List<String>> sql = row(report, "throughput-" + database, "SQL statements per case");
            lines.add(goal("SQL statements per case, Attest / bare, " + label, sql.map(r -> r.get(3)), "≤ 1.3",
                    1.3, false));
        }
        for (String database : List.of("h2", "postgresql")) {
            // | query | tasks | p50 ms | p95 ms | max ms |, its last row the slowest first page's p95 (issue 18)
            Optional<List<String>> page = row(report, "saved-filters-" + database, "first page, slowest saved filter (p95)");
            lines.add(goal("Task list first page with a saved filter, 100,000 open tasks, p95 ms, "
                    + (database.equals("h2") ? "H2" : "PostgreSQL"), page.map(r -> r.get(3)), "≤ 100", 100, false));
        }
        Optional<List<String>> eight = row(report, "concurrency-postgresql", "8");
        lines.add(goal("Attest / bare engine, 8 concurrent clients, PostgreSQL", eight.map(r -> r.get(3)), "≥ 0.8", 0.8,
                true));
        lines.add(goal("Attest's 8-client throughput / its 1-client throughput, PostgreSQL", eight.map(r -> r.get(4)),
                "≥ 1.8", 1.8, true));
        for (List<String> start : rows(report, "startup")) {
            // | variant | database | start | seconds to ready | CPU seconds | RSS at ready | RSS idle |
            if (start.size() >= 6 && start.get(1).contains("PostgreSQL") && start.get(2).contains("empty")) {
                lines.add(goal("production jar (" + start.get(0) + "), empty PostgreSQL: seconds to ready",
                        Optional.of(start.get(3)), "≤ 10", 10, false));
                lines.add(goal("production jar (" + start.get(0) + "), empty PostgreSQL: RSS at ready (MiB)",
                        Optional.of(start.get(5)), "≤ 512", 512, false));
            }
        }
        // issue 17: a one-page scan read within 2.5 s (p95) for the upload to answer with it; fields read right
        Optional<List<String>> scan = row(report, "reading", "bill, scan (PNG/JPEG; clean, turned, blurred, JPEG 60)");
        lines.add(goal("one-page scan, DocumentReader.read p95 (ms)", scan.map(r -> r.get(5)), "≤ 2500", 2500, false));
        Optional<List<String>> fields = row(report, "reading", "all fields");
        lines.add(goal("bill fields read right, clean scans (%)", fields.map(r -> percent(r.get(2))), "≥ 95", 95, true));
        lines.add(goal("bill fields read right, degraded scans (%)", fields.map(r -> percent(r.get(3))), "≥ 85", 85,
                true));
        Optional<List<String>> screen = row(report, "screening", "one name screened (ms)");
        lines.add(goal("screening one name against 60,000 entries, p95 ms", screen.map(r -> r.get(2)), "≤ 50", 50,
                false));
        Optional<List<String>> rescreen = row(report, "screening",
                "re-screening 10,000 subjects against 500 entries (s)");
        lines.add(goal("re-screening 10,000 subjects after a list update, seconds", rescreen.map(r -> r.get(1)),
                "≤ 60", 60, false));
        // the same end to end: the stored subjects of open cases, the version's load and the reviews it starts
        Optional<List<String>> endToEnd = row(report, "rescreening", "load of the version with its re-screening, in the background (s)");
        lines.add(goal("list version load with re-screening of 10,000 stored subjects (runs, reviews), seconds",
                endToEnd.map(r -> r.get(1)), "≤ 60", 60, false));
        String table = String.join("\n", lines) + "\n";
        return report.substring(0, m.start()) + "<!-- goals -->\n" + table + "<!-- /goals -->"
                + report.substring(m.end());
    }

    private static String goal(String figure, Optional<String> measured, String goal, double bound, boolean atLeast) {
        if (measured.isEmpty()) {
            return "| " + figure + " | not measured yet | " + goal + " | |";
        }
        String value = measured.get().strip();
        String met;
        try {
            double v = Double.parseDouble(value);
            met = (atLeast ? v >= bound : v <= bound) ? "yes" : String.format(Locale.ROOT, "no (by %.2f)",
                    Math.abs(v - bound));
        } catch (NumberFormatException e) {
            met = "?";
        }
        return "| " + figure + " | " + value + " | " + goal + " | " + met + " |";
    }

    /** The figure of a share written "97.8 % (44/45)". */
    private static String percent(String cell) {
        int sign = cell.indexOf('%');
        return sign < 0 ? cell : cell.substring(0, sign).strip();
    }

    /** The first row of a benchmark's table whose first cell is {@code label}. */
    static Optional<List<String>> row(String report, String bench, String label) {
        return rows(report, bench).stream().filter(r -> r.get(0).equals(label)).findFirst();
    }

    /** The rows of the tables between a benchmark's markers, each as its cells (no header or rule rows). */
    static List<List<String>> rows(String report, String bench) {
        Matcher m = Pattern.compile("(?s)<!-- bench:" + Pattern.quote(bench) + " -->\\n(.*?)<!-- /bench:").matcher(report);
        List<List<String>> rows = new ArrayList<>();
        if (!m.find()) {
            return rows;
        }
        for (String line : m.group(1).split("\n")) {
            String t = line.strip();
            if (!t.startsWith("|") || t.startsWith("|---")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : t.substring(1, t.length() - (t.endsWith("|") ? 1 : 0)).split("\\|", -1)) {
                cells.add(cell.strip());
            }
            rows.add(cells);
        }
        return rows;
    }
}
