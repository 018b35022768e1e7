-- The audit trail becomes a hash chain (issue 9): every record numbered and chained to the one before by SHA-256;
-- the head row is locked while a record is appended. Records written before are chained at start-up.
alter table audit_entry add column seq bigint;
alter table audit_entry add column prev_hash varchar(64);
alter table audit_entry add column hash varchar(64);
create unique index ux_audit_seq on audit_entry (seq);
create index ix_audit_case on audit_entry (case_reference);

create table audit_chain_head (
    id integer not null,
    last_seq bigint not null,
    last_hash varchar(64),
    primary key (id)
);

alter table audit_entry drop constraint audit_entry_action_check;
alter table audit_entry add constraint audit_entry_action_check check (action in ('DOCUMENT_UPLOADED','DOCUMENT_READ',
    'DOCUMENT_CORRECTED','DEPLOYMENT','MIGRATION','INCIDENT_RETRY','CASE_OPENED','TASK_CLAIMED','TASK_COMPLETED',
    'DECISION_RECORDED'));
