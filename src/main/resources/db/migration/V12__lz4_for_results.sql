-- Evaluation results and approved versions are stored as JSON text of 100–200 KB each. PostgreSQL
-- compresses such values when it stores them; its default method (pglz) took about 2 ms of a 3 ms
-- insert of the demo's result, lz4 compresses several times faster at a similar size. lz4 exists
-- from PostgreSQL 14 on, when the server was built with it: elsewhere the columns keep the default.
-- Rows stored before keep their method; both are read the same way.
do $$
begin
    if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
        alter table evaluation alter column result_json set compression lz4;
        alter table assessment_version alter column result_json set compression lz4;
        alter table assessment_version alter column report_json set compression lz4;
    end if;
end
$$;
