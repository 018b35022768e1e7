-- Accounts are created and passwords reset by administrators, both audited (issue 9); a reset ends the sessions
-- opened before it.
alter table user_account add column password_changed_at timestamp(6) with time zone;
alter table audit_entry drop constraint audit_entry_action_check;
alter table audit_entry add constraint audit_entry_action_check check (action in ('DOCUMENT_UPLOADED','DOCUMENT_READ',
    'DOCUMENT_CORRECTED','DEPLOYMENT','MIGRATION','INCIDENT_RETRY','CASE_OPENED','TASK_CLAIMED','TASK_COMPLETED',
    'DECISION_RECORDED','LEGAL_HOLD_PLACED','LEGAL_HOLD_RELEASED','ERASURE_REFUSED','CASE_ERASED','ACCOUNT_DISABLED',
    'ACCOUNT_ENABLED','SETTINGS_CHANGED','ACCOUNT_CREATED','PASSWORD_RESET'));
