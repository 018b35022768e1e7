package dev.attest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.attest.cases.CaseType;
import dev.attest.cases.Priority;
import dev.attest.dashboard.DashboardDataset;
import dev.attest.identity.Role;
import dev.attest.sla.TaskLog;
import dev.attest.sla.process.SlaEscalationDelegate;
import dev.attest.worklist.SavedFilter;
import dev.attest.worklist.SavedFilters;
import dev.attest.worklist.TaskFilter;
import dev.attest.worklist.TaskFilter.Scope;
import dev.attest.worklist.Worklist;

/**
 * The task list with saved filters at 100,000 open tasks (issue 18): one open case per task, written straight into
 * Attest's and the engine's tables (the engine's rows as a running process's: execution, task, candidate group,
 * the case type as a process variable, the escalation as a task variable); 40 % claimed by 20 analysts, the rest
 * offered to the analysts' group; priorities, escalations and follow-up dates spread over the tasks. Saved filters
 * are made through {@link SavedFilters}, and measured through it and the real {@link Worklist}: the first page (50)
 * of each filter, the filter bar's list with its capped counts, and the exact count beside the capped one.
 * p50/p95/max over 30 runs after 5 warm-up runs; writes {@code target/benchmarks/saved-filters-DB.md}; asserts
 * nothing about time. Subclasses choose the database. Run with {@code ./mvnw -Pbench test -Dtest='SavedFilter*'}.
 */
@Tag("benchmark")
abstract class SavedFilterBenchmark {

    static final int OPEN_TASKS = 100_000;
    static final int ANALYSTS = 20;
    static final int WARM_UP = 5;
    static final int RUNS = 30;
    static final int PAGE = 50;

    @Autowired JdbcTemplate jdbc;
    @Autowired Worklist worklist;
    @Autowired SavedFilters savedFilters;
    @Autowired ZoneId zone;
    @Autowired TaskLog taskLog;

    abstract String database();

    abstract String file();

    @Test
    void taskListWithSavedFiltersAtAHundredThousandOpenTasks() throws IOException {
        long t0 = System.nanoTime();
        generate(new Random(18), Instant.now());
        taskLog.rebuildListColumns(); // the data went straight into the engine's tables, past its task listeners
        jdbc.execute("ANALYZE");
        double loadSeconds = (System.nanoTime() - t0) / 1e9;

        LocalDate today = LocalDate.now(zone);
        List<String> lines = new ArrayList<>();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        lines.add(String.format(Locale.ROOT, "Task list with saved filters on %s: %,d open tasks (loaded in %.0f s), "
                + "first page of %d; %d runs after %d warm-up; %d cores, load average (1 min) %.1f at the start",
                database(), count("ACT_RU_TASK"), loadSeconds, PAGE, RUNS, WARM_UP,
                Runtime.getRuntime().availableProcessors(), loadBefore));
        lines.add("");
        lines.add("| query | tasks | p50 ms | p95 ms | max ms |");
        lines.add("|---|---|---|---|---|");

        DashboardBenchmark.as("mia", Role.MANAGER);
        savedFilters.save("Team: 2FA recoveries, all", true, TaskFilter.of(Scope.ALL)
                .withCaseType(CaseType.ACCOUNT_RECOVERY_2FA));
        savedFilters.save("Held by analyst-3", false, TaskFilter.of(Scope.ALL).withAssignee("analyst-3"));
        savedFilters.save("Urgent, due within a week", false, TaskFilter.of(Scope.ALL).withPriority(Priority.URGENT)
                .withDue(null, today.plusDays(7)));
        savedFilters.save("All: client text \"B-O12\"", false, TaskFilter.of(Scope.ALL).withText("B-O12"));
        DashboardBenchmark.as("analyst-1", Role.ANALYST);
        savedFilters.save("Group: escalated", false, TaskFilter.of(Scope.GROUP).withEscalatedOnly(true));
        savedFilters.save("Group: seller verifications due by tomorrow", false, TaskFilter.of(Scope.GROUP)
                .withCaseType(CaseType.SELLER_VERIFICATION).withDue(null, today.plusDays(1)));
        savedFilters.save("Group: high priority, not snoozed", false, TaskFilter.of(Scope.GROUP)
                .withPriority(Priority.HIGH).withFollowUp(TaskFilter.FollowUp.HIDE_SNOOZED));
        savedFilters.save("Mine: snoozed", false, TaskFilter.of(Scope.MINE).withFollowUp(TaskFilter.FollowUp.SNOOZED_ONLY));
        savedFilters.save("Group: client text \"B-O12\"", false, TaskFilter.of(Scope.GROUP).withText("B-O12"));
        // a text every task holds (its name), and one none does: the two ends of the text filter's cost
        savedFilters.save("Group: text \"document\" (every task)", false, TaskFilter.of(Scope.GROUP)
                .withText("document"));
        savedFilters.save("Group: text held by no task", false, TaskFilter.of(Scope.GROUP).withText("Nobody Zq"));

        double slowestFirstPage = 0;
        for (String user : List.of("analyst-1", "mia")) {
            Role role = user.equals("mia") ? Role.MANAGER : Role.ANALYST;
            DashboardBenchmark.as(user, role);
            List<SavedFilter> bar = savedFilters.list();
            lines.add(row("filter bar of " + user + ": " + bar.size() + " filters with capped counts", "",
                    time(savedFilters::list)));
            for (SavedFilter saved : bar) {
                if (saved.count() == null) {
                    continue;
                }
                TaskFilter filter = saved.filter();
                assertThat(worklist.page(filter, 0, PAGE)).hasSizeLessThanOrEqualTo(PAGE);
                List<Double> page = time(() -> worklist.page(filter, 0, PAGE));
                slowestFirstPage = Math.max(slowestFirstPage, p95(page));
                lines.add(row("first page: " + saved.name() + " (" + user + ")", saved.count().label(), page));
                lines.add(row("capped count: " + saved.name(), saved.count().label(),
                        time(() -> worklist.countUpTo(filter, 1000))));
                lines.add(row("exact count: " + saved.name(), String.valueOf(worklist.count(filter)),
                        time(() -> worklist.count(filter))));
            }
        }
        SecurityContextHolder.clearContext();
        lines.add(String.format(Locale.ROOT, "| first page, slowest saved filter (p95) | | | %.1f | |", slowestFirstPage));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Load average (1 min) at the end: %.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        System.out.println();
        lines.forEach(System.out::println);
        Path out = Path.of("target", "benchmarks", "saved-filters-" + file() + ".md");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    static String row(String name, String tasks, List<Double> sorted) {
        return String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f |", name, tasks, sorted.get(sorted.size() / 2),
                p95(sorted), sorted.get(sorted.size() - 1));
    }

