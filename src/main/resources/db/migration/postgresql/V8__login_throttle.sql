-- Failed logins, login locks and their ending by an administrator are audited (issue 16).
alter table audit_entry drop constraint audit_entry_action_check;
alter table audit_entry add constraint audit_entry_action_check check (action in ('DOCUMENT_UPLOADED','DOCUMENT_READ',
    'DOCUMENT_CORRECTED','DEPLOYMENT','MIGRATION','INCIDENT_RETRY','CASE_OPENED','TASK_CLAIMED','TASK_COMPLETED',
    'DECISION_RECORDED','LEGAL_HOLD_PLACED','LEGAL_HOLD_RELEASED','ERASURE_REFUSED','CASE_ERASED','ACCOUNT_DISABLED',
    'ACCOUNT_ENABLED','SETTINGS_CHANGED','ACCOUNT_CREATED','PASSWORD_RESET','LOGIN_FAILED','LOGIN_LOCKED',
    'LOGIN_UNLOCKED'));
