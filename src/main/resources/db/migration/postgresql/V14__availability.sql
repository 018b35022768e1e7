-- Availability (issue 18, item 3): the last day a user is away; null when they are not. Away users are given no
-- new work, by hand or automatically.
alter table user_account add column away_until date;