    static double p95(List<Double> sorted) {
        return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
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

    /**
     * 100,000 open cases with one open task each, through {@link DashboardDataset}; then, in set statements, the
     * case type as each process's variable, the engine priority of one case in ten HIGH and one in fifty URGENT, the
     * escalation flag on one task in twenty, and a follow-up date ahead on one task in twenty (the rest none).
     */
    void generate(Random random, Instant now) {
        String[] types = {"SELLER_VERIFICATION", "ACCOUNT_RECOVERY_2FA"};
        DashboardDataset data = new DashboardDataset(jdbc);
        for (int o = 0; o < OPEN_TASKS; o++) {
            String reference = "CASE-B-O" + o;
            Instant created = now.minus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
            Instant due = created.plus(Duration.ofHours(8 + random.nextInt(7 * 24)));
            data.caseFile(reference, types[o % 2], "IN_PROGRESS", created, null, null);
            boolean claimed = random.nextInt(10) < 4;
            data.openTask(reference, types[o % 2], "Task_ReviewDocument", "Review document",
                    claimed ? "analyst-" + random.nextInt(ANALYSTS) : null, claimed ? null : "analyst", created,
                    null, due);
            if (o % 5_000 == 4_999) {
                data.flush();
            }
        }
        data.flush();
        String number = "CAST(SUBSTRING(t.ID_ FROM 5) AS BIGINT)";
        jdbc.update("INSERT INTO ACT_RU_VARIABLE (ID_, REV_, TYPE_, NAME_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_,"
                + " TEXT_, VAR_SCOPE_, SEQUENCE_COUNTER_, IS_CONCURRENT_LOCAL_)"
                + " SELECT CONCAT('v', e.ID_), 1, 'string', 'caseType', e.ID_, e.ID_, e.PROC_DEF_ID_, c.type, e.ID_, 1,"
                + " FALSE FROM ACT_RU_EXECUTION e JOIN case_file c ON c.reference = e.BUSINESS_KEY_"
                + " WHERE e.BUSINESS_KEY_ LIKE 'CASE-B-O%'");
        jdbc.update("UPDATE ACT_RU_TASK t SET PRIORITY_ = CASE WHEN MOD(" + number + ", 50) = 0 THEN 100"
                + " WHEN MOD(" + number + ", 10) = 0 THEN 75 ELSE 50 END WHERE t.ID_ LIKE 'gen-%'");
        jdbc.update("UPDATE ACT_RU_TASK t SET FOLLOW_UP_DATE_ = ? WHERE t.ID_ LIKE 'gen-%' AND MOD(" + number
                + ", 20) = 7", Timestamp.from(now.plus(Duration.ofDays(3))));
        jdbc.update("INSERT INTO ACT_RU_VARIABLE (ID_, REV_, TYPE_, NAME_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_,"
                + " TASK_ID_, LONG_, TEXT_, VAR_SCOPE_, SEQUENCE_COUNTER_, IS_CONCURRENT_LOCAL_)"
                + " SELECT CONCAT('x', t.ID_), 1, 'boolean', '" + SlaEscalationDelegate.ESCALATED_VARIABLE + "',"
                + " t.EXECUTION_ID_, t.PROC_INST_ID_, t.PROC_DEF_ID_, t.ID_, 1, NULL, t.ID_, 1, FALSE"
                + " FROM ACT_RU_TASK t WHERE t.ID_ LIKE 'gen-%' AND MOD(" + number + ", 20) = 3");
    }
}
