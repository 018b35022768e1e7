package dev.attest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.attest.dashboard.Dashboard;
import dev.attest.dashboard.DashboardDataset;
import dev.attest.dashboard.DashboardFigures;
import dev.attest.dashboard.DashboardFilter;
import dev.attest.dashboard.DrillDown;
import dev.attest.dashboard.internal.DailyRollup;
import dev.attest.identity.Role;
import dev.attest.worklist.TaskFilter;
import dev.attest.worklist.WorkItem;
import dev.attest.worklist.Worklist;

/**
 * The dashboard's queries and the task list's first page with 1,000,000 completed tasks in the task records
 * (50,000 closed cases over the last year, 20 tasks each) and 100,000 open tasks (one per open case, in the
 * engine's runtime tables and the task records; 40 % claimed by 20 analysts, the rest offered to the analysts'
 * group), written straight into the tables. Prints a table
 * (p50/p95/max over 30 runs after 5 warm-up runs) and appends it to {@code target/benchmarks/dashboard.md};
 * asserts nothing about time. Subclasses choose the database. Run with {@code ./mvnw -Pbenchmark test}.
 */
@Tag("benchmark")
abstract class DashboardBenchmark {

    static final int CLOSED_CASES = 50_000;
    static final int TASKS_PER_CLOSED_CASE = 20;
    static final int OPEN_TASKS = 100_000;
    static final int ANALYSTS = 20;
    static final int WARM_UP = 5;
    static final int RUNS = 30;

    @Autowired JdbcTemplate jdbc;
    @Autowired Dashboard dashboard;
    @Autowired DailyRollup rollup;
    @Autowired Worklist worklist;

    abstract String database();

