package dev.attest.sla.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import dev.attest.sla.SlaPolicies;
import dev.attest.sla.TaskLog;
import dev.attest.workflow.CaseProcesses;

/**
 * Engine plugin for every user task of every BPMN: on creation the task gets its due date from the SLA policy of its
 * type (tasks whose type has no policy keep what their BPMN says), and the task log follows the task through creation,
 * assignment, due date changes and its end, for the SLA dashboard. The policy's warning is kept in the task log only:
 * the engine's follow-up date is the analyst's (a task snoozed until a day, see the worklist), not the SLA's.
 */
@Component
class SlaTaskDates extends AbstractProcessEnginePlugin {

    private final SlaPolicies policies;
    private final TaskLog log;

    SlaTaskDates(SlaPolicies policies, TaskLog log) {
        this.policies = policies;
        this.log = log;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        TaskListener onCreate = this::created;
        TaskListener onAssignment = task -> log.assigned(task.getId(), task.getAssignee());
        TaskListener onUpdate = task -> {
            if (dueMayHaveChanged(task)) {
                log.dated(task.getId(), instant(task.getDueDate()));
            }
            log.changed(task.getId(), task.getPriority(), instant(task.getFollowUpDate()), candidateGroups(task));
        };
        TaskListener onComplete = task -> log.ended(task.getId(), task.getAssignee(), "completed",
                ClockUtil.getCurrentTime().toInstant());
        TaskListener onDelete = task -> log.ended(task.getId(), task.getAssignee(), "deleted",
                ClockUtil.getCurrentTime().toInstant());
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    TaskDefinition definition = behavior.getTaskDefinition();
                    definition.addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
                    definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, onAssignment);
                    definition.addTaskListener(TaskListener.EVENTNAME_UPDATE, onUpdate);
                    definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, onComplete);
                    definition.addTaskListener(TaskListener.EVENTNAME_DELETE, onDelete);
                }
            }
        });
    }

    void created(DelegateTask task) {
        var policy = policies.datesFor(task.getTaskDefinitionKey(), task.getCreateTime().toInstant());
        policy.ifPresent(dates -> task.setDueDate(Date.from(dates.due())));
        Instant warning = policy.map(SlaPolicies.Dates::followUp).orElse(instant(task.getFollowUpDate()));
        Object caseType = task.getVariable("caseType");
        log.created(task.getId(), task.getExecution() == null ? null : CaseProcesses.caseReference(task.getExecution()),
                caseType == null ? null : caseType.toString(), task.getTaskDefinitionKey(), task.getName(),
                task.getAssignee(), task.getCreateTime().toInstant(), instant(task.getDueDate()), warning,
                task.getPriority(), instant(task.getFollowUpDate()), candidateGroups(task));
    }

    /**
     * Whether an update event may have changed the task's due date: the engine fires it for every change (a claim, a
     * completion's variables, a follow-up date), and lists what changed since its last user operation log entry. When
     * it lists changes and the due date is not among them (a claim changes only the assignee) the record's date
     * stands; when it lists none (or the task is not the engine's own entity) the date is written to be sure.
     */
    static boolean dueMayHaveChanged(DelegateTask task) {
        if (!(task instanceof TaskEntity entity) || entity.getPropertyChanges().isEmpty()) {
            return true;
        }
        Map<String, PropertyChange> changes = entity.getPropertyChanges();
        return changes.containsKey(TaskEntity.DUE_DATE);
    }

    /** The task's candidate groups, as the task list's "my groups" reads them. */
    static Set<String> candidateGroups(DelegateTask task) {
        Set<String> groups = new TreeSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
