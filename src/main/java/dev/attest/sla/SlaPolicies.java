package dev.attest.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * SLA policies per task type (BPMN task id), configured in one place ({@code attest.sla.policies}): a task
 * is due after a time in business days ({@code 2d}) or business hours ({@code 4h}), and its follow-up date
 * (the warning) is at {@code warn-at} of that time (default 75 %).
 */
@Component
@ConfigurationProperties(prefix = "attest.sla")
public class SlaPolicies {

    private Map<String, String> policies = new TreeMap<>();
    private double warnAt = 0.75;
    private final BusinessCalendar calendar;

    @Autowired
    public SlaPolicies(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * When a task is due and when its assignee is warned.
     *
     * @param followUp the warning, at {@code warn-at} of the way to the due date
     * @param due the due date
     */
    public record Dates(Instant followUp, Instant due) {
    }

    /** The dates of a task of the given type created at the given moment, if a policy covers the type. */
    public Optional<Dates> datesFor(String taskKey, Instant created) {
        String policy = policies.get(taskKey);
        if (policy == null || policy.isBlank()) {
            return Optional.empty();
        }
        String p = policy.strip().toLowerCase(Locale.ROOT);
        double amount = Double.parseDouble(p.substring(0, p.length() - 1));
        Instant due;
        Instant followUp;
        if (p.endsWith("d")) {
            due = calendar.addBusinessDays(created, (int) amount);
            followUp = calendar.addBusinessHours(created, amount * 8 * warnAt);
        } else if (p.endsWith("h")) {
            due = calendar.addBusinessHours(created, amount);
            followUp = calendar.addBusinessHours(created, amount * warnAt);
        } else {
            throw new IllegalStateException("SLA policy '" + policy + "' for " + taskKey + " must end in d or h");
        }
        if (followUp.isAfter(due)) {
            followUp = due.minus(Duration.ofMinutes(1));
        }
        return Optional.of(new Dates(followUp, due));
    }

    public Map<String, String> getPolicies() {
        return policies;
    }

    public void setPolicies(Map<String, String> policies) {
        this.policies = new TreeMap<>(policies);
    }

    public double getWarnAt() {
        return warnAt;
    }

    public void setWarnAt(double warnAt) {
        this.warnAt = warnAt;
    }
}
