package dev.attest.bench;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** {@link SavedFilterBenchmark} on the embedded H2 database (in memory, as the default set-up runs it). */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:saved-filter-benchmark;DB_CLOSE_DELAY=-1",
        "attest.demo.enabled=false", "attest.bootstrap-admin.password=benchmark-only",
        "attest.documents.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "camunda.bpm.job-execution.enabled=false", "logging.level.root=warn"})
@ActiveProfiles("test")
class SavedFilterH2Benchmark extends SavedFilterBenchmark {

    @Override
    String database() {
        return "H2 (in memory)";
    }

    @Override
    String file() {
        return "h2";
    }
}
