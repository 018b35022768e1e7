-- E-mails are delivered by a relay on every node that claims due outbox rows (issue 19), no longer by a DeliverMail
-- process instance per e-mail: the row carries when it is due. Queued rows of earlier versions are due at once.
alter table mail_outbox add column next_attempt_at timestamp(6) with time zone;
update mail_outbox set next_attempt_at = created_at where status = 'QUEUED';
create index ix_mail_outbox_due on mail_outbox (status, next_attempt_at);
