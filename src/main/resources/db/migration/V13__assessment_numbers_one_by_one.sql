-- Assessment numbers are shown to clients ("Assessment No. 4" on the report). Bearing took them
-- from assessment_seq in blocks of 50 (Hibernate's pooled-lo: a process reserves the 50 numbers
-- from the value it draws), so the first assessment after a restart was No. 51, No. 101 and so on.
-- From now on each assessment draws one number. A process still running the previous version may
-- hold a block from the last value drawn up to 49 past it: the sequence moves past that block once,
-- so that no number is given twice. A database where no number was drawn yet starts at 1.
do $$
declare
    s record;
begin
    select last_value, is_called into s from assessment_seq;
    if s.is_called then
        perform setval('assessment_seq', greatest(s.last_value + 49, (select coalesce(max(id), 0) from assessment)));
    end if;
end
$$;
alter sequence assessment_seq increment by 1;
