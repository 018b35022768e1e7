-- Record keeping (issue 9): legal holds and erasure after the retention period.
alter table case_file add column legal_hold boolean;
alter table case_file add column legal_hold_reason varchar(500);
alter table case_file add column erased_at timestamp(6) with time zone;

alter table audit_entry drop constraint audit_entry_action_check;
alter table audit_entry add constraint audit_entry_action_check check (action in ('DOCUMENT_UPLOADED','DOCUMENT_READ',
    'DOCUMENT_CORRECTED','DEPLOYMENT','MIGRATION','INCIDENT_RETRY','CASE_OPENED','TASK_CLAIMED','TASK_COMPLETED',
    'DECISION_RECORDED','LEGAL_HOLD_PLACED','LEGAL_HOLD_RELEASED','ERASURE_REFUSED','CASE_ERASED'));
