package dev.attest.bench;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** {@link CaseThroughputBenchmark} on H2 in memory, Attest's and the bare engine's each its own database. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:throughput-bench;DB_CLOSE_DELAY=-1",
        "attest.demo.enabled=false", "attest.bootstrap-admin.password=throughput-bench-only",
        "attest.documents.encryption-key=pwpXZv8aPgwl28TiwXW60vTpxwGRwyDWWH+uRfii0Rs=",
        "logging.level.dev.attest=warn", "attest.dashboard.rollup-cron=-"})
@ActiveProfiles("test")
@Import(CaseThroughputBenchmark.CountStatements.class)
@DirtiesContext
class CaseThroughputH2Benchmark extends CaseThroughputBenchmark {

    @Override
    String database() {
        return "H2";
    }

    @Override
    DataSource bareDataSource() {
        return JdbcConnectionPool.create("jdbc:h2:mem:bare-throughput;DB_CLOSE_DELAY=-1", "sa", "");
    }
}
