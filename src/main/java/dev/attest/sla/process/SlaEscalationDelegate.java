package dev.attest.sla.process;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import dev.attest.sla.Escalation;
import dev.attest.sla.Escalations;
import dev.attest.sla.TaskLog;
import dev.attest.workflow.CaseProcesses;
import dev.attest.workflow.ModelCallable;

/**
 * Runs when an SLA timer of a user task fires: records the escalation, and from the breach on offers the task to
 * senior analysts, then to managers. The service task's inputs name the late task's type ({@code lateTask}) and the
 * step ({@code slaLevel}: {@code WARNING}, {@code SENIOR_ANALYSTS} or {@code MANAGERS}).
 * <p>
 * The ladder is modelled once, in the {@value SlaEscalationProcess#KEY} process (bpmn/sla-escalation.bpmn), which
 * a case process calls beside the task: there the late task is one of the calling process instance. Process versions
 * deployed before it carry the ladder as boundary timers on the task itself: there the late task is one of the
 * step's own process instance (their running instances keep working).
 */
@ModelCallable
@Component("slaEscalationDelegate")
public class SlaEscalationDelegate implements JavaDelegate {

    /** Task-local variable set on tasks escalated past their due date (the task list filters by it). */
    public static final String ESCALATED_VARIABLE = "slaEscalated";

    private final TaskService taskService;
    private final Escalations escalations;
    private final TaskLog taskLog;

    public SlaEscalationDelegate(TaskService taskService, Escalations escalations, TaskLog taskLog) {
        this.taskService = taskService;
        this.escalations = escalations;
        this.taskLog = taskLog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object configured = execution.getVariableLocal(SlaEscalationProcess.SLA_LEVEL);
        String lateTaskKey = (String) execution.getVariableLocal(SlaEscalationProcess.LATE_TASK);
        if (configured == null || lateTaskKey == null) {
            throw new IllegalStateException("SLA escalation step " + execution.getCurrentActivityId()
                    + " needs the inputs slaLevel and lateTask");
        }
        Escalation.Level level = Escalation.Level.valueOf(configured.toString());
        String offeredTo = switch (level) {
            case WARNING -> null;
            case SENIOR_ANALYSTS -> "senior_analyst";
            case MANAGERS -> "manager";
        };
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceOfLateTask(execution))
                .taskDefinitionKey(lateTaskKey).list()) {
            if (offeredTo != null) {
                taskService.addCandidateGroup(task.getId(), offeredTo);
                taskService.setVariableLocal(task.getId(), ESCALATED_VARIABLE, true);
                taskLog.escalated(task.getId());
            }
            escalations.record(CaseProcesses.caseReference(execution), task.getId(), task.getName(), level,
                    task.getAssignee());
        }
    }

    /** The process instance the late task belongs to: the caller of the ladder, or the step's own (older versions). */
    static String processInstanceOfLateTask(DelegateExecution execution) {
        DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
        if (caller != null && execution instanceof ExecutionEntity entity
                && SlaEscalationProcess.KEY.equals(entity.getProcessDefinition().getKey())) {
            return caller.getProcessInstanceId();
        }
        return execution.getProcessInstanceId();
    }
}
