-- The benchmark's queries on a synthetic consultancy: 20,000 approved assessments, 18 capability
-- scores each (360,000 score rows), 13 industries, 8 sizes. Runs inside a transaction that is
-- rolled back; foreign keys are not checked for the synthetic rows (session_replication_role).
-- Run against a database migrated to V7 (e.g. a test database after a test run):
--   psql -h 127.0.0.1 -U postgres -d <db> -f bench/benchmark-query.sql
\timing on
begin;
set local session_replication_role = replica;
insert into benchmark_entry (assessment_id, version_id, version_number, organisation_key, industry,
                             organisation_size, stage_quarter, stage_phase, delivery_band, maturity_index, approved_at)
select 1000000 + g, 1000000 + g, 1, 'client ' || g,
       (array['consumer','media_entertainment','non_profit','technology','telecommunications','education',
              'financial_services','healthcare_pharmaceuticals','energy','government','insurance',
              'industrials_manufacturing','other'])[1 + g % 13],
       (array['solo','fewer_than_10','fewer_than_100','fewer_than_500','fewer_than_1000','fewer_than_5000',
              'fewer_than_10000','more_than_9999'])[1 + g % 8],
       1 + g % 4, case when g % 2 = 0 then 'EARLY' else 'LATE' end, 'MEDIUM', 50, now()
from generate_series(1, 20000) g;
insert into benchmark_score (assessment_id, capability, score)
select 1000000 + g, c, (hashtext(c || g) & 1023) / 10.23
from generate_series(1, 20000) g,
     unnest(array['business_it_alignment','dev_ops_collaboration','shared_visibility','shadow_it',
                  'tooling_decisions','leadership_sponsorship','source_control','continuous_integration',
                  'test_automation','deployment_release','configuration_iac','monitoring_alerting',
                  'cloud_platform','pipeline_security','deployment_frequency','lead_time','recovery_time',
                  'change_failure_rate']) c;
analyze benchmark_entry;
analyze benchmark_score;

-- the group size and stage distribution (BenchmarkService, group "all")
explain (analyze, costs off, timing off, summary on)
select e.stage_quarter, count(*) from benchmark_entry e
where e.assessment_id <> all(cast('{1,2}' as bigint[])) and e.organisation_key <> organisation_key('Lantern Trust')
group by e.stage_quarter;

-- the percentiles of one organisation's 18 capabilities (group "all")
explain (analyze, costs off, timing off, summary on)
with target as (select t.key as capability, cast(t.value as double precision) as score
                from jsonb_each_text(cast('{"business_it_alignment":58.3,"dev_ops_collaboration":58.3,"shared_visibility":58.3,"shadow_it":58.3,"tooling_decisions":58.3,"leadership_sponsorship":58.3,"source_control":50,"continuous_integration":50,"test_automation":50,"deployment_release":58.3,"configuration_iac":50,"monitoring_alerting":58.3,"cloud_platform":50,"pipeline_security":50,"deployment_frequency":58.3,"lead_time":58.3,"recovery_time":58.3,"change_failure_rate":50}' as jsonb)) t),
     peers as (select e.assessment_id from benchmark_entry e
               where e.assessment_id <> all(cast('{1,2}' as bigint[])) and e.organisation_key <> organisation_key('Lantern Trust'))
select t.capability, count(*), count(*) filter (where s.score < t.score)
from target t join benchmark_score s on s.capability = t.capability join peers p on p.assessment_id = s.assessment_id
group by t.capability, t.score;

-- the same within one industry
explain (analyze, costs off, timing off, summary on)
with target as (select t.key as capability, cast(t.value as double precision) as score
                from jsonb_each_text(cast('{"business_it_alignment":58.3,"source_control":50,"test_automation":50}' as jsonb)) t),
     peers as (select e.assessment_id from benchmark_entry e
               where e.assessment_id <> all(cast('{1,2}' as bigint[])) and e.organisation_key <> organisation_key('Lantern Trust')
                 and e.industry = 'financial_services')
select t.capability, count(*), count(*) filter (where s.score < t.score)
from target t join benchmark_score s on s.capability = t.capability join peers p on p.assessment_id = s.assessment_id
group by t.capability, t.score;
rollback;
