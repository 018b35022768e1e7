package dev.attest.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;

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
        DelegateExecution root = execution.getProcessInstance();
        while (root.getSuperExecution() != null) {
            root = root.getSuperExecution().getProcessInstance();
        }
        return root.getBusinessKey();
    }
}
