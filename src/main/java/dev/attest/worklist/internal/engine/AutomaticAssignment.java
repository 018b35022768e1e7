package dev.attest.worklist.internal.engine;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import dev.attest.audit.AuditTrail;
import dev.attest.identity.StaffMember;
import dev.attest.identity.UserDirectory;
import dev.attest.workflow.CaseProcesses;
import dev.attest.worklist.AssignmentSettings;
import dev.attest.worklist.TaskAssigned;

/**
 * Gives a new task of a type listed in {@code attest.assignment.automatic.task-keys} to the available candidate with
 * the least open work, as it is created (called by {@link ModelAssignees} for tasks the model left without an
 * assignee, so a model's kept assignee is never overridden). The candidates are the enabled accounts holding a role of
 * one of the task's candidate groups who are not away today. Open work is the sum of the weights of the tasks each
 * holds, by the engine's task priority ({@link #weight(int)}: low 1, normal 2, high 3, urgent 4, so an urgent task
 * counts as much as four low ones); ties go to the user name first in alphabetical order. Without an available
 * candidate the task waits in its groups. The holder is told ({@link TaskAssigned}, by "system"); audited.
 */
@Component
@EnableConfigurationProperties(AssignmentSettings.class)
class AutomaticAssignment {

    private static final Logger log = LoggerFactory.getLogger(AutomaticAssignment.class);

    private final AssignmentSettings settings;
    private final UserDirectory users;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;
    private final TaskRecipients recipients;

    AutomaticAssignment(AssignmentSettings settings, UserDirectory users, NamedParameterJdbcTemplate jdbc,
            AuditTrail audit, TaskRecipients recipients) {
        this.settings = settings;
        this.users = users;
        this.jdbc = jdbc;
        this.audit = audit;
        this.recipients = recipients;
    }

    /**
     * The weight of an open task by its engine priority ({@code dev.attest.cases.Priority#taskPriority()}): up to 25
     * (low) 1, up to 50 (normal, the engine's default) 2, up to 75 (high) 3, above (urgent) 4.
     */
    static int weight(int priority) {
        return priority <= 25 ? 1 : priority <= 50 ? 2 : priority <= 75 ? 3 : 4;
    }

    void created(DelegateTask task) {
        if (task.getAssignee() != null || !settings.automatic(task.getTaskDefinitionKey())) {
            return;
        }
        List<StaffMember> available = users.staff(EngineWorklist.rolesOf(task.getCandidates())).stream()
                .filter(s -> !s.away()).toList();
        if (available.isEmpty()) {
            log.info("Task {} ({}) stays with its groups: no available candidate", task.getId(),
                    task.getTaskDefinitionKey());
            return;
        }
        Map<String, Integer> load = openWork(available.stream().map(StaffMember::username).toList(), task.getId());
        StaffMember chosen = available.stream()
                .min(Comparator.<StaffMember>comparingInt(s -> load.getOrDefault(s.username(), 0))
                        .thenComparing(StaffMember::username))
                .orElseThrow();
        String caseReference = task.getExecution() == null ? null : CaseProcesses.caseReference(task.getExecution());
        audit.record(AuditTrail.Action.TASK_ASSIGNED, task.getId(), caseReference, "automatically to "
                + chosen.username() + " (open work " + load.getOrDefault(chosen.username(), 0) + ")");
        task.setAssignee(chosen.username());
        recipients.tell(new TaskAssigned(task.getId(), task.getName(), recipients.caseId(task, caseReference),
                caseReference, chosen.username(), TaskRecipients.SYSTEM, null));
        log.info("Task {} ({}) given to {} automatically", task.getId(), task.getTaskDefinitionKey(),
                chosen.username());
    }

    /**
     * The weighted open work of each user: the tasks stored, overlaid with those the current command created or
     * changed and has not written yet (a process may create several tasks at once).
     */
    private Map<String, Integer> openWork(List<String> usernames, String except) {
        record Held(String assignee, int priority) {
        }
        Map<String, Held> tasks = new HashMap<>();
        jdbc.query("SELECT ID_, ASSIGNEE_, PRIORITY_ FROM ACT_RU_TASK WHERE ASSIGNEE_ IN (:users)",
                new MapSqlParameterSource("users", usernames),
                rs -> {
                    tasks.put(rs.getString(1), new Held(rs.getString(2), rs.getInt(3)));
                });
        CommandContext context = Context.getCommandContext();
        if (context != null) {
            var cache = context.getDbEntityManager().getDbEntityCache();
            for (TaskEntity cached : cache.getEntitiesByType(TaskEntity.class)) {
                if (cache.isDeleted(cached)) {
                    tasks.remove(cached.getId()); // completed in this command
                } else {
                    tasks.put(cached.getId(), new Held(cached.getAssignee(), cached.getPriority()));
                }
            }
        }
        tasks.remove(except);
        Map<String, Integer> load = new HashMap<>();
        tasks.values().stream().filter(h -> h.assignee() != null && usernames.contains(h.assignee()))
                .forEach(h -> load.merge(h.assignee(), weight(h.priority()), Integer::sum));
        return load;
    }
}
