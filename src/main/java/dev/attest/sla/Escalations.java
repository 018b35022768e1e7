package dev.attest.sla;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.operations.BusinessMetrics;
import dev.attest.sla.internal.EscalationRecords;

/**
 * Records escalations of late tasks (written by the engine's SLA timers inside the engine's transaction, each
 * published as {@link TaskEscalated}) and tells how far each task was escalated.
 */
@Service
public class Escalations {

    private final EscalationRecords records;
    private final Clock clock;

    private final BusinessMetrics metrics;
    private final ApplicationEventPublisher events;

    Escalations(EscalationRecords records, Clock clock, BusinessMetrics metrics, ApplicationEventPublisher events) {
        this.events = events;
        this.metrics = metrics;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Records an escalation and publishes {@link TaskEscalated} in the same transaction.
     *
     * @param assignee who holds the task, or {@code null}
     */
    @Transactional
    public void record(String caseReference, String taskId, String taskName, Escalation.Level level,
            String assignee) {
        records.save(new Escalation(caseReference, taskId, taskName, level, clock.instant()));
        events.publishEvent(new TaskEscalated(caseReference, taskId, taskName, level, assignee));
        // reaching the senior analysts means the task's SLA was breached
        metrics.count("attest.sla.escalations", "level", level.name());
    }

    /** The highest escalation level of each of the given tasks that has one. */
    @Transactional(readOnly = true)
    public Map<String, Escalation.Level> levels(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        return records.findByTaskIdIn(taskIds).stream().collect(Collectors.toMap(Escalation::getTaskId,
                Escalation::getLevel, (a, b) -> a.compareTo(b) >= 0 ? a : b));
    }

    /** The escalations of a case, oldest first. */
    @Transactional(readOnly = true)
    public List<Escalation> ofCase(String caseReference) {
        return records.findByCaseReferenceOrderByAtAsc(caseReference);
    }
}
