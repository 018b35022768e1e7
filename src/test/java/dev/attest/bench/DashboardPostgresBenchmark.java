package dev.attest.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link DashboardBenchmark} on PostgreSQL ({@code ATTEST_BENCH_PG_URL}, default the server on 127.0.0.1:5432):
 * the database {@code attest_bench} is dropped and created afresh. Skipped when no server answers.
 */
@SpringBootTest(properties = {"spring.datasource.url=${ATTEST_BENCH_PG_URL:jdbc:postgresql://127.0.0.1:5432/attest_bench}?reWriteBatchedInserts=true",
        "spring.datasource.username=${ATTEST_BENCH_PG_USER:postgres}", "spring.datasource.password=${ATTEST_BENCH_PG_PASSWORD:}",
        "attest.demo.enabled=false", "attest.bootstrap-admin.password=benchmark-only",
        "attest.documents.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "camunda.bpm.job-execution.enabled=false", "logging.level.root=warn"})
@ActiveProfiles("test")
class DashboardPostgresBenchmark extends DashboardBenchmark {

    @BeforeAll
    static void freshDatabase() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS attest_bench WITH (FORCE)");
            s.execute("CREATE DATABASE attest_bench");
        } catch (SQLException e) {
            Assumptions.abort("No PostgreSQL on 127.0.0.1:5432: " + e.getMessage());
        }
    }

    @Override
    String database() {
        return "PostgreSQL 15";
    }
}
