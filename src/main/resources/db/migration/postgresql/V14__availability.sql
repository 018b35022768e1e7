-- Availability (issue 18, item 3): the last day a user is away; null when they are not. Away users are given no
-- new work, by hand or automatically.
alter table user_account add column away_until date;

-- Follow-up dates (issue 18, item 5): the engine's follow-up date of a task is now the day an analyst snoozed it
-- until (it is out of "My tasks" before then). Until now the SLA wrote its warning there (kept in sla_open_task, which
-- is where the dashboard reads it): clear those of the open tasks so that none looks snoozed. The engine creates its
-- tables after this runs on a new database.
do $$
begin
    if exists (select 1 from information_schema.tables where table_schema = current_schema() and table_name = 'act_ru_task') then
        update act_ru_task set follow_up_date_ = null where follow_up_date_ is not null;
    end if;
end $$;
