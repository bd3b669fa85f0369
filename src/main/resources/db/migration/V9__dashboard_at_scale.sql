-- Bearing schema, version 9: the dashboard at 100,000 assessments and autosave under load
-- (issue 10; figures in bench/README.md, parts 10-dashboard and 20-autosave).

-- The organisation filter ("name contains", any case) reads the lower-case name copied onto the
-- assessment (V5), so the filter and its count read one table: a trigram index on that copy.
-- pg_trgm ships with PostgreSQL (V5 already uses it).
create index assessment_dash_organisation_trgm_idx on assessment using gin (organisation_sort gin_trgm_ops);

-- A status filter with another order than last activity: each order within a status from one
-- index, so a deep page of "approved, most mature first" reads ids in order instead of sorting
-- every approved assessment.
create index assessment_dash_status_stage_idx on assessment (status, stage_rank, id) where archived_at is null;
create index assessment_dash_status_stage_desc_idx on assessment (status, stage_rank desc nulls last, id desc)
    where archived_at is null;
create index assessment_dash_status_organisation_idx on assessment (status, organisation_sort, id)
    where archived_at is null;
create index assessment_dash_status_created_idx on assessment (status, created_at, id) where archived_at is null;

-- A consultant's own assessments in the default order (most recent activity first).
create index assessment_dash_owner_activity_idx on assessment (owner_id, last_activity_at, id)
    where archived_at is null;

-- An answer saved moves its assessment's last activity forward. V5 updated the assessment row in
-- the saving transaction, so every save of any respondent of one assessment waited for the row
-- lock of the save before it until that one committed: respondents of one assessment saved one
-- at a time. Now a save that finds the row locked by another transaction (another save of the
-- same assessment, which moves the activity to the same moment) leaves it to that one.
create or replace function dashboard_answer_saved() returns trigger language plpgsql as $$
begin
    update assessment a set last_activity_at = new.updated_at
    where a.id = (select x.id from assessment x
                  where x.id = (select assessment_id from respondent where id = new.respondent_id)
                    and x.last_activity_at < new.updated_at
                  for no key update skip locked);
    return null;
end;
$$;

-- The benchmark (V7) at 20,000 approved assessments: a percentile was one join of every score
-- row with the group's entries (1.2 s under load). Each score row now carries its entry's
-- industry and size, so the group's scores on a capability, and those below a score, are each one
-- range of an index; the organisation's own entries are found by their key and subtracted.
alter table benchmark_score add column industry varchar(100), add column organisation_size varchar(100);
update benchmark_score s set industry = e.industry, organisation_size = e.organisation_size
from benchmark_entry e where e.assessment_id = s.assessment_id;
create index benchmark_score_industry_idx on benchmark_score (capability, industry, score);
create index benchmark_score_size_idx on benchmark_score (capability, organisation_size, score);
create index benchmark_entry_organisation_idx on benchmark_entry (organisation_key);

-- As in V7, with the entry's industry and size copied onto its scores.
create or replace function benchmark_record(p_version bigint) returns integer language plpgsql as $$
declare
    v assessment_version%rowtype;
    n integer;
begin
    select * into v from assessment_version where id = p_version;
    if not found then
        return 0;
    end if;
    if exists (select 1 from benchmark_entry e where e.assessment_id = v.assessment_id
               and e.version_number > v.number) then
        return 0;
    end if;
    delete from benchmark_entry where assessment_id = v.assessment_id;
    insert into benchmark_entry (assessment_id, version_id, version_number, organisation_key, industry,
                                 organisation_size, stage_quarter, stage_phase, delivery_band, maturity_index,
                                 approved_at)
    select v.assessment_id, v.id, v.number, organisation_key(o.name),
           assessment_context_choice(v.assessment_id, 'context.industry'),
           assessment_context_choice(v.assessment_id, 'context.organisation_size'),
           v.stage_quarter, v.stage_phase, v.delivery_band, v.maturity_index, v.approved_at
    from assessment a join organisation o on o.id = a.organisation_id
    where a.id = v.assessment_id;
    insert into benchmark_score (assessment_id, capability, score, industry, organisation_size)
    select v.assessment_id, c ->> 'key', (c ->> 'combined')::double precision, e.industry, e.organisation_size
    from jsonb_array_elements(v.result_json::jsonb -> 'capabilities') c
    join benchmark_entry e on e.assessment_id = v.assessment_id
    where c ->> 'combined' is not null and c ->> 'key' is not null
    on conflict do nothing;
    get diagnostics n = row_count;
    return n;
end;
$$;
