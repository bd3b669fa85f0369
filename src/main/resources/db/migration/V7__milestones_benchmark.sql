-- Bearing schema, version 7: milestones (a re-assessment links to the organisation's previous
-- assessment) and the consultancy's own benchmark (one row per approved assessment, its latest
-- approved version, with the capability scores, industry and size copied out for SQL).

-- An organisation is identified by its name, compared without case and with runs of white space
-- collapsed: "ACME  Ltd " and "Acme Ltd" are the same organisation.
create function organisation_key(name text) returns text language sql immutable strict parallel safe as $$
    select lower(regexp_replace(btrim(name), '\s+', ' ', 'g'))
$$;
create index organisation_key_idx on organisation (organisation_key(name));

-- The milestone before this one: the organisation's previous assessment (null for a first one).
alter table assessment add column previous_assessment_id bigint references assessment (id) on delete set null;
create index assessment_previous_idx on assessment (previous_assessment_id);

-- Existing re-assessments: link each assessment to the newest earlier one of the same organisation
-- (by name) and the same owner.
update assessment a set previous_assessment_id = (
    select p.id from assessment p
    join organisation po on po.id = p.organisation_id
    join organisation ao on ao.id = a.organisation_id
    where organisation_key(po.name) = organisation_key(ao.name)
      and p.owner_id is not distinct from a.owner_id
      and (p.created_at, p.id) < (a.created_at, a.id)
    order by p.created_at desc, p.id desc
    limit 1);

-- One answer of an assessment's submitted respondents to a single-choice context question
-- (context.industry, context.organisation_size): the business respondents' most common answer,
-- else the most common answer of all roles; ties go to the first key alphabetically; "don't
-- know" counts as no answer. Null when nobody answered.
create function assessment_context_choice(p_assessment bigint, p_question text) returns text
language sql stable parallel safe as $$
    select c.choice
    from (select an.value_json::jsonb -> 'choices' ->> 0 as choice, r.role
          from answer an join respondent r on r.id = an.respondent_id
          where r.assessment_id = p_assessment and r.submitted_at is not null
            and an.question_key = p_question
            and jsonb_typeof(an.value_json::jsonb -> 'choices') = 'array') c
    where c.choice is not null and c.choice <> 'dont_know'
    group by c.choice
    order by count(*) filter (where c.role = 'BUSINESS') desc, count(*) desc, c.choice
    limit 1
$$;

-- The benchmark: one row per approved assessment, for its newest approved version. Filled in the
-- approving transaction (dev.bearing.benchmark.BenchmarkService observes VersionApproved) by
-- benchmark_record(version id); the figures are copied out of assessment_version.result_json so
-- that a benchmark reads a few numbers per assessment instead of parsing whole results.
create table benchmark_entry (
    assessment_id     bigint        primary key references assessment (id) on delete cascade,
    version_id        bigint        not null references assessment_version (id) on delete cascade,
    version_number    integer       not null,
    organisation_key  text          not null,
    -- context.industry / context.organisation_size choice keys of questionnaire v2, null when unknown
    industry          varchar(100),
    organisation_size varchar(100),
    stage_quarter     integer       not null,
    stage_phase       varchar(10)   not null,
    delivery_band     varchar(20),
    maturity_index    numeric(5, 1) not null,
    approved_at       timestamptz   not null
);
create index benchmark_entry_industry_idx on benchmark_entry (industry);
create index benchmark_entry_size_idx on benchmark_entry (organisation_size);

-- Combined capability scores (0..100) of each benchmark entry; unanswered capabilities have no row.
create table benchmark_score (
    assessment_id bigint           not null references benchmark_entry (assessment_id) on delete cascade,
    capability    varchar(100)     not null,
    score         double precision not null,
    primary key (assessment_id, capability)
);
create index benchmark_score_capability_idx on benchmark_score (capability, score);

-- Records an approved version in the benchmark, replacing its assessment's older version, and
-- returns how many capability scores it recorded. A version older than the one recorded, or an
-- unknown id, changes nothing (0).
create function benchmark_record(p_version bigint) returns integer language plpgsql as $$
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
    insert into benchmark_score (assessment_id, capability, score)
    select v.assessment_id, c ->> 'key', (c ->> 'combined')::double precision
    from jsonb_array_elements(v.result_json::jsonb -> 'capabilities') c
    where c ->> 'combined' is not null and c ->> 'key' is not null
    on conflict do nothing;
    get diagnostics n = row_count;
    return n;
end;
$$;

-- Versions approved before this migration.
select benchmark_record(v.id) from assessment_version v order by v.assessment_id, v.number;
