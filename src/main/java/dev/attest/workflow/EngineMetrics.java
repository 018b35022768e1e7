package dev.attest.workflow;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The engine's state as gauges, read from the database at each scrape: jobs due now, jobs that failed and wait
 * for a retry, jobs out of retries, open incidents, running process instances.
 */
@Component
class EngineMetrics implements MeterBinder {

    private final ManagementService managementService;
    private final RuntimeService runtimeService;

    EngineMetrics(ManagementService managementService, RuntimeService runtimeService) {
        this.managementService = managementService;
        this.runtimeService = runtimeService;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("attest.engine.jobs.due", () -> managementService.createJobQuery().executable().count())
                .description("Jobs the executor may run now").register(registry);
        Gauge.builder("attest.engine.jobs.retrying", () -> managementService.createJobQuery().withException()
                .withRetriesLeft().count()).description("Jobs that failed and wait for a retry").register(registry);
        Gauge.builder("attest.engine.jobs.failed", () -> managementService.createJobQuery().noRetriesLeft().count())
                .description("Jobs out of retries (each has an incident)").register(registry);
        Gauge.builder("attest.engine.incidents", () -> runtimeService.createIncidentQuery().count())
                .description("Open incidents").register(registry);
        Gauge.builder("attest.engine.instances", () -> runtimeService.createProcessInstanceQuery().active().count())
                .description("Running process instances").register(registry);
    }
}
