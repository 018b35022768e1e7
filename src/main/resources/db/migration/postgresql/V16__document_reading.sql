-- Documents read themselves (issue 17): what Attest read off each document is kept with it, encrypted with the
-- documents' key (AES-256-GCM, the document's id authenticated), since it holds the document's text; where reading
-- stands and whether the machine-readable zone's check digits agree stay queryable. The document number may be
-- typed; who typed the facts (the client or staff) is named in the checks. Two reasons to reject a document that
-- the new checks find: an altered machine-readable zone, and typed details that contradict the document.
alter table case_document add column document_number varchar(40);
alter table case_document add column reading_status varchar(16)
    check (reading_status in ('DONE','PENDING','UNREADABLE'));
alter table case_document add column mrz_valid boolean;
alter table case_document add column reading_sealed bytea;
alter table case_document add column read_at timestamp(6) with time zone;
alter table case_document add column typed_by_client boolean not null default false;

update case_document set typed_by_client = true where uploaded_by = 'client';

create index ix_case_document_reading on case_document (reading_status);

alter table case_document drop constraint case_document_rejection_reason_check;
alter table case_document add constraint case_document_rejection_reason_check check (rejection_reason in
    ('UNOFFICIAL_DOCUMENT','SCREENSHOT','UNSIGNED','NO_STAMP_OR_SIGNATURE','ADDRESS_MISMATCH','NAME_MISMATCH',
    'EXPIRED','ILLEGIBLE','ALTERED_DOCUMENT','DETAILS_DO_NOT_MATCH','OTHER'));
