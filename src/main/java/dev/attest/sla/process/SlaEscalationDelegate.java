package dev.attest.sla.process;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import dev.attest.sla.Escalation;
import dev.attest.sla.Escalations;

/**
 * Runs when an SLA timer of a user task fires (non-interrupting boundary timers): records the escalation,
 * and from the breach on offers the task to senior analysts, then to managers. The service task's inputs name
 * the late task's type ({@code lateTask}) and the step ({@code slaLevel}: {@code WARNING},
 * {@code SENIOR_ANALYSTS} or {@code MANAGERS}); without {@code slaLevel} the step follows from the service
 * task's id ({@link #LEVELS}).
 */
@Component("slaEscalationDelegate")
public class SlaEscalationDelegate implements JavaDelegate {

    /** The escalation step of each service task id. */
    static final Map<String, Escalation.Level> LEVELS = Map.of(
            "Task_WarnReviewer", Escalation.Level.WARNING,
            "Task_EscalateToSeniors", Escalation.Level.SENIOR_ANALYSTS,
            "Task_EscalateToManagers", Escalation.Level.MANAGERS);

    /** Task-local variable set on tasks escalated past their due date (the task list filters by it). */
    public static final String ESCALATED_VARIABLE = "slaEscalated";

    private final TaskService taskService;
    private final Escalations escalations;

    public SlaEscalationDelegate(TaskService taskService, Escalations escalations) {
        this.taskService = taskService;
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object configured = execution.getVariableLocal("slaLevel");
        Escalation.Level level = configured != null ? Escalation.Level.valueOf(configured.toString())
                : LEVELS.get(execution.getCurrentActivityId());
        String lateTaskKey = (String) execution.getVariableLocal("lateTask");
        if (level == null || lateTaskKey == null) {
            throw new IllegalStateException("SLA escalation step " + execution.getCurrentActivityId()
                    + " needs a level and a lateTask input");
        }
        for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(lateTaskKey).list()) {
            switch (level) {
                case SENIOR_ANALYSTS -> {
                    taskService.addCandidateGroup(task.getId(), "senior_analyst");
                    taskService.setVariableLocal(task.getId(), ESCALATED_VARIABLE, true);
                }
                case MANAGERS -> {
                    taskService.addCandidateGroup(task.getId(), "manager");
                    taskService.setVariableLocal(task.getId(), ESCALATED_VARIABLE, true);
                }
                case WARNING -> { }
            }
            escalations.record(execution.getProcessBusinessKey(), task.getId(), task.getName(), level);
        }
    }
}
