-- Settings changes are audited (issue 9): the settings of the last start-up, and the audit action.
create table audit_setting (
    setting_name varchar(200) not null primary key,
    setting_value varchar(1000) not null
);
alter table audit_entry drop constraint audit_entry_action_check;
alter table audit_entry add constraint audit_entry_action_check check (action in ('DOCUMENT_UPLOADED','DOCUMENT_READ',
    'DOCUMENT_CORRECTED','DEPLOYMENT','MIGRATION','INCIDENT_RETRY','CASE_OPENED','TASK_CLAIMED','TASK_COMPLETED',
    'DECISION_RECORDED','LEGAL_HOLD_PLACED','LEGAL_HOLD_RELEASED','ERASURE_REFUSED','CASE_ERASED','ACCOUNT_DISABLED',
    'ACCOUNT_ENABLED','SETTINGS_CHANGED'));
