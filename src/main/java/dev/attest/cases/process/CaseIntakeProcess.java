package dev.attest.cases.process;

/** Names of the CaseIntake process: its key, its elements and its variables. */
public final class CaseIntakeProcess {

    public static final String KEY = "CaseIntake";

    public static final String TASK_TRIAGE = "Task_TriageCase";
    public static final String TASK_RECORD_TRIAGE = "Task_RecordTriage";
    public static final String CALL_TWO_FACTOR_RESET = "CallActivity_TwoFactorReset";
    public static final String CALL_SELLER_VERIFICATION = "CallActivity_SellerVerification";
    public static final String TASK_SPECIALIST_REVIEW = "Task_SpecialistReview";
    public static final String TASK_CLOSE_CASE = "Task_CloseCase";
    public static final String END_CASE_CLOSED = "EndEvent_CaseClosed";

    /** The case's public id (a UUID as text). */
    public static final String CASE_ID = "caseId";
    public static final String CASE_TYPE = "caseType";
    public static final String LOST_PHONE_ACCESS = "lostPhoneAccess";
    public static final String LOST_EMAIL_ACCESS = "lostEmailAccess";
    public static final String ACCOUNT_SUSPENDED = "accountSuspended";
    public static final String BUSINESS_ACCOUNT = "businessAccount";
    /** The triage decision's single result (a map of route, priority, slaClass). */
    public static final String TRIAGE = "triage";
    public static final String ROUTE = "route";
    public static final String TASK_PRIORITY = "taskPriority";
    public static final String REVIEW_DUE = "reviewDue";
    /** The outcome the case closes with: a {@link dev.attest.cases.CaseOutcome} name. */
    public static final String OUTCOME = "outcome";
    public static final String OUTCOME_NOTE = "outcomeNote";
    public static final String VERIFICATION_PASSED = "verificationPassed";
    /** What the 2FA reset ended with: {@code RECOVERED} or {@code SPECIALIST}. */
    public static final String RECOVERY_RESULT = "recoveryResult";
    public static final String RECOVERY_NOTE = "recoveryNote";

    private CaseIntakeProcess() {
    }
}
