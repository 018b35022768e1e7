-- Audit actions of team work (issue 18: notes, assignment, follow-up dates, availability, saved filters, exports)
-- and of documents read by Attest (issue 17), and the two checks that use what was read (MRZ, CONSISTENCY).
alter table audit_entry drop constraint audit_entry_action_check;
alter table audit_entry add constraint audit_entry_action_check check (action in ('DOCUMENT_UPLOADED','DOCUMENT_READ',
    'DOCUMENT_CORRECTED','DEPLOYMENT','MIGRATION','INCIDENT_RETRY','CASE_OPENED','TASK_CLAIMED','TASK_COMPLETED',
    'DECISION_RECORDED','LEGAL_HOLD_PLACED','LEGAL_HOLD_RELEASED','ERASURE_REFUSED','CASE_ERASED','ACCOUNT_DISABLED',
    'ACCOUNT_ENABLED','SETTINGS_CHANGED','ACCOUNT_CREATED','PASSWORD_RESET','LOGIN_FAILED','LOGIN_LOCKED',
    'LOGIN_UNLOCKED','NOTE_ADDED','NOTE_EDITED','TASK_ASSIGNED','TASK_RETURNED','TASK_FOLLOW_UP_SET',
    'AVAILABILITY_CHANGED','TASK_FILTER_SAVED','TASK_FILTER_DELETED','LIST_EXPORTED','DOCUMENT_MACHINE_READ'));

alter table case_document_check drop constraint case_document_check_code_check;
alter table case_document_check add constraint case_document_check_code_check check (code in ('FILE_TYPE',
    'OFFICIAL_DOCUMENT','SCREENSHOT','SIGNATURE','EXPIRY','ISSUER','NAME_MATCH','ADDRESS_MATCH','MRZ','CONSISTENCY'));
