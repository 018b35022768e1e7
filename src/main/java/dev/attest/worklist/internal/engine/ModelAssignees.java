package dev.attest.worklist.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.attest.identity.Role;
import dev.attest.identity.UserDirectory;
import dev.attest.workflow.CaseProcesses;
import dev.attest.worklist.TaskAssigned;

/**
 * A task that a model assigns as it is created ({@code camunda:assignee}: a name, or an expression such as the
 * document review's {@code ${reviewAssignee}}, whatever a designer wrote) is given to that user only when they could
 * claim it themselves: an enabled account holding a role of one of the task's candidate groups (any role when it has
 * none) and is not away. Otherwise (an unknown name, a disabled account, a user outside the groups, someone away) the
 * task is offered to its groups instead, before anything else hears of it, so that no work waits on someone who cannot
 * do it and nobody holds work their role may not do. A kept assignee is told ({@link TaskAssigned}, by "system").
 * Then, when the task has no assignee, {@link AutomaticAssignment} may give it to someone.
 */
@Component
class ModelAssignees extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ModelAssignees.class);

    /** What the holder of a re-review is told. */
    static final String RE_REVIEW_NOTE = "Re-review of the document you asked the client to replace";
    static final String DOCUMENT_REVIEW = "Task_ReviewDocument";

    private final UserDirectory users;
    private final ObjectProvider<TaskRecipients> recipients;
    private final ObjectProvider<AutomaticAssignment> automatic;

    ModelAssignees(UserDirectory users, ObjectProvider<TaskRecipients> recipients,
            ObjectProvider<AutomaticAssignment> automatic) {
        this.users = users;
        this.recipients = recipients;
        this.automatic = automatic;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        TaskListener onCreate = this::created;
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    // a built-in listener: it runs before the model's own and the SLA log's
                    behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
                }
            }
        });
    }

    void created(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null) {
            automatic.getObject().created(task);
            return;
        }
        if (mayTake(assignee, task) && users.awayUntil(assignee).isEmpty()) {
            TaskRecipients tell = recipients.getObject();
            String caseReference = task.getExecution() == null ? null : CaseProcesses.caseReference(task.getExecution());
            tell.tell(new TaskAssigned(task.getId(), task.getName(), tell.caseId(task, caseReference), caseReference,
                    assignee, TaskRecipients.SYSTEM, DOCUMENT_REVIEW.equals(task.getTaskDefinitionKey())
                            ? RE_REVIEW_NOTE : null));
            return;
        }
        log.warn("Task {} ({}) was to be assigned to '{}', who may not take it or is away: offered to its groups instead",
                task.getId(), task.getTaskDefinitionKey(), assignee.length() > 100 ? assignee.substring(0, 100)
                        : assignee);
        task.setAssignee(null);
        automatic.getObject().created(task);
    }

    private boolean mayTake(String assignee, DelegateTask task) {
        List<String> groups = task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        List<Role> roles = Arrays.stream(Role.values()).filter(r -> groups.contains(r.group())).toList();
        if (!groups.isEmpty() && roles.isEmpty()) {
            return false; // groups that are no role of Attest's: nobody may be given it by name
        }
        return users.mayTake(assignee, roles.isEmpty() ? Arrays.asList(Role.values()) : roles);
    }
}
