package dev.attest.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Which case a running process belongs to, as Attest decided when it started the process: the business key of the
 * process instance at the root of the call hierarchy. Attest sets it to the case's reference when it starts a case's
 * process (intake, a document that arrives on its own); a model cannot start a root instance (its start events
 * are plain, see the deployment guard) and cannot change a root's business key (expressions call no engine
 * methods), whereas it can set any variable and any called process's business key. So a step that acts on a case
 * checks the case its variables name against this.
 */
public final class CaseProcesses {

    private CaseProcesses() {
    }

    /** The reference of the case whose process this execution is part of, or null (a process started without a case). */
    public static String caseReference(DelegateExecution execution) {
        if (execution instanceof ExecutionEntity entity && entity.getRootProcessInstanceId() != null
                && Context.getCommandContext() != null) {
            // the engine keeps the root's id on every execution: one read of the root (none when the command has
            // it already) instead of loading each process instance and super execution on the way up
            ExecutionEntity root = Context.getCommandContext().getExecutionManager()
                    .findExecutionById(entity.getRootProcessInstanceId());
            if (root != null) {
                return root.getBusinessKey();
            }
        }
        DelegateExecution root = execution.getProcessInstance();
        while (root.getSuperExecution() != null) {
            root = root.getSuperExecution().getProcessInstance();
        }
        return root.getBusinessKey();
    }
}
