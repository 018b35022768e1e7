package dev.attest.documents.process;

/** Names of the DocumentCheck process: its key, its elements, its message and its variables. */
public final class DocumentCheckProcess {

    public static final String KEY = "DocumentCheck";
    public static final String MESSAGE_DOCUMENT_RECEIVED = "DocumentReceived";

    public static final String TASK_REQUEST_DOCUMENT = "Task_RequestDocument";
    public static final String GATEWAY_AWAIT_DOCUMENT = "Gateway_AwaitDocument";
    public static final String EVENT_DOCUMENT_RECEIVED = "Event_DocumentReceived";
    public static final String EVENT_CLIENT_SILENT = "Event_ClientSilent";
    public static final String TASK_FOLLOW_UP_CLIENT = "Task_FollowUpClient";
    public static final String GATEWAY_READING_PENDING = "Gateway_ReadingPending";
    /** Reads a document the upload could not read in time (asyncBefore: a job of its own). */
    public static final String TASK_READ_DOCUMENT = "Task_ReadDocument";
    public static final String TASK_RUN_CHECKS = "Task_RunChecks";
    public static final String TASK_REVIEW_DOCUMENT = "Task_ReviewDocument";
    public static final String TASK_RECORD_DECISION = "Task_RecordDecision";
    public static final String TASK_SENIOR_REVIEW = "Task_SeniorReview";
    public static final String END_DOCUMENT_ACCEPTED = "EndEvent_DocumentAccepted";
    public static final String END_NO_DOCUMENT = "EndEvent_NoDocument";
    public static final String END_DOCUMENT_REFUSED = "EndEvent_DocumentRefused";

    public static final String CASE_ID = "caseId";
    public static final String CASE_TYPE = "caseType";
    public static final String HAS_DOCUMENT = "hasDocument";
    /** Which kinds of document the check takes: IDENTITY, ADDRESS, COMPANY or OTHER. */
    public static final String DOCUMENT_GROUP = "documentGroup";
    public static final String DOCUMENT_ID = "documentId";
    /** Whether the received document is still to be read (the upload answered before reading finished). */
    public static final String READING_PENDING = "readingPending";
    /** How many documents were received so far. */
    public static final String ROUND = "round";
    public static final String MAX_ROUNDS = "maxRounds";
    public static final String CHECKS_FAILED = "checksFailed";
    public static final String DOCUMENT_ACCEPTED = "documentAccepted";
    public static final String REJECTION_SUMMARY = "rejectionSummary";
    public static final String CLIENT_REPLY_DUE = "clientReplyDue";
    public static final String DECISION = "decision";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String REVIEW_NOTE = "reviewNote";
    /** An approval despite open points (unticked checklist items, checks not passed). */
    public static final String OVERRIDE = "override";
    public static final String OVERRIDE_NOTE = "overrideNote";
    /** Who rejected the last document: the re-review of the client's answer goes back to them. */
    public static final String REQUESTED_BY = "requestedBy";
    /** What the review task is about, for its name: the document's kind and round ("passport (round 2)"). */
    public static final String REVIEW_SUBJECT = "reviewSubject";
    /** Who the review task is assigned to when it is created, or null for the analysts' group. */
    public static final String REVIEW_ASSIGNEE = "reviewAssignee";
    public static final String FOLLOW_UP = "followUp";
    public static final String SENIOR_DECISION = "seniorDecision";

    private DocumentCheckProcess() {
    }
}
