package dev.attest.worklist.internal.engine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.attest.cases.CaseClosedException;
import dev.attest.validation.InvalidInputException;
import dev.attest.workflow.EngineAuthentication;
import dev.attest.worklist.TaskConflictException;
import dev.attest.worklist.TaskNotFoundException;

/**
 * Runs one worklist action (its checks, its audit record and the engine's work) as one engine command, as the
 * current user. Within a command the engine reads each row once: the task, its identity links, its process instance
 * and definition, its variables are loaded by the checks and reused by the engine's own task commands run inside
 * it, where separate service calls would each read them again.
 * <p>
 * Attest's refusals (no such task, held by someone else, not for the caller's groups, invalid input, a closed case)
 * leave the command as its result and are thrown after it, so the engine does not log them as failed commands. The
 * caller's transaction must exist: it rolls back on the refusal, also whatever the command wrote before it.
 */
@Component
class TaskCommands {

    private final CommandExecutor executor;
    private final EngineAuthentication engine;

    TaskCommands(ProcessEngineConfigurationImpl configuration, EngineAuthentication engine) {
        this.executor = configuration.getCommandExecutorTxRequired();
        this.engine = engine;
    }

    /** Runs the work as one command in the caller's transaction and returns its result, or throws its refusal. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> T run(Command<T> work) {
        Outcome<T> outcome = engine.asCurrentUser(() -> executor.execute(context -> {
            try {
                return new Outcome<>(work.execute(context), null);
            } catch (TaskNotFoundException | TaskConflictException | AccessDeniedException | InvalidInputException
                    | CaseClosedException refusal) {
                return new Outcome<T>(null, refusal);
            }
        }));
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.value();
    }

    private record Outcome<T>(T value, RuntimeException refusal) {
    }
}
