-- Issue 18, saved filters: the task list's text filter finds a task whose name holds the text, or whose open case's
-- reference or client (full name, business name) does. Instead of a search of the open cases united with a search
-- of the task names, the record of the open tasks keeps it all in one lower-cased column (one value per line: a
-- search text holds no line break, so it never matches across two), written by TaskLog when the task is created and
-- again when its case is closed or its client erased. The text filter is then one condition of the list's single
-- query. The embedded H2 database gets the column from Hibernate and its values on start (OpenTaskRecordUpgrade).
alter table sla_open_task add column search_text varchar(1000);

-- the tasks open now (as TaskLog.SEARCH_TEXT)
update sla_open_task o set search_text = coalesce(lower(o.name), '') || coalesce((select E'\n' || lower(c.reference)
        || E'\n' || lower(c.client_full_name) || E'\n' || coalesce(lower(c.client_business_name), '')
    from case_file c where c.reference = o.case_reference and c.status <> 'CLOSED'), '');

-- "holds" is answered by trigrams where pg_trgm is installed (V21); without it the filter reads every open task
-- the task names' own index (V22) served the search of names alone, which the filter no longer makes
drop index if exists ix_open_task_name_trgm;
do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index if not exists ix_open_task_search_trgm on sla_open_task using gin (search_text gin_trgm_ops);
    end if;
end $$;
