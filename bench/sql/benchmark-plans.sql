-- EXPLAIN ANALYZE of the benchmark's statements as BenchmarkService issues them (group "all"),
-- for the assessment :target of bench/parts/15-benchmark-percentiles, as a prepared statement's
-- generic plan (what the JDBC driver ends up using). The percentiles sum benchmark_score_count (V10). Mirrors BenchmarkService: change both together.
\pset pager off
set plan_cache_mode = force_generic_plan;
set jit = off;
prepare stages(text, text) as
select e.stage_quarter, count(*) from benchmark_entry e
where e.assessment_id <> all(cast($1 as bigint[])) and e.organisation_key <> (select organisation_key($2))
group by e.stage_quarter;
prepare percentiles(text, text, text, text, text) as
with target as (select t.key as capability, cast(t.value as double precision) as score
                from jsonb_each_text(cast($3 as jsonb)) t),
     own as materialized (select e.assessment_id from benchmark_entry e
                          where (e.organisation_key = (select organisation_key($2))
                                 or e.assessment_id = any(cast($1 as bigint[]))))
select t.capability,
       (select coalesce(sum(c.n), 0) from benchmark_score_count c
        where c.capability = t.capability and c.group_kind = $4 and c.group_key = $5)
         - (select count(*) from benchmark_score s join own o on o.assessment_id = s.assessment_id where s.capability = t.capability),
       (select coalesce(sum(c.n), 0) from benchmark_score_count c
        where c.capability = t.capability and c.group_kind = $4 and c.group_key = $5 and c.score < t.score)
         - (select count(*) from benchmark_score s join own o on o.assessment_id = s.assessment_id
            where s.capability = t.capability and s.score < t.score)
from target t;
select '{' || :target || '}' as excluded, o.name as organisation,
       (select e.result_json::jsonb from evaluation e where e.assessment_id = :target order by created_at desc limit 1) as result
from assessment a join organisation o on o.id = a.organisation_id where a.id = :target \gset
select json_object_agg(c ->> 'key', c -> 'combined')::text as scores from jsonb_array_elements(:'result'::jsonb -> 'capabilities') c \gset
\echo '## stage distribution, group "all"'
explain (analyze, buffers, costs off) execute stages(:'excluded', :'organisation');
\echo '## percentiles of 18 capabilities, group "all"'
explain (analyze, buffers, costs off) execute percentiles(:'excluded', :'organisation', :'scores', 'ALL', '');
\echo '## percentiles of 18 capabilities, group "financial_services" (industry)'
explain (analyze, buffers, costs off) execute percentiles(:'excluded', :'organisation', :'scores', 'INDUSTRY', 'financial_services');
\echo '## how many count rows the sums read (per capability, group and distinct score)'
select group_kind, count(*) as count_rows, sum(n) as score_rows from benchmark_score_count group by group_kind order by group_kind;
