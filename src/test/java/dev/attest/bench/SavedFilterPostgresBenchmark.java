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
 * {@link SavedFilterBenchmark} on PostgreSQL (the server on 127.0.0.1:5432): the database
 * {@code attest_bench_filters} is dropped and created afresh, its schema made by Flyway as in production. Skipped
 * when no server answers.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/attest_bench_filters?reWriteBatchedInserts=true",
        "spring.datasource.username=postgres", "spring.datasource.password=",
        "spring.flyway.enabled=true", "spring.flyway.locations=classpath:db/migration/postgresql",
        "spring.jpa.hibernate.ddl-auto=validate",
        "attest.demo.enabled=false", "attest.bootstrap-admin.password=benchmark-only",
        "attest.documents.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "camunda.bpm.job-execution.enabled=false", "logging.level.root=warn"})
@ActiveProfiles("test")
class SavedFilterPostgresBenchmark extends SavedFilterBenchmark {

    @BeforeAll
    static void freshDatabase() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS attest_bench_filters WITH (FORCE)");
            s.execute("CREATE DATABASE attest_bench_filters");
        } catch (SQLException e) {
            Assumptions.abort("No PostgreSQL on 127.0.0.1:5432: " + e.getMessage());
        }
    }

    @Override
    String database() {
        return "PostgreSQL";
    }

    @Override
    String file() {
        return "postgresql";
    }
}
