package dev.attest.operations;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A node started with the job executor off (a web-only node, or the benchmarks) starts and is ready: the
 * readiness group leaves out the job executor it does not have instead of failing the start.
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:no-job-executor;DB_CLOSE_DELAY=-1", "attest.demo.enabled=false",
        "attest.bootstrap-admin.password=not-a-demo-password",
        "attest.documents.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NodeWithoutJobExecutorTests {

    @Autowired MockMvc mvc;

    @Test
    void startsAndIsReadyWithoutAJobExecutor() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }
}
