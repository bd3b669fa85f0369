-- Bearing schema, version 10: benchmark percentiles from counts kept up to date (issue 10,
-- target 1: percentiles <= 200 ms through HTTP; figures in bench/README.md, part 15).
--
-- With V9 a percentile was two index range counts per capability over the group's score rows:
-- at 20,000 approved assessments about 30,000 index entries per capability, 540,000 per group,
-- 1.3 s for three groups on a loaded machine. Scores take few distinct values, so how many rows
-- hold each score, per capability and group, is a small table: a percentile sums at most one row
-- per distinct score below the organisation's. Kept by statement-level triggers on
-- benchmark_score (one aggregate per statement, so a bulk load costs one upsert pass).

create table benchmark_score_count (
    capability varchar(100)     not null,
    -- ALL (every entry; group_key ''), INDUSTRY or SIZE (group_key the choice key)
    group_kind   varchar(10)      not null,
    group_key  varchar(100)     not null,
    score      double precision not null,
    n          integer          not null,
    primary key (capability, group_kind, group_key, score) include (n)
);

-- The count rows of a set of score rows: each score counts in ALL, its industry and its size.
create function benchmark_score_groups(p_capability varchar, p_industry varchar, p_size varchar)
    returns table (group_kind varchar, group_key varchar) language sql immutable as $$
    select 'ALL'::varchar, ''::varchar
    union all select 'INDUSTRY', p_industry where p_industry is not null
    union all select 'SIZE', p_size where p_size is not null
$$;

create function benchmark_score_counted() returns trigger language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        truncate benchmark_score_count;
        return null;
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
        -- two statements: a DELETE in the same statement as the UPDATE would not see its rows
        update benchmark_score_count c set n = c.n - gone.n
        from (select r.capability, g.group_kind, g.group_key, r.score, count(*) as n
              from removed r cross join lateral benchmark_score_groups(r.capability, r.industry, r.organisation_size) g
              group by 1, 2, 3, 4) gone
        where c.capability = gone.capability and c.group_kind = gone.group_kind and c.group_key = gone.group_key
          and c.score = gone.score;
        delete from benchmark_score_count c
        using (select distinct r.capability, g.group_kind, g.group_key, r.score
               from removed r cross join lateral benchmark_score_groups(r.capability, r.industry, r.organisation_size) g) gone
        where c.n <= 0 and c.capability = gone.capability and c.group_kind = gone.group_kind
          and c.group_key = gone.group_key and c.score = gone.score;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into benchmark_score_count (capability, group_kind, group_key, score, n)
        select a.capability, g.group_kind, g.group_key, a.score, count(*)
        from added a cross join lateral benchmark_score_groups(a.capability, a.industry, a.organisation_size) g
        group by 1, 2, 3, 4
        order by 1, 2, 3, 4
        on conflict (capability, group_kind, group_key, score) do update set n = benchmark_score_count.n + excluded.n;
    end if;
    return null;
end;
$$;

create trigger benchmark_score_added after insert on benchmark_score
    referencing new table as added for each statement execute function benchmark_score_counted();
create trigger benchmark_score_removed after delete on benchmark_score
    referencing old table as removed for each statement execute function benchmark_score_counted();
create trigger benchmark_score_changed after update on benchmark_score
    referencing old table as removed new table as added for each statement execute function benchmark_score_counted();
create trigger benchmark_score_truncated after truncate on benchmark_score
    for each statement execute function benchmark_score_counted();

insert into benchmark_score_count (capability, group_kind, group_key, score, n)
select s.capability, g.group_kind, g.group_key, s.score, count(*)
from benchmark_score s cross join lateral benchmark_score_groups(s.capability, s.industry, s.organisation_size) g
group by 1, 2, 3, 4
order by 1, 2, 3, 4;
