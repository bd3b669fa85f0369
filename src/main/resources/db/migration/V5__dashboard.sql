-- Bearing schema, version 5: the dashboard. One SQL query per page must filter and sort 100,000
-- assessments by status, stage and last activity, so those are kept on the assessment row itself,
-- maintained by triggers on the tables they come from (answers, respondents, evaluations, approved
-- versions, review edits). Every write path keeps them true, whichever service or script writes.
-- Archiving hides an assessment from the dashboard; deleting one removes everything of it.

create extension if not exists pg_trgm;

alter table assessment
    add column archived_at           timestamptz,
    -- latest of: created, an answer saved, a survey submitted, an evaluation, an approval, a review edit
    add column last_activity_at      timestamptz,
    add column respondents_total     integer not null default 0,
    -- respondents who saved an answer or submitted
    add column respondents_started   integer not null default 0,
    add column respondents_submitted integer not null default 0,
    -- the latest evaluation: when, and its adoption stage
    add column evaluated_at          timestamptz,
    add column stage_quarter         integer,
    add column stage_phase           varchar(10),
    -- the latest approval (assessment_version) and the latest review edit
    add column approved_at           timestamptz,
    add column review_edited_at      timestamptz,
    -- the organisation's name in lower case, copied here so the dashboard sorts by it from one index
    add column organisation_sort     varchar(200);

update assessment a set last_activity_at = a.created_at,
                        organisation_sort = (select lower(o.name) from organisation o where o.id = a.organisation_id);
alter table assessment alter column last_activity_at set not null;
alter table assessment alter column organisation_sort set not null;

-- A new assessment's last activity is its creation; its organisation's name is copied for sorting.
create function dashboard_assessment_created() returns trigger language plpgsql as $$
begin
    new.last_activity_at := coalesce(new.last_activity_at, new.created_at);
    new.organisation_sort := (select lower(name) from organisation where id = new.organisation_id);
    return new;
end;
$$;
create trigger assessment_dashboard before insert or update of organisation_id on assessment
    for each row execute function dashboard_assessment_created();

-- An organisation renamed: its assessments sort by the new name.
create function dashboard_organisation_renamed() returns trigger language plpgsql as $$
begin
    update assessment set organisation_sort = lower(new.name) where organisation_id = new.id;
    return null;
end;
$$;
create trigger organisation_dashboard after update of name on organisation
    for each row execute function dashboard_organisation_renamed();

-- The status shown on the dashboard, first match wins:
--   APPROVED     the latest evaluation, with every edit made to it, is approved as a version
--   IN_REVIEW    a review edit was made after the latest evaluation (and not approved since)
--   EVALUATED    evaluated, no edit since
--   SUBMITTED    every respondent added has submitted (at least one respondent)
--   IN_PROGRESS  at least one respondent has started or submitted
--   INVITING     nobody has started yet (including before any respondent is added)
alter table assessment add column status varchar(12) generated always as (case
    when evaluated_at is not null and approved_at >= evaluated_at
         and (review_edited_at is null or approved_at >= review_edited_at) then 'APPROVED'
    when evaluated_at is not null and review_edited_at > evaluated_at then 'IN_REVIEW'
    when evaluated_at is not null then 'EVALUATED'
    when respondents_total > 0 and respondents_submitted = respondents_total then 'SUBMITTED'
    when respondents_started > 0 then 'IN_PROGRESS'
    else 'INVITING' end) stored;

-- Adoption stage as one orderable number: quarter 1 early = 1 ... quarter 4 late = 8; null until evaluated.
alter table assessment add column stage_rank integer generated always as (
    stage_quarter * 2 - case when stage_phase = 'EARLY' then 1 else 0 end) stored;

-- Recomputes every assessment's dashboard columns from the source tables (used once below, and by
-- bench/generate-dashboard-data.sql after a bulk load with triggers off).
create function dashboard_refresh() returns void language plpgsql as $$
begin
    update assessment a set
        respondents_total     = coalesce(r.total, 0),
        respondents_started   = coalesce(r.started, 0),
        respondents_submitted = coalesce(r.submitted, 0),
        evaluated_at          = e.created_at,
        stage_quarter         = e.stage_quarter,
        stage_phase           = e.stage_phase,
        approved_at           = v.approved_at,
        last_activity_at      = greatest(a.created_at, r.last_submitted, an.last_answer, e.created_at, v.approved_at),
        organisation_sort     = lower(og.name)
    from assessment x
    join organisation og on og.id = x.organisation_id
    left join (select assessment_id, count(*) as total,
                      count(*) filter (where started_at is not null or submitted_at is not null) as started,
                      count(*) filter (where submitted_at is not null) as submitted,
                      max(submitted_at) as last_submitted
               from respondent group by assessment_id) r on r.assessment_id = x.id
    left join (select re.assessment_id, max(an.updated_at) as last_answer
               from answer an join respondent re on re.id = an.respondent_id
               group by re.assessment_id) an on an.assessment_id = x.id
    left join (select distinct on (assessment_id) assessment_id, created_at, stage_quarter, stage_phase
               from evaluation order by assessment_id, created_at desc, id desc) e on e.assessment_id = x.id
    left join (select assessment_id, max(approved_at) as approved_at
               from assessment_version group by assessment_id) v on v.assessment_id = x.id
    where a.id = x.id;
    if to_regclass('review_edit') is not null then
        execute 'update assessment a set review_edited_at = x.edited,
                     last_activity_at = greatest(a.last_activity_at, x.edited)
                 from (select assessment_id, max(created_at) as edited from review_edit group by assessment_id) x
                 where x.assessment_id = a.id';
    end if;
