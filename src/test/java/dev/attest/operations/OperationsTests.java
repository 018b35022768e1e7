package dev.attest.operations;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.attest.AttestTest;

/**
 * Operations endpoints: the liveness and readiness probes answer anyone (status only), details and the
 * Prometheus metrics only an administrator; the metrics carry Attest's business counters and the engine's gauges.
 */
@AttestTest
class OperationsTests {

    @Autowired MockMvc mvc;

    @Test
    void probesAnswerWithoutLoginAndShowNoDetails() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(httpBasic("admin", "demo"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.jobExecutor.status").value("UP"));
    }

    @Test
    void metricsAreForAdministratorsAndCarryTheBusinessCounters() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("analyst", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                // the demo data opened and closed cases and escalated nothing yet; the engine runs instances
                .andExpect(content().string(containsString("attest_cases_opened_total{application=\"attest\",type=\"ACCOUNT_RECOVERY_2FA\"}")))
                .andExpect(content().string(containsString("attest_cases_closed_total{")))
                .andExpect(content().string(containsString("attest_engine_incidents{")))
                .andExpect(content().string(containsString("attest_engine_instances{")))
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }
}
