package dev.attest.ownership.process;

/** Names of the BeneficialOwnership process. */
public final class BeneficialOwnershipProcess {

    public static final String KEY = "BeneficialOwnership";
    public static final String MESSAGE_OWNERSHIP_RECORDED = "OwnershipRecorded";

    public static final String TASK_RECORD_STRUCTURE = "Task_RecordStructure";
    public static final String EVENT_STRUCTURE_RECORDED = "Event_StructureRecorded";
    public static final String TASK_ANALYSE_STRUCTURE = "Task_AnalyseStructure";
    public static final String TASK_REQUEST_DOCUMENTS = "Task_RequestOwnershipDocuments";
    public static final String GATEWAY_AWAIT_CLIENT = "Gateway_AwaitClient";
    public static final String TASK_CONFIRM_OWNERS = "Task_ConfirmOwners";
    public static final String TASK_APPROVE_OWNERS = "Task_ApproveOwners";
    public static final String END_OWNERS_APPROVED = "EndEvent_OwnersApproved";

    public static final String CASE_ID = "caseId";
    public static final String STRUCTURE_RECORDED = "structureRecorded";
    public static final String DOCUMENTS_NEEDED = "documentsNeeded";
    public static final String OWNERSHIP_VERSION = "ownershipVersion";
    public static final String FINDINGS_SUMMARY = "findingsSummary";
    public static final String CLIENT_REPLY_DUE = "clientReplyDue";
    public static final String CONFIRMED_BY = "confirmedBy";
    public static final String APPROVAL = "approval";

    private BeneficialOwnershipProcess() {
    }
}
