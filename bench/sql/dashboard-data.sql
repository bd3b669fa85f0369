-- Loads a dashboard-sized data set into a Bearing database migrated to V5 or later:
-- :assessments assessments (one organisation each), 3 respondents each (business, development,
-- operations), about 10 million answers at 100,000 assessments, evaluations and approved versions,
-- 50 consultant accounts owning the assessments in turn, and every tenth assessment shared with
-- a second consultant. Deterministic (no random()): the same run gives the same data.
-- Run through bench/generate-dashboard-data, which passes :assessments (default 100000).
--
-- Status mix by assessment number i (i % 20): 0-1 inviting, 2-7 in progress, 8-10 submitted,
-- 11-15 evaluated, 16-19 approved; every 40th is archived.

\set ON_ERROR_STOP on
\timing on
set client_min_messages = warning;
-- bulk load: no triggers, no per-row foreign-key checks; dashboard_refresh() fills the
-- dashboard columns afterwards in one pass, exactly as the triggers would have
set session_replication_role = replica;
set synchronous_commit = off;
set maintenance_work_mem = '512MB';
set work_mem = '256MB';

begin;
truncate answer, respondent, evaluation, assessment_version, assessment_share, assessment, organisation cascade;
delete from account where username like 'bench-consultant-%';

insert into account (id, username, display_name, password_hash, role, created_at, password_changed_at)
select 1000000 + c, 'bench-consultant-' || c, 'Bench consultant ' || c,
       '$2a$10$benchbenchbenchbenchbeOnlyForBenchmarkDataNotALoginXXXXXX', 'CONSULTANT', now(), now()
from generate_series(1, 50) c;

insert into organisation (id, name, created_at)
select i,
       (array['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wingtip', 'Adventure Works', 'Litware',
              'Proseware', 'Lucerne', 'Fourth Coffee', 'Alpine Ski', 'Blue Yonder', 'Coho', 'Humongous',
              'Margie''s Travel', 'Trey Research', 'Wide World', 'Woodgrove', 'Relecloud', 'Datum'])[1 + i % 20]
       || ' ' ||
       (array['Logistics', 'Bank', 'Health', 'Insurance', 'Retail', 'Energy', 'Media', 'Airlines',
              'Foods', 'Telecom', 'Public Sector', 'Software'])[1 + (i / 20) % 12]
       || ' ' || to_char(i, 'FM000000'),
       timestamptz '2024-01-01' + (i * interval '15 minutes')
from generate_series(1, :assessments) i;

insert into assessment (id, organisation_id, questionnaire_key, questionnaire_version, created_at, version,
                        owner_id, archived_at, last_activity_at, organisation_sort)
select i, i, 'devops-maturity', 2, o.created_at, 0,
       1000001 + i % 50,
       case when i % 40 = 39 then o.created_at + interval '30 days' end,
       o.created_at, lower(o.name)
from generate_series(1, :assessments) i join organisation o on o.id = i;

insert into assessment_share (assessment_id, account_id)
select i, 1000001 + (i + 7) % 50 from generate_series(1, :assessments) i where i % 10 = 0;

-- respondent id = 3 * i + role (0 business, 1 development, 2 operations)
insert into respondent (id, assessment_id, display_name, role, created_at, started_at, submitted_at, version, token_hash)
select 3 * i + k, i, null, (array['BUSINESS', 'DEVELOPMENT', 'OPERATIONS'])[k + 1],
       a.created_at + interval '1 hour',
       case when i % 20 >= 2 and (i % 20 >= 8 or k < 2) then a.created_at + interval '1 day' + k * interval '2 hours' end,
       case when i % 20 >= 8 or (i % 20 between 2 and 7 and k = 0)
            then a.created_at + interval '3 days' + k * interval '2 hours' end,
       0, encode(sha256(convert_to('bench-token-' || (3 * i + k), 'UTF8')), 'hex')
from generate_series(1, :assessments) i
cross join generate_series(0, 2) k
join assessment a on a.id = i;

-- 42 answers for each started respondent (about 10 million at 100,000 assessments); the answer
-- table's two indexes are built once after the load rather than maintained row by row
alter table answer drop constraint answer_one_per_question, drop constraint answer_pkey;
insert into answer (id, respondent_id, question_key, value_json, updated_at, version)
select r.id * 50 + q, r.id, 'bench.q' || to_char(q, 'FM00'),
       '{"choice":"option_' || (r.id + q) % 5 || '"}',
       r.started_at + q * interval '3 minutes', 0
from respondent r
cross join generate_series(1, 42) q
where r.started_at is not null;
alter table answer add constraint answer_pkey primary key (id),
                   add constraint answer_one_per_question unique (respondent_id, question_key);

insert into evaluation (id, assessment_id, created_at, rule_set_version, stage_quarter, stage_phase,
                        delivery_band, maturity_index, respondents_included, result_json)
select i, i, a.created_at + interval '5 days', 'bench', 1 + i % 4, case when i % 3 = 0 then 'LATE' else 'EARLY' end,
       (array['LOW', 'MEDIUM', 'HIGH', 'ELITE'])[1 + i % 4], 20 + i % 70, 3, '{}'
from generate_series(1, :assessments) i join assessment a on a.id = i
where i % 20 >= 11;

insert into assessment_version (id, assessment_id, number, evaluation_id, approved_by, approved_at, rule_set_version,
                                questionnaire_key, questionnaire_version, result_json, content_hash, stage_quarter,
                                stage_phase, delivery_band, maturity_index)
select e.id, e.assessment_id, 1, e.id, 'bench-consultant-1', e.created_at + interval '2 days', 'bench',
       'devops-maturity', 2, '{}', repeat('0', 64), e.stage_quarter, e.stage_phase, e.delivery_band, e.maturity_index
from evaluation e where e.assessment_id % 20 >= 16;

select dashboard_refresh();

-- ids stay clear of what Hibernate's pooled sequences hand out next
select setval('organisation_seq', (select coalesce(max(id), 0) + 100 from organisation));
select setval('assessment_seq', (select coalesce(max(id), 0) + 100 from assessment));
select setval('respondent_seq', (select coalesce(max(id), 0) + 100 from respondent));
select setval('answer_seq', (select coalesce(max(id), 0) + 100 from answer));
select setval('evaluation_seq', (select coalesce(max(id), 0) + 100 from evaluation));
select setval('assessment_version_seq', (select coalesce(max(id), 0) + 100 from assessment_version));
commit;

set session_replication_role = origin;
vacuum analyze organisation, assessment, assessment_share, respondent, answer, evaluation, assessment_version;

select status, count(*) from assessment where archived_at is null group by status order by status;
select (select count(*) from assessment) as assessments, (select count(*) from respondent) as respondents,
       (select count(*) from answer) as answers;
