package dev.attest.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * {@link CaseThroughputBenchmark} on PostgreSQL 127.0.0.1:5432: Attest on {@code attest_bench_tp}, the bare engine
 * on {@code attest_bench_bare}, both dropped and created afresh. Skipped when no server answers.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/attest_bench_tp",
        "spring.datasource.username=postgres", "spring.datasource.password=",
        "attest.demo.enabled=false", "attest.bootstrap-admin.password=throughput-bench-only",
        "attest.documents.encryption-key=pwpXZv8aPgwl28TiwXW60vTpxwGRwyDWWH+uRfii0Rs=",
        "logging.level.dev.attest=warn", "attest.dashboard.rollup-cron=-"})
@ActiveProfiles("test")
@Import(CaseThroughputBenchmark.CountStatements.class)
@DirtiesContext
class CaseThroughputPostgresBenchmark extends CaseThroughputBenchmark {

    @BeforeAll
    static void freshDatabases() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            for (String db : new String[] {"attest_bench_tp", "attest_bench_bare"}) {
                s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + db);
            }
        } catch (SQLException e) {
            Assumptions.abort("No PostgreSQL on 127.0.0.1:5432: " + e.getMessage());
        }
    }

    @Override
    String database() {
        return "PostgreSQL 15";
    }

    @Override
    DataSource bareDataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/attest_bench_bare");
        config.setUsername("postgres");
        config.setPassword("");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }
}
