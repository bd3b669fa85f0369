-- EXPLAIN ANALYZE of the statements DashboardService issues for a dashboard page (its page query
-- and its capped count), with the parameters bound as literals; used by bench/parts/10-dashboard.
-- Mirrors DashboardService.sql() and customPlans(): change both together. DashboardService plans
-- every page for its parameters (plan_cache_mode = force_custom_plan, set local), as psql does
-- with literals; with an organisation filter of 3 characters or more it also turns index-only
-- and sequential scans off for the transaction, so the filter and its count use the trigram index.
\pset pager off
set jit = off;
\set columns 'a.id, o.name, a.status, a.created_at, a.last_activity_at, a.archived_at, a.stage_quarter, a.stage_phase'
\set progress 'left join lateral (select count(*) filter (where r.role = ''BUSINESS'') as b_total, count(*) filter (where r.role = ''BUSINESS'' and r.submitted_at is not null) as b_submitted from respondent r where r.assessment_id = a.id) p on true'

\echo '## list, last activity (default), deep page 2400: page'
explain (analyze, buffers, costs off)
select :columns, p.* from (select a.id from assessment a where a.archived_at is null
  order by a.last_activity_at desc, a.id desc limit 21 offset 47980) page
join assessment a on a.id = page.id join organisation o on o.id = a.organisation_id :progress
order by a.last_activity_at desc, a.id desc;
\echo '## list, last activity (default): count (stops at 10,001)'
explain (analyze, buffers, costs off)
select count(*) from (select 1 from assessment a where a.archived_at is null limit 10001) matching;

-- as DashboardService sets them for an organisation filter of 3 characters or more
set enable_indexonlyscan = off;
set enable_seqscan = off;
\echo '## filter organisation contains ''bank'', page 1: page'
explain (analyze, buffers, costs off)
select :columns, p.* from (select a.id from assessment a where a.archived_at is null
  and a.organisation_sort like lower('%bank%') escape '\' order by a.last_activity_at desc, a.id desc limit 21 offset 0) page
join assessment a on a.id = page.id join organisation o on o.id = a.organisation_id :progress
order by a.last_activity_at desc, a.id desc;
\echo '## filter organisation contains ''bank'', deep page 200: page'
explain (analyze, buffers, costs off)
select a.id from assessment a where a.archived_at is null
  and a.organisation_sort like lower('%bank%') escape '\' order by a.last_activity_at desc, a.id desc limit 21 offset 3980;
\echo '## filter organisation contains ''bank'': count (in full, from the trigram index; capped in Java)'
explain (analyze, buffers, costs off)
select count(*) from assessment a where a.archived_at is null
  and a.organisation_sort like lower('%bank%') escape '\';
\echo '## filter organisation contains ''00420'' (11 matches), page 1: page ids'
explain (analyze, buffers, costs off)
select a.id from assessment a where a.archived_at is null
  and a.organisation_sort like lower('%00420%') escape '\' order by a.last_activity_at desc, a.id desc limit 21 offset 0;
\echo '## filter organisation contains ''00420'': count'
explain (analyze, buffers, costs off)
select count(*) from assessment a where a.archived_at is null
  and a.organisation_sort like lower('%00420%') escape '\';
reset enable_indexonlyscan;
reset enable_seqscan;

\echo '## filter status=approved, sort stage (most mature first), deep page 450: page ids'
explain (analyze, buffers, costs off)
select a.id from assessment a where a.archived_at is null and a.status = 'APPROVED'
  order by a.stage_rank desc nulls last, a.id desc limit 21 offset 8980;
\echo '## filter status=approved: count'
explain (analyze, buffers, costs off)
select count(*) from (select 1 from assessment a where a.archived_at is null and a.status = 'APPROVED' limit 10001) matching;

\echo '## a consultant''s own view (account 1000008), page 1: page ids (owned read up to the page end, shared looked up by key, merged)'
explain (analyze, buffers, costs off)
select a.id from ((select a.id, a.last_activity_at from assessment a where a.archived_at is null and a.owner_id = 1000008
                   order by a.last_activity_at desc, a.id desc limit 21)
                  union all
                  (select a.id, a.last_activity_at from assessment_share s cross join lateral
                     (select a.id, a.last_activity_at from assessment a where a.archived_at is null
                      and a.id = s.assessment_id and a.owner_id is distinct from 1000008 limit 1) a
                   where s.account_id = 1000008
                   order by a.last_activity_at desc, a.id desc limit 21)) a
order by a.last_activity_at desc, a.id desc limit 21 offset 0;
\echo '## a consultant''s own view: count'
explain (analyze, buffers, costs off)
select count(*) from ((select 1 from assessment a where a.archived_at is null and a.owner_id = 1000008 limit 10001)
                      union all
                      (select 1 from assessment_share s cross join lateral
                         (select 1 from assessment a where a.archived_at is null
                          and a.id = s.assessment_id and a.owner_id is distinct from 1000008 limit 1) a
                       where s.account_id = 1000008 limit 10001)) matching;