    @Test
    void dashboardAndTaskListAtAMillionHistoricTasks() throws IOException {
        Random random = new Random(42);
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        generate(random, now);
        // fresh statistics, as autovacuum (PostgreSQL) would have them; H2 takes the same statement
        jdbc.execute("ANALYZE");
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        rollup.clear();

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Dashboard and task list on %s: %,d historic tasks, %,d open tasks "
                + "(loaded in %.0f s); %d runs after %d warm-up", database(),
                count("sla_ended_task"),
                count("ACT_RU_TASK"), loadSeconds, RUNS, WARM_UP));
        lines.add(String.format(Locale.ROOT, "%-66s %8s %8s %8s", "query", "p50 ms", "p95 ms", "max ms"));

        as("mia", Role.MANAGER);
        DashboardFilter eightWeeks = DashboardFilter.lastWeeks(dashboard.today(), 8, null);
        DashboardFilter year = new DashboardFilter(dashboard.today().minusDays(364), dashboard.today(), null);
        long r0 = System.nanoTime();
        int rolled = rollup.rollUp(year.from(), year.to()).added();
        lines.add(String.format(Locale.ROOT, "%-66s %8.0f ms (once)", "daily rollup of " + rolled + " days (nightly job)",
                (System.nanoTime() - r0) / 1e6));

        DashboardFigures figures = dashboard.figures(eightWeeks);
        assertThat(figures.overdue() + figures.dueToday()).isPositive();
        assertThat(figures.weeks().stream().mapToLong(DashboardFigures.Week::completed).sum()).isPositive();

        lines.add(DocumentStorageBenchmark.row("dashboard, all figures, last 8 weeks", time(() -> dashboard.figures(eightWeeks))));
        lines.add(DocumentStorageBenchmark.row("dashboard, all figures, last 12 months", time(() -> dashboard.figures(year))));
        lines.add(DocumentStorageBenchmark.row("dashboard drill-down: overdue tasks (first 200)",
                time(() -> dashboard.drill(DrillDown.Figure.OVERDUE, null, eightWeeks))));

        as("analyst-1", Role.ANALYST);
        TaskFilter group = TaskFilter.of(TaskFilter.Scope.GROUP);
        TaskFilter mine = TaskFilter.of(TaskFilter.Scope.MINE);
        List<WorkItem> page = worklist.page(group, 0, 50);
        assertThat(page).hasSize(50);
        lines.add(DocumentStorageBenchmark.row("task list first page (50), group tasks of " + worklist.count(group)
                + " unclaimed", time(() -> worklist.page(group, 0, 50))));
        lines.add(DocumentStorageBenchmark.row("count of the group tasks (API only; the view does not count)",
                time(() -> worklist.count(group))));
        lines.add(DocumentStorageBenchmark.row("task list first page (50), my " + worklist.count(mine) + " tasks",
                time(() -> worklist.page(mine, 0, 50))));
        as("mia", Role.MANAGER);
        TaskFilter all = TaskFilter.of(TaskFilter.Scope.ALL);
        lines.add(DocumentStorageBenchmark.row("task list first page (50), all open tasks (manager)",
                time(() -> worklist.page(all, 0, 50))));
        SecurityContextHolder.clearContext();

        System.out.println();
        lines.forEach(System.out::println);
        Path out = Path.of("target", "benchmarks", "dashboard-" + (database().startsWith("H2") ? "h2" : "postgresql")
                + ".md");
        Files.createDirectories(out.getParent());
        Files.write(out, lines.stream().map(l -> "    " + l).toList());
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    static void as(String user, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    static List<Double> time(Supplier<?> query) {
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < WARM_UP + RUNS; run++) {
            long t0 = System.nanoTime();
            query.get();
            if (run >= WARM_UP) {
                times.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return OwnershipAnalysisBenchmark.sorted(times);
    }

    void generate(Random random, Instant now) {
        String[] types = {"SELLER_VERIFICATION", "ACCOUNT_RECOVERY_2FA"};
        String[] levels = {"WARNING", "SENIOR_ANALYSTS", "MANAGERS"};
        DashboardDataset data = new DashboardDataset(jdbc);
        for (int c = 0; c < CLOSED_CASES; c++) {
            String reference = "CASE-B-C" + c;
            Instant opened = now.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
            Instant closed = opened.plus(Duration.ofHours(1 + random.nextInt(200)));
            data.caseFile(reference, types[c % 2], "CLOSED", opened, closed, 60L + random.nextInt(6000));
            Instant start = opened;
            for (int t = 0; t < TASKS_PER_CLOSED_CASE; t++) {
                Instant end = start.plus(Duration.ofMinutes(5 + random.nextInt(36 * 60)));
                data.endedTask(reference, types[c % 2], "Task_ReviewDocument", "Review document",
                        "analyst-" + random.nextInt(ANALYSTS), start, end, start.plus(Duration.ofDays(1)), true);
                start = end;
            }
            data.document(reference, "PASSPORT", opened, random.nextInt(4) == 0 ? "REJECTED" : "APPROVED",
                    opened.plus(Duration.ofHours(2)));
            if (c % 10 == 0) {
                data.escalation(reference, "Review document", levels[random.nextInt(3)], opened.plus(Duration.ofDays(1)));
            }
            if (c % 2_000 == 1_999) {
                data.flush();
            }
        }
        for (int o = 0; o < OPEN_TASKS; o++) {
            String reference = "CASE-B-O" + o;
            Instant created = now.minus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
            Instant due = created.plus(Duration.ofHours(8 + random.nextInt(64)));
            data.caseFile(reference, types[o % 2], "IN_PROGRESS", created, null, null);
            boolean claimed = random.nextInt(10) < 4;
            data.openTask(reference, types[o % 2], "Task_ReviewDocument", "Review document",
                    claimed ? "analyst-" + random.nextInt(ANALYSTS) : null, claimed ? null : "analyst", created,
                    due.minus(Duration.ofHours(2)), due);
            if (o % 2_000 == 1_999) {
                data.flush();
            }
        }
        data.flush();
    }
}
