package dev.attest.sla.process;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.springframework.stereotype.Component;

import dev.attest.sla.SlaPolicies;
import dev.attest.workflow.ModelCallable;

/**
 * The dates of the SLA timers in the BPMNs ({@code ${slaTimers.warning('Task_ReviewDocument')}}), computed
 * from the task type's policy at the moment the task starts: the warning, the breach, and the second
 * escalation one further period after the breach.
 */
@ModelCallable
@Component("slaTimers")
public class SlaTimers {

    private final SlaPolicies policies;
    private final Clock clock;

    public SlaTimers(SlaPolicies policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    public Date warning(String taskKey) {
        return Date.from(dates(taskKey, clock.instant()).followUp());
    }

    public Date breach(String taskKey) {
        return Date.from(dates(taskKey, clock.instant()).due());
    }

    public Date secondEscalation(String taskKey) {
        Instant due = dates(taskKey, clock.instant()).due();
        return Date.from(dates(taskKey, due).due());
    }

    private SlaPolicies.Dates dates(String taskKey, Instant from) {
        return policies.datesFor(taskKey, from)
                .orElseThrow(() -> new IllegalStateException("No SLA policy for " + taskKey + " (attest.sla.policies)"));
    }
}
