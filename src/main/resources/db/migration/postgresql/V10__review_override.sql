-- A reviewer who approves a document despite open points (unticked checklist items, checks not passed) says why;
-- both are stored with the decision and shown to senior analysts (issue 22, item 2).
alter table case_document add column overridden_points varchar(2000);
alter table case_document add column override_note varchar(2000);
