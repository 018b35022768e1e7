-- Issue 18, saved filters: the task list's text filter finds the open cases whose reference or client holds the text
-- (lower(...) like '%text%'). A b-tree cannot answer "holds"; trigram indexes (pg_trgm) can, for a text of three
-- characters or more: at 100,000 open cases the search reads the few matching rows instead of every case (the case
-- search uses them too). The engine's task names get the same kind of index from EngineIndexes once the engine has
-- made its tables. pg_trgm ships with PostgreSQL and is a trusted extension (the database's owner may create it);
-- where it cannot be created the indexes are left out and the search reads every case, as before: slower, not
-- wrong. The embedded H2 database has no such index (it reads every row).
do $$
begin
    begin
        create extension if not exists pg_trgm;
    exception when others then
        raise notice 'pg_trgm not available (%); the text search of cases reads every case', sqlerrm;
        return;
    end;
    create index if not exists ix_case_file_reference_trgm on case_file using gin (lower(reference) gin_trgm_ops);
    create index if not exists ix_case_file_client_trgm on case_file using gin (lower(client_full_name) gin_trgm_ops);
    create index if not exists ix_case_file_business_trgm on case_file
        using gin (lower(client_business_name) gin_trgm_ops);
end $$;
