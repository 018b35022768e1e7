package dev.attest.worklist.internal.engine;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.attest.cases.CaseProgress;
import dev.attest.worklist.TaskAssigned;

/**
 * Tells the new holder of a task that it was given to them: publishes {@link TaskAssigned} in the assigning
 * transaction, with the case the task belongs to.
 */
@Component
class TaskRecipients {

    /** Who gives a task when nobody does by hand (a model's assignee, automatic assignment). */
    static final String SYSTEM = "system";

    private final ApplicationEventPublisher events;
    private final CaseProgress cases;

    TaskRecipients(ApplicationEventPublisher events, CaseProgress cases) {
        this.events = events;
        this.cases = cases;
    }

    void tell(TaskAssigned assigned) {
        events.publishEvent(assigned);
    }

    /**
     * The public id of the task's case: the one its {@code caseId} variable names when that is the case its process
     * was started for (a model can set any variable), else {@code null}.
     */
    String caseId(VariableScope task, String caseReference) {
        if (caseReference == null) {
            return null;
        }
        Object variable = task.getVariable("caseId");
        if (variable == null) {
            return null;
        }
        try {
            return cases.caseOfProcess(variable, caseReference).toString();
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
