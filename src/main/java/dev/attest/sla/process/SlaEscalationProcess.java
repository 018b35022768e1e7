package dev.attest.sla.process;

/**
 * Names of the SlaEscalation process (bpmn/sla-escalation.bpmn), the escalation ladder a case process calls beside
 * each user task with an SLA: its key, its elements and its variables.
 */
public final class SlaEscalationProcess {

    public static final String KEY = "SlaEscalation";

    public static final String EVENT_WARNING = "Event_SlaWarning";
    public static final String EVENT_BREACHED = "Event_SlaBreached";
    public static final String EVENT_SECOND_ESCALATION = "Event_SlaSecondEscalation";
    public static final String TASK_WARN = "Task_Warn";
    public static final String TASK_ESCALATE_TO_SENIORS = "Task_EscalateToSeniors";
    public static final String TASK_ESCALATE_TO_MANAGERS = "Task_EscalateToManagers";
    public static final String END_WARNED = "EndEvent_Warned";
    public static final String END_ESCALATED_TO_SENIORS = "EndEvent_EscalatedToSeniors";
    public static final String END_ESCALATED_TO_MANAGERS = "EndEvent_EscalatedToManagers";

    /** The id of the calling process's user task the ladder escalates (its task definition key). */
    public static final String LATE_TASK = "lateTask";
    /** The step a service task of the ladder takes: an {@code Escalation.Level} name (a local input). */
    public static final String SLA_LEVEL = "slaLevel";

    private SlaEscalationProcess() {
    }
}
