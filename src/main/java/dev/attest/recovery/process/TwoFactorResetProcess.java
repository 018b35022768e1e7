package dev.attest.recovery.process;

/** Names of the TwoFactorReset process: its key, its elements and its variables. */
public final class TwoFactorResetProcess {

    public static final String KEY = "TwoFactorReset";
    public static final String MESSAGE_DECISION = "MarketplaceDecision";

    public static final String CALL_CHECK_IDENTITY = "CallActivity_CheckIdentityDocument";
    public static final String TASK_PREPARE = "Task_PrepareSubmission";
    public static final String TASK_SUBMIT = "Task_SubmitToMarketplace";
    public static final String TASK_RECORD_SUBMISSION = "Task_RecordSubmission";
    public static final String EVENT_DECISION_OVERDUE = "Event_DecisionOverdue";
    public static final String TASK_FOLLOW_UP = "Task_FollowUpMarketplace";
    public static final String TASK_SEND_GUIDANCE = "Task_SendGuidance";
    public static final String TASK_CONFIRM_SWITCH = "Task_ConfirmSwitch";
    public static final String TASK_HAND_TO_SPECIALIST = "Task_HandToSpecialist";
    public static final String END_RECOVERED = "EndEvent_Recovered";
    public static final String END_SPECIALIST = "EndEvent_Specialist";

    public static final String CASE_ID = "caseId";
    public static final String DOCUMENT_ACCEPTED = "documentAccepted";
    public static final String READY = "ready";
    public static final String SUBMITTED_ON = "submittedOn";
    public static final String SUBMISSION_NOTE = "submissionNote";
    public static final String SUBMISSION_ROUND = "submissionRound";
    public static final String RESUBMISSION_ALLOWED = "resubmissionAllowed";
    /** {@code APPROVED} or {@code REJECTED}, set by the message. */
    public static final String MARKETPLACE_DECISION = "marketplaceDecision";
    public static final String FOLLOW_UP = "followUp";
    public static final String AUTHENTICATOR_APP = "authenticatorApp";
    public static final String PHONE_UPDATED = "phoneUpdated";
    public static final String SWITCH_NOTE = "switchNote";
    /** {@code RECOVERED} or {@code SPECIALIST}: what the calling CaseIntake does next. */
    public static final String RECOVERY_RESULT = "recoveryResult";
    public static final String RECOVERY_NOTE = "recoveryNote";
    public static final String OUTCOME = "outcome";
    public static final String OUTCOME_NOTE = "outcomeNote";

    private TwoFactorResetProcess() {
    }
}
