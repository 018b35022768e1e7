-- Issue 18, saved filters: the task list reads Attest's own record of the open tasks (sla_open_task, written by the
-- engine's task listeners in the engine's transaction) instead of the engine's task tables. The record gets what the
-- list filters and sorts by: the engine's priority, the follow-up date the holder snoozed the task until, whether the
-- SLA escalated it, and its candidate groups (one row per task and group). Indexed in the list's order (priority, due,
-- created), so that a page is one indexed query that stops after its rows.
-- a task of no case is recorded too (the task list shows it), without a reference; the SLA figures leave it out
alter table sla_open_task alter column case_reference drop not null;
alter table sla_open_task add column priority integer not null default 50;
alter table sla_open_task add column snoozed_until timestamp(6) with time zone;
alter table sla_open_task add column escalated boolean not null default false;

create table sla_open_task_group (
    task_id varchar(64) not null,
    group_id varchar(64) not null,
    primary key (task_id, group_id)
);

create index ix_open_task_group on sla_open_task_group (group_id, task_id);
create index ix_open_task_order on sla_open_task (priority desc, due_at, created_at, id);
create index ix_open_task_held on sla_open_task (assignee, priority desc, due_at, created_at, id);

-- the tasks open now: their columns from the engine's tables (which do not exist yet on a new database: nothing
-- to copy then)
do $$
begin
    if to_regclass('act_ru_task') is null then
        return;
    end if;
    update sla_open_task o set priority = t.priority_, snoozed_until = t.follow_up_date_
        from act_ru_task t where t.id_ = o.id;
    update sla_open_task o set escalated = true where exists (select 1 from act_ru_variable v
        where v.task_id_ = o.id and v.name_ = 'slaEscalated' and v.type_ = 'boolean' and v.long_ = 1);
    insert into sla_open_task_group (task_id, group_id) select distinct i.task_id_, i.group_id_
        from act_ru_identitylink i join sla_open_task o on o.id = i.task_id_
        where i.type_ = 'candidate' and i.group_id_ is not null;
end $$;

-- the text filter's task names (upper(name) like '%TEXT%'), where pg_trgm is installed (V21)
do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index if not exists ix_open_task_name_trgm on sla_open_task using gin (upper(name) gin_trgm_ops);
    end if;
end $$;
