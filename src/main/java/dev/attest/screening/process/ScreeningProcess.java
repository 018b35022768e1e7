package dev.attest.screening.process;

/** Names of the Screening process (bpmn/screening.bpmn) and its variables. */
public final class ScreeningProcess {

    public static final String KEY = "Screening";

    public static final String TASK_SCREEN_SUBJECTS = "Task_ScreenSubjects";
    public static final String TASK_REVIEW_HITS = "Task_ReviewScreeningHits";
    public static final String TASK_CONFIRM_MATCH = "Task_ConfirmTrueMatch";
    public static final String TASK_SPECIALIST_REVIEW = "Task_SanctionsSpecialistReview";
    public static final String END_CLEARED = "EndEvent_Cleared";
    public static final String END_FALSE_POSITIVES = "EndEvent_FalsePositives";
    public static final String END_OVERTURNED = "EndEvent_Overturned";
    public static final String END_TRUE_MATCH = "EndEvent_TrueMatch";
    public static final String END_SPECIALIST_REVIEWED = "EndEvent_SpecialistReviewed";

    /** In: the case's id. */
    public static final String CASE_ID = "caseId";
    /** In: INTAKE, OWNERSHIP or LIST_UPDATE. */
    public static final String TRIGGER = "screeningTrigger";
    /** In, for OWNERSHIP: the structure version whose individuals to screen. */
    public static final String OWNERSHIP_VERSION = "ownershipVersion";
    /** In for LIST_UPDATE (the hits are already recorded), else set by the screening: the screening run. */
    public static final String RUN_ID = "screeningRunId";
    /** Set by the screening: how many new potential hits wait for the review. */
    public static final String POTENTIAL_HITS = "potentialHits";
    /** Set by the review: whether any hit was judged a true match. */
    public static final String TRUE_MATCH = "trueMatch";
    /** Set by the second reviewer: CONFIRM or OVERTURN. */
    public static final String CONFIRMATION = "confirmation";
    public static final String CONFIRMATION_REASON = "confirmationReason";
    /** Out: {@code false} only when a true match was confirmed (the caller sends the case to the specialist). */
    public static final String CLEARED = "screeningCleared";
    /** Set at the start: whether a case process called this one (else a list update started it on its own). */
    public static final String CALLED = "calledByCaseProcess";

    private ScreeningProcess() {
    }
}
