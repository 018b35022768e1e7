package dev.attest.worklist.internal.engine;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.attest.identity.AccountChanged;
import dev.attest.workflow.EngineAuthentication;

/**
 * The tasks a disabled account held go back to their groups, in the transaction that disables it, so that no work
 * waits on someone who can no longer log in (its SLA clock keeps running). Enabling the account again gives nothing
 * back. Runs after the audit record of the change.
 */
@Component
class DisabledAccountTasks {

    private static final Logger log = LoggerFactory.getLogger(DisabledAccountTasks.class);

    private final TaskService taskService;
    private final EngineAuthentication engine;

    DisabledAccountTasks(TaskService taskService, EngineAuthentication engine) {
        this.taskService = taskService;
        this.engine = engine;
    }

    @EventListener
    @Order(100)
    void accountChanged(AccountChanged change) {
        if (change.enabled()) {
            return;
        }
        var held = taskService.createTaskQuery().taskAssignee(change.username()).list();
        for (Task task : held) {
            engine.asCurrentUser(() -> taskService.setAssignee(task.getId(), null));
        }
        if (!held.isEmpty()) {
            log.warn("{} was disabled: {} held tasks went back to their groups ({})", change.username(), held.size(),
                    held.stream().map(Task::getTaskDefinitionKey).distinct().toList());
        }
    }
}