end;
$$;

-- An answer saved: the assessment's last activity moves forward (never back).
create function dashboard_answer_saved() returns trigger language plpgsql as $$
begin
    update assessment set last_activity_at = new.updated_at
    where id = (select assessment_id from respondent where id = new.respondent_id)
      and last_activity_at < new.updated_at;
    return null;
end;
$$;
create trigger answer_dashboard after insert or update of updated_at on answer
    for each row execute function dashboard_answer_saved();

-- A respondent added, started, submitted, reopened or removed: recount the assessment's respondents.
create function dashboard_respondent_changed() returns trigger language plpgsql as $$
declare
    target bigint := case when tg_op = 'DELETE' then old.assessment_id else new.assessment_id end;
begin
    update assessment a set
        respondents_total     = c.total,
        respondents_started   = c.started,
        respondents_submitted = c.submitted,
        last_activity_at      = greatest(a.last_activity_at, c.last_submitted)
    from (select count(*) as total,
                 count(*) filter (where started_at is not null or submitted_at is not null) as started,
                 count(*) filter (where submitted_at is not null) as submitted,
                 max(submitted_at) as last_submitted
          from respondent where assessment_id = target) c
    where a.id = target;
    return null;
end;
$$;
create trigger respondent_dashboard after insert or delete or update of started_at, submitted_at on respondent
    for each row execute function dashboard_respondent_changed();

-- An evaluation stored: it is the latest one (evaluations are only ever added).
create function dashboard_evaluation_added() returns trigger language plpgsql as $$
begin
    update assessment set evaluated_at = new.created_at,
                          stage_quarter = new.stage_quarter,
                          stage_phase = new.stage_phase,
                          last_activity_at = greatest(last_activity_at, new.created_at)
    where id = new.assessment_id and (evaluated_at is null or evaluated_at <= new.created_at);
    return null;
end;
$$;
create trigger evaluation_dashboard after insert on evaluation
    for each row execute function dashboard_evaluation_added();

-- A version approved.
create function dashboard_version_approved() returns trigger language plpgsql as $$
begin
    update assessment set approved_at = greatest(approved_at, new.approved_at),
                          last_activity_at = greatest(last_activity_at, new.approved_at)
    where id = new.assessment_id;
    return null;
end;
$$;
create trigger assessment_version_dashboard after insert on assessment_version
    for each row execute function dashboard_version_approved();

-- A review edit (or undo) made; review_edit comes with V4 (the review), when present.
create function dashboard_review_edited() returns trigger language plpgsql as $$
begin
    update assessment set review_edited_at = greatest(review_edited_at, new.created_at),
                          last_activity_at = greatest(last_activity_at, new.created_at)
    where id = new.assessment_id;
    return null;
end;
$$;
do $$
begin
    if to_regclass('review_edit') is not null then
        execute 'create trigger review_edit_dashboard after insert on review_edit
                 for each row execute function dashboard_review_edited()';
    end if;
end;
$$;

select dashboard_refresh();

-- Deleting an assessment removes its respondents, their answers, its evaluations, approved
-- versions and review edits in the same statement.
do $$
declare
    fk record;
begin
    for fk in
        select c.conname, c.conrelid::regclass as tbl, a.attname as col, c.confrelid::regclass as ref
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'f' and c.confdeltype <> 'c'
          and (c.conrelid::regclass::text, a.attname::text) in (
              ('respondent', 'assessment_id'), ('answer', 'respondent_id'), ('evaluation', 'assessment_id'),
              ('assessment_version', 'assessment_id'), ('assessment_version', 'evaluation_id'),
              ('review_edit', 'assessment_id'), ('review_edit', 'evaluation_id'))
    loop
        execute format('alter table %s drop constraint %I', fk.tbl, fk.conname);
        execute format('alter table %s add constraint %I foreign key (%I) references %s (id) on delete cascade',
                       fk.tbl, fk.conname, fk.col, fk.ref);
    end loop;
end;
$$;
-- the cascade from evaluation to its versions looks them up by evaluation
create index assessment_version_evaluation_idx on assessment_version (evaluation_id);

-- The dashboard's orders, for assessments not archived (the default view); ties by id. Each
-- serves both directions except stage, whose "not evaluated" rows come last either way.
create index assessment_dash_activity_idx on assessment (last_activity_at, id) where archived_at is null;
create index assessment_dash_status_activity_idx on assessment (status, last_activity_at, id) where archived_at is null;
create index assessment_dash_created_idx on assessment (created_at, id) where archived_at is null;
create index assessment_dash_organisation_idx on assessment (organisation_sort, id) where archived_at is null;
create index assessment_dash_stage_idx on assessment (stage_rank, id) where archived_at is null;
create index assessment_dash_stage_desc_idx on assessment (stage_rank desc nulls last, id desc) where archived_at is null;
create index assessment_dash_archived_idx on assessment (archived_at) where archived_at is not null;
-- the organisation filter: name contains, any case (trigrams; kept on organisation, which
-- autosaves never touch)
create index organisation_name_trgm_idx on organisation using gin (name gin_trgm_ops);
