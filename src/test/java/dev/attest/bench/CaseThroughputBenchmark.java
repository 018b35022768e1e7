package dev.attest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.attest.cases.CaseFile;
import dev.attest.cases.CaseIntake;
import dev.attest.cases.CaseLookup;
import dev.attest.cases.CaseStatus;
import dev.attest.communication.MailStatus;
import dev.attest.communication.internal.OutboxMessages;
import dev.attest.documents.Documents;
import dev.attest.identity.Role;
import dev.attest.identity.RunAs;
import dev.attest.recovery.TwoFactorRecovery;
import dev.attest.worklist.Worklist;

/**
 * End-to-end case throughput: 2FA cases from intake to closed (open, ID uploaded and checked, reviewed, prepared,
 * submitted, approved by the marketplace, switch confirmed) through Attest's services, against a bare engine
 * running the same BPMN and DMN files in the same run with delegates that only set the variables the diagrams
 * route on. Also the SQL statements per case on each side (counted at the JDBC data source; Attest's include the
 * mail relay sending the case's e-mails, and its and the job executor's polling while the run lasts). Writes
 * {@code target/benchmarks/throughput-h2.md} or {@code -postgresql.md}; asserts only that every case closed. Run with
 * {@code ./mvnw -Pbench test -Dtest='CaseThroughput*'}; subclasses choose the database.
 */
@Tag("benchmark")
public abstract class CaseThroughputBenchmark {

    /** The database, as the table names it. */
    abstract String database();

    /** A pooled data source for the bare engine, on an empty database of the same kind as Attest's. */
    abstract DataSource bareDataSource();

    static final int WARM_UP = 20;
    static final int CASES = 200;
    static final CountingDataSource attestStatements = new CountingDataSource();

    /** Where the statements go: per case, by verb and table, the 30 kinds where Attest differs most. */
    static List<String> breakdown(CountingDataSource bare, CountingDataSource attest) {
        Set<String> kinds = new TreeSet<>(bare.byKind.keySet());
        kinds.addAll(attest.byKind.keySet());
        record Row(String kind, double bare, double attest) {
        }
        List<Row> rows = new ArrayList<>();
        for (String k : kinds) {
            double b = bare.byKind.containsKey(k) ? bare.byKind.get(k).sum() / (double) CASES : 0;
            double a = attest.byKind.containsKey(k) ? attest.byKind.get(k).sum() / (double) CASES : 0;
            rows.add(new Row(k, b, a));
        }
        rows.sort(Comparator.comparingDouble((Row r) -> -Math.abs(r.attest - r.bare)));
        List<String> lines = new ArrayList<>();
        lines.add("| statements per case, by kind (largest differences) | bare engine | Attest | difference |");
        lines.add("|---|---|---|---|");
        rows.stream().limit(30).forEach(r -> lines.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %+.1f |",
                r.kind, r.bare, r.attest, r.attest - r.bare)));
        return lines;
    }

    @TestConfiguration
    static class CountStatements {
        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && "dataSource".equals(name) ? attestStatements.wrap(ds) : bean;
                }
            };
        }
    }

    @Autowired CaseIntake intake;
    @Autowired CaseLookup cases;
    @Autowired Documents documents;
    @Autowired Worklist worklist;
    @Autowired TwoFactorRecovery recovery;
    @Autowired ManagementService attestJobs;
    @Autowired OutboxMessages attestOutbox;

    @Test
    void casesPerSecondAndStatementsPerCaseAgainstABareEngine() throws Exception {
        BareEngine bare = new BareEngine(bareDataSource(), getClass().getSimpleName());
        AttestCases attest = new AttestCases(intake, cases, documents, worklist, recovery);
        for (int i = 0; i < WARM_UP; i++) {
            attest.runCase(i, ClientCalls.strict());
            bare.runCase(i, ClientCalls.strict());
        }
        awaitJobs();
        attestStatements.reset();
        bare.statements.reset();

        long bareStart = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            bare.runCase(WARM_UP + i, ClientCalls.strict());
        }
        double bareSeconds = (System.nanoTime() - bareStart) / 1e9;
        long bareSql = bare.statements.statements.get();

        long attestStart = System.nanoTime();
        List<CaseFile> run = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            run.add(attest.runCase(WARM_UP + i, ClientCalls.strict()));
        }
        double attestSeconds = (System.nanoTime() - attestStart) / 1e9;
        awaitJobs();
        long attestSql = attestStatements.statements.get();

        for (CaseFile c : run) {
            assertThat(RunAs.user("manager", () -> cases.get(c.getReference()).getStatus(), Role.MANAGER))
                    .isEqualTo(CaseStatus.CLOSED);
        }
        double bareRate = CASES / bareSeconds;
        double attestRate = CASES / attestSeconds;
        List<String> table = List.of(
                "| 2FA case, intake to closed (" + CASES + " cases, " + database() + ", one thread) | bare engine | Attest | Attest / bare |",
                "|---|---|---|---|",
                String.format("| cases per second | %.1f | %.1f | %.2f |", bareRate, attestRate, attestRate / bareRate),
                String.format("| ms per case | %.1f | %.1f | |", 1000 / bareRate, 1000 / attestRate),
                String.format("| SQL statements per case | %.0f | %.0f | %.2f |", (double) bareSql / CASES,
                        (double) attestSql / CASES, (double) attestSql / bareSql));
        List<String> breakdown = breakdown(bare.statements, attestStatements);
        table = new ArrayList<>(table);
        table.add("");
        table.addAll(breakdown);
        table.forEach(System.out::println);
        CountingDataSource.SAMPLES.forEach(o -> System.out.println("sample: " + o));
        Path out = Path.of("target", "benchmarks", "throughput-" + (database().startsWith("H2") ? "h2" : "postgresql")
                + ".md");
        Files.createDirectories(out.getParent());
        Files.write(out, table);
        bare.close();
    }

    void awaitJobs() throws InterruptedException {
        for (int i = 0; i < 600 && (attestJobs.createJobQuery().executable().count() > 0
                || attestOutbox.countByStatus(MailStatus.QUEUED) > 0); i++) {
            Thread.sleep(100);
        }
    }
}
