-- Issue 18, item 7: an optional e-mail address on staff accounts and a daily digest of unread notifications through
-- the outbox. last_digest_at is claimed with a conditional update, so two nodes send each user's digest once a day.
-- An upload link records the requester's user name too (requested_by is a display name), so that a client's upload
-- notifies whoever asked.
alter table user_account add column email varchar(254);
alter table user_account add column last_digest_at timestamp(6) with time zone;

alter table client_upload_link add column requested_by_user varchar(64);

-- a staff digest is about no single case
alter table mail_outbox alter column case_reference drop not null;
alter table mail_outbox drop constraint mail_outbox_template_check;
alter table mail_outbox add constraint mail_outbox_template_check check (template in ('DOCUMENT_REQUEST',
    'DOCUMENT_REJECTED','REMINDER','AUTHENTICATOR_GUIDANCE','STAFF_DIGEST'));
