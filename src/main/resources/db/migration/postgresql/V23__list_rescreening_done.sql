-- A list version records when its re-screening of the open cases finished; a version without it is screened again
-- at the next start (the node stopped half-way, or a case failed). Versions loaded before this column were
-- re-screened when they were loaded.
alter table screening_list_version add column rescreened_at timestamp(6) with time zone;
update screening_list_version set rescreened_at = loaded_at;
